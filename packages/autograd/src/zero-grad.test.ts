import { describe, expect, it } from "vitest";

import { Value } from "./value.js";
import { zeroGrad } from "./zero-grad.js";

describe("zeroGrad", () => {
  it("resets the gradients backward() accumulated, so the next step starts from zero", () => {
    const w = new Value(2);
    const b = new Value(-1);
    w.mul(3).add(b).backward();
    expect([w.grad, b.grad]).toEqual([3, 1]);
    zeroGrad([w, b]);
    expect([w.grad, b.grad]).toEqual([0, 0]);
    w.mul(3).add(b).backward();
    expect([w.grad, b.grad]).toEqual([3, 1]); // not 6 and 2
  });

  it("accepts any iterable and calls zeroGrad() on objects that have one (tensors, modules)", () => {
    const w = new Value(1);
    w.grad = 5;
    let calls = 0;
    const module = { zeroGrad: () => void calls++ };
    zeroGrad(new Set([w, module]));
    expect(w.grad).toBe(0);
    expect(calls).toBe(1);
  });

  it("rejects bad input before resetting anything", () => {
    const w = new Value(1);
    w.grad = 5;
    expect(() => zeroGrad([w, 3 as unknown as Value])).toThrow(
      /zeroGrad: expected params\[1\] to be a Value or to have a zeroGrad\(\) method, got number 3/,
    );
    expect(w.grad).toBe(5);
    expect(() => zeroGrad(null as unknown as Value[])).toThrow(TypeError);
  });
});
