import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { Tensor } from "../tensor.js";
import { tensor } from "../tensor-factories.js";

const grad = (t: Tensor) => t.grad?.toArray();

describe("Tensor ops on one operand", () => {
  it("computes elementwise ops from their definitions", () => {
    const x = tensor([-2, -0.5, 0, 0.5, 3]);
    expect(x.neg().toArray()).toEqual([2, 0.5, -0, -0.5, -3]);
    expect(x.abs().toArray()).toEqual([2, 0.5, 0, 0.5, 3]);
    expect(x.relu().toArray()).toEqual([0, 0, 0, 0.5, 3]);
    expect(x.leakyRelu(0.1).toArray()).toEqual([-0.2, -0.05, 0, 0.5, 3]);
    expect(x.exp().toArray()).toEqual([...x.data].map(Math.exp));
    expect(x.tanh().toArray()).toEqual([...x.data].map(Math.tanh));
    expect(x.pow(2).toArray()).toEqual([4, 0.25, 0, 0.25, 9]);
    const sig = x.sigmoid().data;
    x.data.forEach((v, i) => expect(sig[i]).toBeCloseTo(1 / (1 + Math.exp(-v)), 15));
    const sp = x.softplus().data;
    x.data.forEach((v, i) => expect(sp[i]).toBeCloseTo(Math.log(1 + Math.exp(v)), 15));
  });

  it("relu is exact at the extremes of float64 (its branch-free formula has a guard there)", () => {
    const x = tensor([-Infinity, -1e308, -5e-324, 5e-324, 1e308, Number.MAX_VALUE, Infinity, NaN]);
    expect(x.relu().toArray()).toEqual([0, 0, 0, 5e-324, 1e308, Number.MAX_VALUE, Infinity, NaN]);
  });

  it("keeps sigmoid and softplus finite and exact for large |x|", () => {
    expect(tensor([-1000, 1000]).sigmoid().toArray()).toEqual([0, 1]);
    expect(tensor([-1000, 1000]).softplus().toArray()).toEqual([0, 1000]);
  });

  it("relu is max(0, x) with +0 for negatives and NaN kept, on random mixes of ordinary and extreme values", () => {
    const extreme = fc.constantFrom(-Infinity, Infinity, NaN, -0, 0, 5e-324, -5e-324, 1e308, -1e308, 9e307);
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 9, arbitrary: fc.double({ min: -5, max: 5 }) }, extreme)),
        (xs) => {
          const expected = xs.map((v) => (Number.isNaN(v) ? NaN : v > 0 ? v : 0));
          const got = Array.from(tensor(xs).relu().data);
          expect(got.every((g, i) => Object.is(g, expected[i]))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("relu's backward selects like PyTorch's threshold_backward: NaN or ∞ upstream stays out of dead units", () => {
    // torch.relu(tensor([-1., 0., 2.])).backward(tensor([nan, inf, nan])) gives grad [0, 0, nan]
    const x = tensor([-1, 0, 2], { requiresGrad: true });
    x.relu().backward(tensor([NaN, Infinity, NaN]));
    expect(Array.from(x.grad!.data)).toEqual([0, 0, NaN]);
  });

  it("relu's backward keeps those semantics in every position of its four-entry blocks", () => {
    // 11 entries: two full blocks of four and a tail of three; one non-finite g per block and in the tail
    const xs = [-1, 2, 0, 3, 4, -5, 6, -7, -8, 9, -1];
    const gs = [NaN, 1, 2, 3, 4, Infinity, 6, 7, 8, 9, -Infinity];
    const x = tensor(xs, { requiresGrad: true });
    x.relu().backward(tensor(gs));
    const expected = xs.map((v, i) => (v > 0 ? gs[i]! : 0));
    expect(Array.from(x.grad!.data)).toEqual(expected);
  });

  it("uses PyTorch's conventions at kinks: relu'(0) = 0, |x|'(0) = 0, pow(0, 0)' = 0", () => {
    const x = tensor([0], { requiresGrad: true });
    x.relu().sum().backward();
    expect(grad(x)).toEqual([0]);
    x.grad = null;
    x.abs().sum().backward();
    expect(grad(x)).toEqual([0]);
    x.grad = null;
    x.pow(0).sum().backward();
    expect(grad(x)).toEqual([0]);
    const k = tensor([2], { requiresGrad: true });
    x.grad = null;
    x.pow(k).sum().backward(); // d/dk 0^k = 0^k·ln 0 → 0 for k ≥ 0
    expect(grad(k)).toEqual([0]);
  });
});
