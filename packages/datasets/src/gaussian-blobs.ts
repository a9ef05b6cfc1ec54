import type { Rng } from "@neurogebra/random";
import { expected } from "@neurogebra/internal";

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
 * Options of `gaussianBlobs`.
 *
 * @example
 * ```ts
 * const options: GaussianBlobsOptions = { nSamples: 6, centers: [[0, 0, 0], [5, 5, 5]], rng: createRng(0) };
 * const blobs = gaussianBlobs(options);
 * [blobs.nFeatures, blobs.nClasses]; // → [3, 2]
 * ```
 */
export interface GaussianBlobsOptions {
  /** Total number of points, split as evenly as possible over the centers (earlier ones get the extra). Default 200. */
  nSamples?: number;
  /**
   * Widens the blobs like TensorFlow Playground's noise slider: variance `0.5 + 7 · noise` (0.5 at
   * noise 0, 4 at noise 0.5). Default 0.
   */
  noise?: number;
  /** One center per class, all of the same dimension. Default `[[-2, -2], [2, 2]]` (the Playground's). */
  centers?: readonly (readonly number[])[];
  /** Where the draws come from; default: the shared default generator (`manualSeed` of `@neurogebra/random`). */
  rng?: Rng;
}

const PLAYGROUND_CENTERS: readonly (readonly number[])[] = [
  [-2, -2],
  [2, 2],
];

/**
 * Isotropic Gaussian blobs, TensorFlow Playground's "Gaussian" dataset generalised to any centers:
 * class `c`'s points are `centers[c] + sqrt(0.5 + 7·noise) · (rng.normal(), …)`, one normal draw per
 * coordinate, classes in order.
 *
 * @example
 * ```ts
 * const ds = gaussianBlobs({ nSamples: 90, centers: [[0, 0], [3, 0], [0, 3]], rng: createRng(5) });
 * ds.nClasses; // → 3
 * ```
 */
export function gaussianBlobs(options: GaussianBlobsOptions = {}): Dataset {
  const fn = "gaussianBlobs";
  checkOptionsObject(fn, options);
  checkKnownOptions(fn, options, ["nSamples", "noise", "centers", "rng"]);
  const { nSamples = 200, noise = 0 } = options;
  const centers: readonly (readonly number[])[] = options.centers ?? PLAYGROUND_CENTERS;
  const n = checkInteger(fn, "nSamples", nSamples, 1);
  const level = checkNonNegative(fn, "noise", noise);
  const rng = checkRng(fn, options.rng);
  if (!(centers instanceof Array) || centers.length < 1) {
    throw new RangeError(expected(fn, `option "centers" to be a non-empty array of points`, centers));
  }
  const d = centers[0]!.length;
  centers.forEach((center, c) => {
    if (center.length !== d || d < 1 || !center.every((v) => Number.isFinite(v))) {
      throw new RangeError(
        `${fn}: expected option "centers" to hold finite points of one dimension (${d} like centers[0]), got [${center.join(", ")}] at centers[${c}]`,
      );
    }
  });

  const std = Math.sqrt(0.5 + 7 * level);
  const k = centers.length;
  const X = allocateValues(fn, "nSamples × the centers' dimension", n * d);
  const y = new Int32Array(n);
  let at = 0;
  for (let c = 0; c < k; c++) {
    const count = Math.floor(n / k) + (c < n % k ? 1 : 0);
    const center = centers[c]!;
    for (let i = 0; i < count; i++, at++) {
      for (let j = 0; j < d; j++) X[at * d + j] = center[j]! + std * rng.normal();
      y[at] = c;
    }
  }
  return { X, y, nSamples: n, nFeatures: d, nClasses: k };
}
