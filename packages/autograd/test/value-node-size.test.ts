/**
 * Bytes per `Value` node — the issue asks for them to be reported, and they are most of a training step's
 * cost (allocation and young-generation copying). Its own file: V8 decides a field's representation once
 * per class, for the whole process, so the module must be fresh.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { describe, expect, it } from "vitest";

import { Value } from "../src/index.js";
import { setNextCreationNumber } from "../src/value.js";

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
  it("stays at seven fields and two boxed doubles after a backward that marks node 0", () => {
    // A first small graph whose backward marks creation number 0: marking it as -0 - 1 once made V8
    // store a boxed double in `_id`, and every later node paid a third 16-byte box (128 bytes).
    setNextCreationNumber(0);
    const x = new Value(0.5);
    x.mul(x).add(1.25).backward();
    expect(x.grad).toBe(1);
    // 7 fields (80 bytes with the object header) + the boxes of `data` and `grad` (16 each) = 112
    expect(bytesPerNode(200_000)).toBeLessThan(120);
  });
});
