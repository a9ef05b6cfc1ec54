import { noGrad } from "@neurogebra/autograd";

/**
 * Central finite differences of a scalar `f()` with respect to every entry of `data` (each perturbed in
 * place by ±eps and restored), evaluated without a graph.
 */
export function numericGradient(f: () => number, data: Float64Array, eps = 1e-6): Float64Array {
  const out = new Float64Array(data.length);
  noGrad(() => {
    for (let i = 0; i < data.length; i++) {
      const x = data[i]!;
      data[i] = x + eps;
      const up = f();
      data[i] = x - eps;
      const down = f();
      data[i] = x;
      out[i] = (up - down) / (2 * eps);
    }
  });
  return out;
}

/** The largest |a − b| / max(1, |b|) over two arrays of the same length. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length)
    throw new RangeError(`maxRelativeError: lengths ${a.length} and ${b.length} differ`);
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  return worst;
}
