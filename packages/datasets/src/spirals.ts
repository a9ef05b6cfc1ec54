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
 * Options of `generateSpirals`.
 *
 * @example
 * ```ts
 * const options: SpiralsOptions = { pointsPerClass: 50, classes: 2, noise: 0.2, rng: new NumpyRandomState(0) };
 * generateSpirals(options).nSamples; // → 100
 * ```
 */
export interface SpiralsOptions {
  /** Points per arm (the tutorial's `n_points`). Default 100. */
  pointsPerClass?: number;
  /** Number of arms, one class each (`n_classes`). Default 3. */
  classes?: number;
  /** Standard deviation of the Gaussian noise added to each angle, in radians. Default 0.1. */
  noise?: number;
  /**
   * Where the Gaussian draws come from; `new NumpyRandomState(42)` reproduces the tutorial. Default: the
   * shared default generator (`manualSeed` of `@neurogebra/random`).
   */
  rng?: Rng;
}

/**
 * The tutorial's spiral dataset (Step 1, `generate_spirals`), operation for operation. For each class
 * `c` in order, with `n = pointsPerClass`:
 *
 * ```
 * r     = linspace(0, 1, n)
 * theta = linspace(4c, 4(c + 1), n) + randn(n) * noise    // n consecutive rng.normal() draws
 * X[c·n + i] = [r[i] · sin(theta[i]), r[i] · cos(theta[i])],  y = c
 * ```
 *
 * With `rng = new NumpyRandomState(42)` and `noise: 0.15` this is the tutorial's `X, y` after
 * `np.random.seed(42)`. `sin`/`cos` are correctly rounded (as glibc's, which NumPy ≥ 2 calls), not
 * `Math.sin`/`Math.cos`, so the coordinates equal NumPy's to the last bit.
 *
 * @example
 * ```ts
 * const ds = generateSpirals({ pointsPerClass: 100, classes: 3, noise: 0.15, rng: new NumpyRandomState(42) });
 * ds.nSamples; // → 300
 * row(ds, 1); // → [0.00019861745374223115, 0.010099057192024266]
 * ```
 */
export function generateSpirals(options: SpiralsOptions = {}): Dataset {
  const fn = "generateSpirals";
  checkOptionsObject(fn, options);
  checkKnownOptions(fn, options, ["pointsPerClass", "classes", "noise", "rng"]);
  const { pointsPerClass = 100, classes = 3, noise = 0.1 } = options;
  const n = checkInteger(fn, "pointsPerClass", pointsPerClass, 1);
  const k = checkInteger(fn, "classes", classes, 1);
  const sigma = checkNonNegative(fn, "noise", noise);
  const rng = checkRng(fn, options.rng);

  const X = allocateValues(fn, "pointsPerClass × classes × 2 features", n * k * 2);
  const y = new Int32Array(n * k);
  const r = linspace(0, 1, n);
  for (let c = 0; c < k; c++) {
    const base = linspace(c * 4, (c + 1) * 4, n);
    // All n normal draws of this class first, as np.random.randn(n) does, then the arithmetic.
    const draws = new Float64Array(n);
    for (let i = 0; i < n; i++) draws[i] = rng.normal();
    for (let i = 0; i < n; i++) {
      const theta = base[i]! + draws[i]! * sigma;
      const at = c * n + i;
      X[2 * at] = r[i]! * sinCorrectlyRounded(theta);
      X[2 * at + 1] = r[i]! * cosCorrectlyRounded(theta);
      y[at] = c;
    }
  }
  return { X, y, nSamples: n * k, nFeatures: 2, nClasses: k };
}
