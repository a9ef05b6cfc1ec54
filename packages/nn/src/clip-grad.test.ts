import { Tensor, Value, zeros } from "@neurogebra/autograd";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../test/fixtures/load.js";
import { maxRelativeError } from "../test/finite-differences.js";
import { clipGradNorm, clipGradValue } from "./clip-grad.js";

interface Fixture {
  shapes: number[][];
  grads: number[][];
  norm: { max_norm: number; norm_type: number | "inf"; total: number; grads: number[][] }[];
  nan: { total_is_nan: boolean; grads_all_nan: boolean; raises: boolean };
  value: { clip: number; grads: number[][] }[];
}
const fixture = loadFixture<Fixture>("torch-clip-grad.json");

function params(grads = fixture.grads): Tensor[] {
  return fixture.shapes.map((shape, i) => {
    const p = zeros(shape, { requiresGrad: true });
    p.grad = new Tensor(Float64Array.from(grads[i]!), shape);
    return p;
  });
}

describe("clipGradNorm against torch.nn.utils.clip_grad_norm_", () => {
  it.each(fixture.norm)(
    "max_norm $max_norm, norm_type $norm_type: same total norm and clipped gradients",
    (c) => {
      const ps = params();
      const normType = c.norm_type === "inf" ? Infinity : c.norm_type;
      const total = clipGradNorm(ps, c.max_norm, { normType });
      // PyTorch sums in a vectorised order; ours is sequential: a few ulps apart, not bit for bit.
      expect(Math.abs(total - c.total) / c.total).toBeLessThan(1e-14);
      ps.forEach((p, i) => expect(maxRelativeError(p.grad!.data, c.grads[i]!)).toBeLessThan(1e-14));
    },
  );

  it("leaves gradients alone below the limit (multiplying by 1), and returns the norm they had", () => {
    const ps = params();
    const total = clipGradNorm(ps, 1e6);
    ps.forEach((p, i) => expect(Array.from(p.grad!.data)).toEqual(fixture.grads[i]));
    expect(total).toBeGreaterThan(0);
  });

  it("propagates a NaN as PyTorch does, or throws with errorIfNonfinite", () => {
    const grads = fixture.grads.map((g) => [...g]);
    grads[0]![0] = NaN;
    const ps = params(grads);
    expect(Number.isNaN(clipGradNorm(ps, 1))).toBe(fixture.nan.total_is_nan);
    expect(ps.every((p) => p.grad!.data.every(Number.isNaN))).toBe(fixture.nan.grads_all_nan);
    expect(fixture.nan.raises).toBe(true);
    const again = params(grads);
    expect(() => clipGradNorm(again, 1, { errorIfNonfinite: true })).toThrow(
      /total norm of order 2 of the gradients is NaN/,
    );
    expect(Array.from(again[1]!.grad!.data)).toEqual(fixture.grads[1]); // nothing was scaled
  });

  it("counts a Value as a one-element tensor, skips tensors without gradients, accepts one parameter", () => {
    const a = new Value(0);
    const b = new Value(0);
    a.grad = 3;
    b.grad = 4;
    const unused = zeros([2], { requiresGrad: true });
    expect(clipGradNorm([a, b, unused], 1)).toBe(5);
    expect(a.grad).toBe(3 * (1 / (5 + 1e-6)));
    expect(b.grad).toBe(4 * (1 / (5 + 1e-6)));
    const w = params()[0]!;
    expect(clipGradNorm(w, 1)).toBeCloseTo(Math.hypot(...fixture.grads[0]!), 12);
    expect(clipGradNorm([], 1)).toBe(0); // PyTorch returns 0 for no parameters
  });

  it("rejects bad arguments, naming them", () => {
    expect(() => clipGradNorm(params(), "1" as unknown as number)).toThrow(
      new RangeError('clipGradNorm: expected maxNorm to be a number ≥ 0, got the string "1"'),
    );
    expect(() => clipGradNorm(params(), 1, { normType: 0 })).toThrow(
      /normType to be a number > 0 or Infinity, got number 0/,
    );
    expect(() => clipGradNorm([1 as unknown as Value], 1)).toThrow(
      /expected params\[0\] to be a Value or a Tensor, got number 1/,
    );
  });
});

describe("clipGradValue against torch.nn.utils.clip_grad_value_", () => {
  it.each(fixture.value)("clip $clip: every entry clamped, bit for bit", (c) => {
    const ps = params();
    clipGradValue(ps, c.clip);
    ps.forEach((p, i) => expect(Array.from(p.grad!.data)).toEqual(c.grads[i]));
  });

  it("clamps Values too and rejects a negative clip value", () => {
    const v = new Value(0);
    v.grad = -7;
    clipGradValue([v], 2);
    expect(v.grad).toBe(-2);
    expect(() => clipGradValue([v], -1)).toThrow(/clipValue to be a number ≥ 0, got number -1/);
  });
});
