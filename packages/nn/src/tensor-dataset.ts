import { Tensor } from "@neurogebra/autograd";

import { expected } from "@neurogebra/internal";

/**
 * One column of a {@link TensorDataset}: a `Tensor` whose first dimension indexes the samples (features,
 * `(n, d)`, or targets, `(n)`), or a typed array with one entry per sample (class labels as `Int32Array`).
 *
 * @example
 * ```ts
 * const columns: DatasetColumn[] = [tensor([[1, 2], [3, 4]]), new Int32Array([0, 1])];
 * columns.length; // → 2
 * ```
 */
export type DatasetColumn = Tensor | Int32Array | Float64Array;

/**
 * The plain dataset of `@neurogebra/datasets` (`generateSpirals`, `moons`, `trainTestSplit(…).train`):
 * row-major features `X` of `nSamples × nFeatures` and one class label per row in `y`.
 *
 * @example
 * ```ts
 * const plain: DatasetLike = { X: new Float64Array([1, 2, 3, 4]), y: new Int32Array([0, 1]), nSamples: 2, nFeatures: 2 };
 * TensorDataset.fromDataset(plain).length; // → 2
 * ```
 */
export interface DatasetLike {
  readonly X: Float64Array;
  readonly y: Int32Array;
  readonly nSamples: number;
  readonly nFeatures: number;
}

/**
 * Samples as columns of equal length (PyTorch's `TensorDataset`): sample `i` is row `i` of every column.
 * Holds the columns themselves (no copy); a {@link DataLoader} gathers its batches from them.
 *
 * @example
 * ```ts
 * const data = new TensorDataset(tensor([[0, 0], [0, 1], [1, 0]]), Int32Array.of(0, 1, 1));
 * data.length; // → 3
 * const fromPlain = TensorDataset.fromDataset(moons({ nSamples: 100 })); // columns [X (100, 2), y]
 * ```
 */
export class TensorDataset<C extends readonly DatasetColumn[] = readonly DatasetColumn[]> {
  /** The columns, as given. */
  readonly columns: C;
  /** Number of samples (the first dimension of every column). */
  readonly length: number;

  constructor(...columns: C) {
    if (columns.length === 0) {
      throw new RangeError(
        "TensorDataset: expected at least one column (e.g. features and labels), got none",
      );
    }
    let length = -1;
    columns.forEach((column: unknown, i) => {
      let n: number;
      if (column instanceof Tensor) {
        if (column.ndim === 0) {
          throw new RangeError(
            `TensorDataset: expected columns[${i}] to have a first dimension, got a Tensor of shape ()`,
          );
        }
        n = column.shape[0]!;
      } else if (column instanceof Int32Array || column instanceof Float64Array) {
        n = column.length;
      } else {
        throw new TypeError(
          expected("TensorDataset", `columns[${i}] to be a Tensor, an Int32Array or a Float64Array`, column),
        );
      }
      if (length !== -1 && n !== length) {
        throw new RangeError(
          `TensorDataset: expected every column to hold ${length} samples like columns[0], got ${n} in columns[${i}]`,
        );
      }
      length = n;
    });
    this.columns = columns;
    this.length = length;
  }

  /**
   * A dataset of `[X as a Tensor (nSamples, nFeatures), y]` over a plain dataset of
   * `@neurogebra/datasets`, sharing its arrays (nothing is copied).
   *
   * @example
   * ```ts
   * const split = trainTestSplit(moons({ nSamples: 100, rng }), { rng });
   * const loader = new DataLoader(TensorDataset.fromDataset(split.train), { batchSize: 16, shuffle: true });
   * loader.length; // → 5  (80 training rows)
   * ```
   */
  static fromDataset(dataset: DatasetLike): TensorDataset<[Tensor, Int32Array]> {
    const d: unknown = dataset;
    const ok =
      d !== null &&
      typeof d === "object" &&
      (d as DatasetLike).X instanceof Float64Array &&
      (d as DatasetLike).y instanceof Int32Array &&
      Number.isInteger((d as DatasetLike).nSamples) &&
      Number.isInteger((d as DatasetLike).nFeatures);
    if (!ok) {
      throw new TypeError(
        expected(
          "TensorDataset.fromDataset",
          "a dataset { X: Float64Array, y: Int32Array, nSamples, nFeatures }",
          d,
        ),
      );
    }
    const { X, y, nSamples, nFeatures } = dataset;
    if (X.length !== nSamples * nFeatures || y.length !== nSamples) {
      throw new RangeError(
        `TensorDataset.fromDataset: expected X of ${nSamples} × ${nFeatures} numbers and ${nSamples} labels, ` +
          `got ${X.length} numbers and ${y.length} labels`,
      );
    }
    return new TensorDataset(new Tensor(X, [nSamples, nFeatures]), y);
  }
}
