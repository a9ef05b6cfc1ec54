/**
 * Bytes per `Value` node — the issue asks for them to be reported, and they are most of a training step's
 * cost (allocation and young-generation copying). Its own file: V8 decides a field's representation once
 * per class, for the whole process, so the module must be fresh.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { describe, expect, it } from "vitest";

import { Value } from "../src/index.js";
import { ID_LIMIT, setNextCreationNumber } from "../src/creation-chain.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap bytes per op node of a chain of `n` `mul`s kept alive by its root. */
function bytesPerNode(n: number): number {
  const b = new Value(1.0000001);
  gc();
  const before = process.memoryUsage().heapUsed;
  let v = new Value(1);
  for (let i = 0; i < n; i++) v = v.mul(b);
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(v.data).toBeGreaterThan(1); // keeps the chain alive until here
  return (after - before) / n;
}

describe("Value node size", () => {
  it("stays at six fields and two boxed doubles after a backward that marks node 0", () => {
    // A first small graph whose backward marks creation number 0: marking it as -0 - 1 once made V8
    // store a boxed double in the creation-number field, and every later node paid a third 16-byte box.
    setNextCreationNumber(0);
    const x = new Value(0.5);
    x.mul(x).add(1.25).backward();
    expect(x.grad).toBe(1);
    // the chain measured below runs through the largest creation numbers and starts over: every `_key`
    // (id · 32 + op) must stay a small integer, or V8 boxes it
    setNextCreationNumber(ID_LIMIT - 100_000);
    // 6 fields (72 bytes with the object header) + the boxes of `data` and `grad` (16 each) = 104;
    // a seventh field would make 112, a third box 120
    expect(bytesPerNode(200_000)).toBeLessThan(110);
  });
});
