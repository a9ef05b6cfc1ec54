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

/**
 * Options of `circles`.
 *
 * @example
 * ```ts
 * const options: CirclesOptions = { nSamples: 8, noise: 0.1, rng: createRng(0) };
 * circles(options).nSamples; // → 8
 * ```
 */
export interface CirclesOptions {
  /** Total number of points; the inner disc gets `floor(nSamples / 2)`. Default 200. */
  nSamples?: number;
  /** Label noise, as TensorFlow Playground's noise slider (0 … 0.5 is its range). Default 0. */
  noise?: number;
  /** Where the draws come from; default: the shared default generator (`manualSeed` of `@neurogebra/random`). */
  rng?: Rng;
}

const RADIUS = 5;

/**
 * TensorFlow Playground's "Circle" dataset. Inner points: radius `uniform(0, 2.5)`; outer points: radius
 * `uniform(3.5, 5)`; angle `uniform(0, 2π)`; position `(r·sin a, r·cos a)`. Each point also draws a
 * noise offset `(uniform(−5, 5), uniform(−5, 5)) · noise` that moves only the point used for its label:
 * class 1 if the offset point lies within radius 2.5 of the origin, else class 0 (the Playground's +1
 * and −1). So noise flips labels near the boundary; the stored points are not moved. Four
 * `rng.uniform` draws per point, inner points first. `sin`/`cos` are correctly rounded, so the same
 * seed gives the same points on every JavaScript engine.
 *
 * @example
 * ```ts
 * const ds = circles({ nSamples: 200, noise: 0.1, rng: createRng(1) });
 * ds.nClasses; // → 2
 * ```
 */
export function circles(options: CirclesOptions = {}): Dataset {
  const fn = "circles";
  checkOptionsObject(fn, options);
  checkKnownOptions(fn, options, ["nSamples", "noise", "rng"]);
  const { nSamples = 200, noise = 0 } = options;
  const n = checkInteger(fn, "nSamples", nSamples, 1);
  const level = checkNonNegative(fn, "noise", noise);
  const rng = checkRng(fn, options.rng);

  const nInner = Math.floor(n / 2);
  const X = allocateValues(fn, "nSamples × 2 features", 2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = i < nInner ? rng.uniform(0, RADIUS * 0.5) : rng.uniform(RADIUS * 0.7, RADIUS);
    const angle = rng.uniform(0, 2 * Math.PI);
    const x0 = r * sinCorrectlyRounded(angle);
    const x1 = r * cosCorrectlyRounded(angle);
    const noiseX = rng.uniform(-RADIUS, RADIUS) * level;
    const noiseY = rng.uniform(-RADIUS, RADIUS) * level;
    X[2 * i] = x0;
    X[2 * i + 1] = x1;
    const dx = x0 + noiseX;
    const dy = x1 + noiseY;
    y[i] = Math.sqrt(dx * dx + dy * dy) < RADIUS * 0.5 ? 1 : 0;
  }
  return { X, y, nSamples: n, nFeatures: 2, nClasses: 2 };
}
