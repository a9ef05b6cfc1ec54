/**
 * Test helper: compare `backward()` with central finite differences for a function of tensors.
 * The output is contracted with fixed pseudo-random weights `w` (loss = Σ w ⊙ f(x)), so every output
 * element's gradient is checked, not just their sum.
 */
import { expect } from "vitest";

import { Tensor, noGrad } from "../src/index.js";

/** A deterministic stream in [0, 1) (a 32-bit LCG) so failures reproduce. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A tensor of `shape` with values drawn uniformly from [low, high), requiring grad. */
export function randomTensor(shape: number[], seed: number, low = -2, high = 2): Tensor {
  const next = lcg(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = low + (high - low) * next();
  return new Tensor(data, shape, { requiresGrad: true });
}

/** Same as `randomTensor`, but every value keeps at least `gap` away from each of `kinks`. */
export function awayFrom(
  shape: number[],
  seed: number,
  kinks: number[],
  gap = 0.05,
  low = -2,
  high = 2,
): Tensor {
  const t = randomTensor(shape, seed, low, high);
  for (let i = 0; i < t.size; i++) {
    for (const k of kinks) {
      const d = t.data[i]! - k;
      if (Math.abs(d) < gap) t.data[i] = k + (d < 0 ? -gap : gap) * 2;
    }
  }
  return t;
}

export interface GradcheckOptions {
  eps?: number;
  tol?: number;
}

/**
 * Assert that the gradients `backward()` puts into every input equal central differences of
 * `Σ w ⊙ f(inputs)` to `tol` (relative to max(1, |value|)). Also checks every gradient has its input's
 * shape. Returns the largest error seen.
 */
export function gradcheck(
  f: (...inputs: Tensor[]) => Tensor,
  inputs: Tensor[],
  { eps = 1e-6, tol = 1e-6 }: GradcheckOptions = {},
): number {
  const out = f(...inputs);
  const next = lcg(12345);
  const w = new Float64Array(out.size);
  for (let i = 0; i < w.length; i++) w[i] = 0.5 + next();
  const weighted = (): number =>
    noGrad(() => {
      const y = f(...inputs).data;
      let s = 0;
      for (let i = 0; i < y.length; i++) s += w[i]! * y[i]!;
      return s;
    });

  for (const x of inputs) x.grad = null;
  out.backward(new Tensor(w, out.shape));

  let worst = 0;
  for (const [k, x] of inputs.entries()) {
    expect(x.grad, `input ${k} got no gradient`).not.toBeNull();
    expect(x.grad!.shape, `gradient of input ${k} has the wrong shape`).toEqual(x.shape);
    for (let i = 0; i < x.size; i++) {
      const saved = x.data[i]!;
      x.data[i] = saved + eps;
      const plus = weighted();
      x.data[i] = saved - eps;
      const minus = weighted();
      x.data[i] = saved;
      const numeric = (plus - minus) / (2 * eps);
      const analytic = x.grad!.data[i]!;
      const err = Math.abs(numeric - analytic) / Math.max(1, Math.abs(numeric), Math.abs(analytic));
      worst = Math.max(worst, err);
      expect(
        err,
        `input ${k}, element ${i}: backward ${analytic}, finite difference ${numeric}`,
      ).toBeLessThan(tol);
    }
  }
  return worst;
}
