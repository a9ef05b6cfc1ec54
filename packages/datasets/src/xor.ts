import type { Rng } from "@neurogebra/random";

import {
  allocateValues,
  checkInteger,
  checkKnownOptions,
  checkNonNegative,
  checkOptionsObject,
  checkRng,
} from "./check-options.js";
import type { Dataset } from "./dataset.js";

/**
 * Options of `xor`.
 *
 * @example
 * ```ts
 * const options: XorOptions = { nSamples: 8, noise: 0.1, rng: createRng(0) };
 * xor(options).nFeatures; // → 2
 * ```
 */
export interface XorOptions {
  /** Number of points. Default 200. */
  nSamples?: number;
  /** Label noise, as TensorFlow Playground's noise slider (0 … 0.5 is its range). Default 0. */
  noise?: number;
  /** Where the draws come from; default: the shared default generator (`manualSeed` of `@neurogebra/random`). */
  rng?: Rng;
}

const PADDING = 0.3;

/**
 * TensorFlow Playground's "Exclusive or" dataset. Each coordinate is `uniform(−5, 5)` pushed 0.3 away
 * from 0 (so |x| ≥ 0.3); a noise offset `(uniform(−5, 5), uniform(−5, 5)) · noise` moves only the point
 * used for the label: class 1 if `(x0 + dx)(x1 + dy) ≥ 0` (same-sign quadrants), else class 0. Four
 * `rng.uniform` draws per point.
 *
 * @example
 * ```ts
 * const ds = xor({ nSamples: 200, rng: createRng(1) });
 * ds.nSamples; // → 200
 * ```
 */
export function xor(options: XorOptions = {}): Dataset {
  const fn = "xor";
  checkOptionsObject(fn, options);
  checkKnownOptions(fn, options, ["nSamples", "noise", "rng"]);
  const { nSamples = 200, noise = 0 } = options;
  const n = checkInteger(fn, "nSamples", nSamples, 1);
  const level = checkNonNegative(fn, "noise", noise);
  const rng = checkRng(fn, options.rng);

  const X = allocateValues(fn, "nSamples × 2 features", 2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let x0 = rng.uniform(-5, 5);
    x0 += x0 > 0 ? PADDING : -PADDING;
    let x1 = rng.uniform(-5, 5);
    x1 += x1 > 0 ? PADDING : -PADDING;
    const noiseX = rng.uniform(-5, 5) * level;
    const noiseY = rng.uniform(-5, 5) * level;
    X[2 * i] = x0;
    X[2 * i + 1] = x1;
    y[i] = (x0 + noiseX) * (x1 + noiseY) >= 0 ? 1 : 0;
  }
  return { X, y, nSamples: n, nFeatures: 2, nClasses: 2 };
}
