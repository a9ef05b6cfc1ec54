import { Value } from "@neurogebra/autograd";

import { batchCount, epochOrder, loaderSettings } from "./data-loader.js";
import type { DataLoaderOptions, LoaderSettings } from "./data-loader.js";
import { describe } from "@neurogebra/internal";
import type { DatasetLike } from "./tensor-dataset.js";

/** The batch storage of one size: its rows of `Value`s and its labels. */
interface ValueBatch {
  rows: Value[][];
  labels: Int32Array;
}

/**
 * Mini-batches of a plain dataset as rows of scalar `Value`s, for the from-scratch networks (`Neuron`,
 * `Layer`, `NeuralNetwork`): each batch is `[rows, labels]`, `rows[k]` holding one `Value` per feature of
 * sample `k` — what the tutorial builds with `[Value(X[idx][0]), Value(X[idx][1])]`. Batching, shuffling
 * (`rng.permutation(n)` per epoch, the tutorial's order) and `dropLast` are those of {@link DataLoader}.
 * With `reuseBuffers` (default) the same `Value` objects are refilled for every batch (`data` set, `grad`
 * reset), so run each batch's `backward()` before taking the next.
 *
 * @example
 * ```ts
 * const { train } = trainTestSplit(generateSpirals({ rng: new NumpyRandomState(42) }), { rng: new NumpyRandomState(42) });
 * const loader = new ValueDataLoader(train, { batchSize: 16, shuffle: true, rng: new NumpyRandomState(42) });
 * for (const [rows, labels] of loader) {
 *   let batchLoss = new Value(0);
 *   rows.forEach((x, k) => (batchLoss = batchLoss.add(softmaxCrossEntropy(net.forward(x), labels[k]!).loss)));
 *   // … backward, update
 * }
 * ```
 */
export class ValueDataLoader implements Iterable<[Value[][], Int32Array]> {
  /** The dataset batches are drawn from. */
  readonly dataset: DatasetLike;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  readonly reuseBuffers: boolean;
  readonly #settings: LoaderSettings;
  #full: ValueBatch | null = null;
  #tail: ValueBatch | null = null;

  constructor(dataset: DatasetLike, options: DataLoaderOptions = {}) {
    this.#settings = loaderSettings("ValueDataLoader", options);
    const d: unknown = dataset;
    if (
      d === null ||
      typeof d !== "object" ||
      !((d as DatasetLike).X instanceof Float64Array) ||
      !((d as DatasetLike).y instanceof Int32Array) ||
      !Number.isInteger((d as DatasetLike).nFeatures) ||
      (d as DatasetLike).y.length * (d as DatasetLike).nFeatures !== (d as DatasetLike).X.length
    ) {
      throw new TypeError(
        `ValueDataLoader: expected a dataset { X: Float64Array, y: Int32Array, nSamples, nFeatures } with ` +
          `y.length × nFeatures numbers in X, got ${describe(d)}`,
      );
    }
    this.dataset = dataset;
    ({
      batchSize: this.batchSize,
      shuffle: this.shuffle,
      dropLast: this.dropLast,
      reuseBuffers: this.reuseBuffers,
    } = this.#settings);
  }

  /** Batches per epoch. */
  get length(): number {
    return batchCount(this.dataset.y.length, this.#settings);
  }

  /**
   * One epoch of `[rows, labels]` batches, in a new order when shuffling.
   *
   * @example
   * ```ts
   * const loader = new ValueDataLoader(moons({ nSamples: 40, rng }), { batchSize: 16 });
   * [...loader].map(([rows]) => rows.length); // → [16, 16, 8]  (the last batch may be smaller)
   * ```
   */
  *[Symbol.iterator](): Generator<[Value[][], Int32Array], void, undefined> {
    const { X, y, nFeatures: d } = this.dataset;
    const n = y.length;
    const order = epochOrder("ValueDataLoader", n, this.#settings);
    const { batchSize } = this.#settings;
    const batches = batchCount(n, this.#settings);
    for (let k = 0; k < batches; k++) {
      const start = k * batchSize;
      const size = Math.min(batchSize, n - start);
      const { rows, labels } = this.#target(size, d);
      for (let r = 0; r < size; r++) {
        const sample = order === null ? start + r : order[start + r]!;
        const row = rows[r]!;
        for (let j = 0; j < d; j++) {
          const v = row[j]!;
          v.data = X[sample * d + j]!;
          v.grad = 0;
        }
        labels[r] = y[sample]!;
      }
      yield [rows, labels];
    }
  }

  /** The batch storage for `size` samples: reused, or fresh when `reuseBuffers` is off. */
  #target(size: number, d: number): ValueBatch {
    const reuse = this.#settings.reuseBuffers;
    const full = size === this.#settings.batchSize;
    const kept = full ? this.#full : this.#tail;
    if (reuse && kept !== null) return kept;
    const made: ValueBatch = {
      rows: Array.from({ length: size }, () => Array.from({ length: d }, () => new Value(0))),
      labels: new Int32Array(size),
    };
    if (reuse) {
      if (full) this.#full = made;
      else this.#tail = made;
    }
    return made;
  }
}
