import { cosCorrectlyRounded, sinCorrectlyRounded } from "@neurogebra/random";
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
import { linspace } from "./linspace.js";

/**
 * Options of `moons`.
 *
 * @example
 * ```ts
 * const options: MoonsOptions = { nSamples: 10, noise: 0, rng: createRng(0) };
 * moons(options).y; // → Int32Array [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]
 * ```
 */
export interface MoonsOptions {
  /** Total number of points; the upper moon gets `floor(nSamples / 2)`. Default 200. */
  nSamples?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate. Default 0.1. */
  noise?: number;
  /** Where the draws come from; default: the shared default generator (`manualSeed` of `@neurogebra/random`). */
  rng?: Rng;
}

/**
 * Two interleaving half circles — scikit-learn's `make_moons(n_samples, shuffle=False, noise)`:
 * class 0 is the upper moon `(cos t, sin t)`, class 1 the lower `(1 − cos t, 0.5 − sin t)`, with `t`
 * evenly spaced over [0, π] (`linspace`), then `noise · rng.normal()` added to every coordinate in row
 * order (2 · nSamples draws, also when noise is 0). Points come in class order (not shuffled).
 *
 * @example
 * ```ts
 * const ds = moons({ nSamples: 100, noise: 0.05, rng: new NumpyRandomState(0) });
 * ds.nClasses; // → 2
 * ```
 */
export function moons(options: MoonsOptions = {}): Dataset {
  const fn = "moons";
  checkOptionsObject(fn, options);
  checkKnownOptions(fn, options, ["nSamples", "noise", "rng"]);
  const { nSamples = 200, noise = 0.1 } = options;
  const n = checkInteger(fn, "nSamples", nSamples, 1);
  const sigma = checkNonNegative(fn, "noise", noise);
  const rng = checkRng(fn, options.rng);

  const nOuter = Math.floor(n / 2);
  const nInner = n - nOuter;
  const X = allocateValues(fn, "nSamples × 2 features", 2 * n);
  const y = new Int32Array(n);
  linspace(0, Math.PI, nOuter).forEach((t, i) => {
    X[2 * i] = cosCorrectlyRounded(t);
    X[2 * i + 1] = sinCorrectlyRounded(t);
  });
  linspace(0, Math.PI, nInner).forEach((t, i) => {
    const at = nOuter + i;
    X[2 * at] = 1 - cosCorrectlyRounded(t);
    X[2 * at + 1] = 1 - sinCorrectlyRounded(t) - 0.5;
    y[at] = 1;
  });
  for (let j = 0; j < X.length; j++) X[j] = X[j]! + sigma * rng.normal();
  return { X, y, nSamples: n, nFeatures: 2, nClasses: 2 };
}
