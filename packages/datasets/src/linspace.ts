import { expected } from "@neurogebra/internal";

/**
 * `np.linspace(start, stop, num)` with NumPy's exact arithmetic: `step = (stop − start) / (num − 1)`,
 * `y[i] = i · step + start`, and the last element set to `stop` exactly. (When `step` is 0 — start equals
 * stop, or the step underflows — NumPy computes `i / (num − 1) · (stop − start) + start`; so does this.)
 *
 * @example
 * ```ts
 * linspace(0, 1, 5); // → Float64Array [0, 0.25, 0.5, 0.75, 1]
 * ```
 */
export function linspace(start: number, stop: number, num: number): Float64Array {
  if (!Number.isFinite(start) || !Number.isFinite(stop)) {
    throw new RangeError(
      `linspace: expected start and stop to be finite, got start ${start} and stop ${stop}`,
    );
  }
  if (!Number.isInteger(num) || num < 0 || num > 0x7fffffff) {
    throw new RangeError(expected("linspace", "num to be an integer >= 0", num));
  }
  const out = new Float64Array(num);
  if (num === 0) return out;
  if (num === 1) {
    out[0] = 0 * (stop - start) + start; // NumPy: div = 0, so y = arange(1) * delta + start
    return out;
  }
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  if (step === 0) {
    for (let i = 0; i < num; i++) out[i] = (i / div) * delta + start;
  } else {
    for (let i = 0; i < num; i++) out[i] = i * step + start;
  }
  out[num - 1] = stop;
  return out;
}
