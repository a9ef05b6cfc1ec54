import type { Rng } from "@neurogebra/random";
import { expected } from "@neurogebra/internal";

import { checkKnownOptions, checkOptionsObject, checkRng } from "./check-options.js";
import { labelsToInt32, resolveClassCount } from "./dataset.js";
import type { Dataset } from "./dataset.js";

/**
 * Options of `trainTestSplit`.
 *
 * @example
 * ```ts
 * const options: TrainTestSplitOptions = { trainFraction: 0.5, rng: new NumpyRandomState(42) };
 * trainTestSplit(moons({ nSamples: 10, rng: createRng(0) }), options).train.nSamples; // → 5
 * ```
 */
export interface TrainTestSplitOptions {
  /** Fraction of the rows that go to training, in (0, 1). Default 0.8. */
  trainFraction?: number;
  /**
   * Draws the permutation; the tutorial's is the `NumpyRandomState` that generated the spirals. Default:
   * the shared default generator (`manualSeed` of `@neurogebra/random`).
   */
  rng?: Rng;
}

/**
 * The result of `trainTestSplit`: the tutorial's four arrays, the permutation, and both halves as datasets.
 *
 * @example
 * ```ts
 * const split: TrainTestSplit = trainTestSplit(moons({ nSamples: 10, rng: createRng(0) }), { rng: createRng(1) });
 * [split.train.nSamples, split.test.nSamples, split.XTrain.length]; // → [8, 2, 16]
 * ```
 */
export interface TrainTestSplit {
  /** Row-major training features (rows `indices[0 … split − 1]`). */
  readonly XTrain: Float64Array;
  readonly yTrain: Int32Array;
  /** Row-major test features (rows `indices[split …]`). */
  readonly XTest: Float64Array;
  readonly yTest: Int32Array;
  /** The permutation drawn: `rng.permutation(nSamples)`. */
  readonly indices: Int32Array;
  /** `XTrain`/`yTrain` as a `Dataset` (same arrays, not copies). */
  readonly train: Dataset;
  /** `XTest`/`yTest` as a `Dataset` (same arrays, not copies). */
  readonly test: Dataset;
}

type Features = Float64Array | readonly (readonly number[])[];

/**
 * The tutorial's split: `indices = rng.permutation(n)`, `split = int(trainFraction · n)`, the first
 * `split` permuted rows train, the rest test. Takes a `Dataset`, or `X` (row-major `Float64Array` with
 * `y.length` rows, or `number[][]`) and `y`.
 *
 * @example
 * ```ts
 * const rng = new NumpyRandomState(42);
 * const data = generateSpirals({ noise: 0.15, rng });
 * const { XTrain, yTest, indices } = trainTestSplit(data, { rng });
 * XTrain.length; // → 480  (240 rows × 2)
 * yTest.length; // → 60
 * indices.subarray(0, 3); // → Int32Array [203, 246, 67]
 * ```
 */
export function trainTestSplit(dataset: Dataset, options?: TrainTestSplitOptions): TrainTestSplit;
export function trainTestSplit(
  X: Features,
  y: Int32Array | readonly number[],
  options?: TrainTestSplitOptions,
): TrainTestSplit;
export function trainTestSplit(
  first: Dataset | Features,
  second?: Int32Array | readonly number[] | TrainTestSplitOptions,
  third?: TrainTestSplitOptions,
): TrainTestSplit {
  const fn = "trainTestSplit";
  const isDataset = !(first instanceof Float64Array) && !Array.isArray(first);
  const data = isDataset ? (first as Dataset) : toDataset(first as Features, second as Int32Array | number[]);
  const options = ((isDataset ? second : third) ?? {}) as TrainTestSplitOptions;
  if (
    data.X.length !== data.nSamples * data.nFeatures ||
    data.y.length !== data.nSamples ||
    data.nSamples < 1
  ) {
    throw new RangeError(
      `${fn}: dataset lengths do not match: X.length ${data.X.length}, y.length ${data.y.length}, nSamples ${data.nSamples}, nFeatures ${data.nFeatures}`,
    );
  }
  checkOptionsObject(fn, options);
  checkKnownOptions(fn, options, ["trainFraction", "rng"]);
  const { trainFraction = 0.8 } = options;
  if (typeof trainFraction !== "number" || !(trainFraction > 0 && trainFraction < 1)) {
    throw new RangeError(expected(fn, `option "trainFraction" to be a number in (0, 1)`, trainFraction));
  }
  const rng = checkRng(fn, options.rng);

  const n = data.nSamples;
  const d = data.nFeatures;
  const indices = rng.permutation(n);
  const split = Math.trunc(trainFraction * n); // Python's int(0.8 * len(X))
  const take = (from: number, to: number): Dataset => {
    const X = new Float64Array((to - from) * d);
    const y = new Int32Array(to - from);
    for (let i = from; i < to; i++) {
      const source = indices[i]!;
      X.set(data.X.subarray(source * d, (source + 1) * d), (i - from) * d);
      y[i - from] = data.y[source]!;
    }
    return { X, y, nSamples: to - from, nFeatures: d, nClasses: data.nClasses };
  };
  const train = take(0, split);
  const test = take(split, n);
  return { XTrain: train.X, yTrain: train.y, XTest: test.X, yTest: test.y, indices, train, test };
}

/** Wraps X/y (checked) as a Dataset without copying a Float64Array X. */
function toDataset(X: Features, labels: Int32Array | readonly number[]): Dataset {
  const fn = "trainTestSplit";
  if (labels === undefined || labels === null || typeof labels.length !== "number") {
    throw new TypeError(expected(fn, "y to be an Int32Array or an array of class labels", labels));
  }
  const n = labels.length;
  if (n < 1) throw new RangeError(`${fn}: expected y to hold at least one label, got ${n}`);
  const y = labelsToInt32(fn, labels);
  if (X instanceof Float64Array) {
    if (X.length % n !== 0 || X.length === 0) {
      throw new RangeError(
        `${fn}: expected X.length to be a positive multiple of y.length (${n}), got ${X.length}`,
      );
    }
    return { X, y, nSamples: n, nFeatures: X.length / n, nClasses: resolveClassCount(fn, y, undefined) };
  }
  if (X.length !== n) {
    throw new RangeError(`${fn}: X and y lengths do not match: X has ${X.length} rows, y has ${n} labels`);
  }
  const d = X[0]!.length;
  const flat = new Float64Array(n * d);
  X.forEach((r, i) => {
    if (r.length !== d || d === 0) {
      throw new RangeError(
        `${fn}: expected every row of X to have ${d} > 0 features like row 0, got ${r.length} in row ${i}`,
      );
    }
    flat.set(r, i * d);
  });
  return { X: flat, y, nSamples: n, nFeatures: d, nClasses: resolveClassCount(fn, y, undefined) };
}
