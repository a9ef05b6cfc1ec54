import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { Tensor } from "../tensor.js";
import { arange, tensor, zeros } from "../tensor-factories.js";

const grad = (t: Tensor) => t.grad?.toArray();

describe("Tensor elementwise ops on two operands", () => {
  it("broadcasts like NumPy (checked against explicit loops)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (p, q, r) => {
          const a = arange(p * q * r).reshape([p, q, r]);
          const b = arange(q).mul(10).reshape([q, 1]);
          const out = a.add(b);
          expect(out.shape).toEqual([p, q, r]);
          for (let i = 0; i < p; i++)
            for (let j = 0; j < q; j++)
              for (let k = 0; k < r; k++) {
                expect(out.data[(i * q + j) * r + k]).toBe(a.data[(i * q + j) * r + k]! + 10 * j);
              }
        },
      ),
      { numRuns: 30 },
    );
  });

  it("maximum and minimum propagate NaN", () => {
    expect(
      tensor([1, NaN, 3])
        .maximum(tensor([2, 0, NaN]))
        .toArray(),
    ).toEqual([2, NaN, NaN]);
    expect(tensor([1, NaN]).minimum(0).toArray()).toEqual([0, NaN]);
  });

  it("splits the gradient of maximum in half on ties, as PyTorch", () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const b = tensor([1, 1], { requiresGrad: true });
    a.maximum(b).sum().backward();
    expect(grad(a)).toEqual([0.5, 1]);
    expect(grad(b)).toEqual([0.5, 0]);
    const inf = tensor([Infinity, -Infinity], { requiresGrad: true });
    inf
      .minimum(tensor([Infinity, 0]))
      .sum()
      .backward();
    expect(grad(inf)).toEqual([0.5, 1]);
  });

  it("comparisons give 0/1 tensors without a graph", () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    expect(x.gt(2).toArray()).toEqual([0, 0, 1]);
    expect(x.lt(2).toArray()).toEqual([1, 0, 0]);
    expect(x.ge(2).toArray()).toEqual([0, 1, 1]);
    expect(x.le(2).toArray()).toEqual([1, 1, 0]);
    expect(x.eq(2).toArray()).toEqual([0, 1, 0]);
    expect(x.gt(2).requiresGrad).toBe(false);
  });
});

describe("Tensor elementwise ops on two operands: errors name the op, the argument and the shapes", () => {
  it("broadcasting", () => {
    expect(() => zeros([2, 3]).add(zeros([4]))).toThrow(
      new RangeError("add: shapes (2,3) and (4,) do not broadcast — dimension -1 has sizes 3 and 4"),
    );
    expect(() => zeros([3]).mul("2" as unknown as number)).toThrow(
      new TypeError('mul: expected other to be a Tensor or a number, got the string "2"'),
    );
    expect(() => zeros([3]).broadcastTo([1])).toThrow(RangeError);
    expect(() => zeros([3, 1]).broadcastTo([3])).toThrow(/cannot be broadcast to \(3,\)/);
  });
});
