/**
 * A labelled dataset as plain data, the same for both engines: `X` holds `nSamples` rows of
 * `nFeatures` numbers, row after row (row-major), and `y[i]` is row i's class in `0 … nClasses − 1`.
 *
 * @example
 * ```ts
 * const ds = generateSpirals({ rng: new NumpyRandomState(42) });
 * ds.X.length === ds.nSamples * ds.nFeatures; // → true
 * row(ds, 1); // → [0.0002684291056814467, 0.01009744278894073]  (x0, x1 of the second point)
 * ```
 */
import { expected } from "@neurogebra/internal";

export interface Dataset {
  /** Row-major `nSamples × nFeatures` features. */
  readonly X: Float64Array;
  /** One class label per row, in `0 … nClasses − 1`. */
  readonly y: Int32Array;
  readonly nSamples: number;
  readonly nFeatures: number;
  readonly nClasses: number;
}

/**
 * Row `i` of a dataset's features as a fresh array.
 *
 * @example
 * ```ts
 * const ds = fromRows([[1, 2], [3, 4]], [0, 1]);
 * row(ds, 1); // → [3, 4]
 * ```
 */
export function row(dataset: Dataset, i: number): number[] {
  if (!Number.isInteger(i) || i < 0 || i >= dataset.nSamples) {
    throw new RangeError(expected("row", `i to be an integer in [0, ${dataset.nSamples - 1}]`, i));
  }
  const d = dataset.nFeatures;
  return Array.from(dataset.X.subarray(i * d, (i + 1) * d));
}

/**
 * All rows as arrays (`number[][]`), e.g. to build one `Value` per feature.
 *
 * @example
 * ```ts
 * toRows(datasetFromRows([[1, 2], [3, 4]], [0, 1])); // → [[1, 2], [3, 4]]
 * ```
 */
export function toRows(dataset: Dataset): number[][] {
  return Array.from({ length: dataset.nSamples }, (_, i) => row(dataset, i));
}

/**
 * Builds a `Dataset` from rows and labels (copied). (Named for what it returns: autograd's `fromRows`
 * builds a `Tensor`.) `nClasses` defaults to the largest label + 1.
 *
 * @example
 * ```ts
 * const ds = datasetFromRows([[0, 0], [1, 1], [2, 2]], [0, 1, 1]);
 * ds.nFeatures; // → 2
 * ds.nClasses; // → 2
 * ```
 */
export function datasetFromRows(
  rows: readonly (readonly number[])[],
  labels: ArrayLike<number>,
  nClasses?: number,
): Dataset {
  if (rows.length !== labels.length) {
    throw new RangeError(
      `datasetFromRows: expected rows and labels to have the same length, got ${rows.length} rows and ${labels.length} labels`,
    );
  }
  if (rows.length === 0) throw new RangeError("datasetFromRows: expected at least one row, got 0 rows");
  const nFeatures = rows[0]!.length;
  if (nFeatures < 1)
    throw new RangeError("datasetFromRows: expected rows to hold at least one feature, got 0");
  const X = new Float64Array(rows.length * nFeatures);
  rows.forEach((r, i) => {
    if (r.length !== nFeatures) {
      throw new RangeError(
        `datasetFromRows: expected every row to have ${nFeatures} features like row 0, got ${r.length} in row ${i}`,
      );
    }
    X.set(r, i * nFeatures);
  });
  const y = labelsToInt32("datasetFromRows", labels);
  return {
    X,
    y,
    nSamples: rows.length,
    nFeatures,
    nClasses: resolveClassCount("datasetFromRows", y, nClasses),
  };
}

/**
 * The old name of {@link datasetFromRows}, which it calls (messages name `datasetFromRows`).
 *
 * @deprecated Use `datasetFromRows`: `@neurogebra/autograd` exports a `fromRows` that builds a Tensor,
 * and one name with two meanings is a trap when both packages are imported. Removed in a later minor.
 * @example
 * ```ts
 * fromRows([[0, 0], [1, 1]], [0, 1]).nSamples; // → 2
 * ```
 */
export function fromRows(
  rows: readonly (readonly number[])[],
  labels: ArrayLike<number>,
  nClasses?: number,
): Dataset {
  return datasetFromRows(rows, labels, nClasses);
}

/** Copies labels into an Int32Array, checking each is a non-negative integer. */
export function labelsToInt32(fn: string, labels: ArrayLike<number>): Int32Array {
  const y = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0 || label > 0x7fffffff) {
      throw new RangeError(expected(fn, `y[${i}] to be a non-negative integer class label`, label));
    }
    y[i] = label;
  }
  return y;
}

/** `nClasses` if given (checked to cover every label), else the largest label + 1. */
export function resolveClassCount(fn: string, y: Int32Array, nClasses: number | undefined): number {
  let largest = -1;
  for (const label of y) largest = Math.max(largest, label);
  if (nClasses === undefined) return largest + 1;
  if (!Number.isInteger(nClasses) || nClasses <= largest) {
    throw new RangeError(
      expected(fn, `nClasses to be an integer above every label (largest ${largest})`, nClasses),
    );
  }
  return nClasses;
}
