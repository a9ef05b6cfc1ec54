import { Tensor } from "@neurogebra/autograd";
import { defaultRng } from "@neurogebra/random";
import type { Rng } from "@neurogebra/random";

import { checkRng, expected } from "@neurogebra/internal";
import { TensorDataset } from "./tensor-dataset.js";
import type { DatasetColumn, DatasetLike } from "./tensor-dataset.js";

/**
 * Options of {@link DataLoader} and {@link ValueDataLoader}; the defaults are PyTorch's.
 *
 * @example
 * ```ts
 * const options: DataLoaderOptions = { batchSize: 4, shuffle: true, rng: createRng(0), dropLast: true };
 * new DataLoader(moons({ nSamples: 10, rng: createRng(0) }), options).length; // → 2
 * ```
 */
export interface DataLoaderOptions {
  /** Samples per batch (default 1). */
  batchSize?: number;
  /** Draw a new order of the samples at the start of every epoch (default false). */
  shuffle?: boolean;
  /**
   * Where the orders are drawn from: `rng.permutation(n)` once per epoch (the tutorial's
   * `np.random.permutation`); default: the shared default generator at each epoch's start.
   */
  rng?: Rng;
  /** Leave out the last batch when it is smaller than `batchSize` (default false). */
  dropLast?: boolean;
  /**
   * Fill the same batch tensors and arrays every time (default true): no allocation per batch, but a
   * batch is overwritten by the next one — copy what you keep (`tensor(xb.data, xb.shape)`), or pass
   * `false` for fresh ones.
   */
  reuseBuffers?: boolean;
}

/** The checked options. */
export interface LoaderSettings {
  batchSize: number;
  shuffle: boolean;
  rng: Rng | undefined;
  dropLast: boolean;
  reuseBuffers: boolean;
}

/** Check a loader's options, naming `fn` and the option in every error. */
export function loaderSettings(fn: string, options: unknown): LoaderSettings {
  if (options === null || typeof options !== "object") {
    throw new TypeError(expected(fn, "an options object { batchSize?, shuffle?, … }", options));
  }
  const {
    batchSize = 1,
    shuffle = false,
    rng,
    dropLast = false,
    reuseBuffers = true,
  } = options as DataLoaderOptions;
  if (
    typeof batchSize !== "number" ||
    !Number.isInteger(batchSize) ||
    batchSize < 1 ||
    batchSize > 0x7fffffff
  ) {
    throw new RangeError(expected(fn, "batchSize to be a positive integer", batchSize));
  }
  for (const [name, flag] of [
    ["shuffle", shuffle],
    ["dropLast", dropLast],
    ["reuseBuffers", reuseBuffers],
  ] as const) {
    if (typeof flag !== "boolean") throw new TypeError(expected(fn, `${name} to be a boolean`, flag));
  }
  if (rng !== undefined) checkRng(fn, "rng", rng, ["permutation"]);
  return { batchSize, shuffle, rng, dropLast, reuseBuffers };
}

/** Batches in one epoch of `n` samples. */
export function batchCount(n: number, settings: LoaderSettings): number {
  return settings.dropLast ? Math.floor(n / settings.batchSize) : Math.ceil(n / settings.batchSize);
}

/** The sample order of one epoch: a fresh permutation when shuffling, else `null` (0, 1, 2, …). */
export function epochOrder(fn: string, n: number, settings: LoaderSettings): Int32Array | null {
  if (!settings.shuffle) return null;
  const order = (settings.rng ?? defaultRng()).permutation(n);
  if (!(order instanceof Int32Array) || order.length !== n) {
    throw new TypeError(expected(fn, `rng.permutation(${n}) to return an Int32Array of ${n} indices`, order));
  }
  return order;
}

/**
 * A batch: each `Tensor` column gives a `Tensor` of the batch's rows, each typed array the batch's entries.
 *
 * @example
 * ```ts
 * const data = new TensorDataset(tensor([[1, 2], [3, 4]]), new Int32Array([0, 1]));
 * const batch: Batch<[Tensor, Int32Array]> = [...new DataLoader(data, { batchSize: 2, reuseBuffers: false })][0]!;
 * batch[1]; // → Int32Array [0, 1]
 * ```
 */
export type Batch<C extends readonly DatasetColumn[]> = {
  -readonly [K in keyof C]: C[K] extends Tensor ? Tensor : C[K];
};

/** One column's batch storage: the full-size batch and (made on first use) the last, smaller one. */
interface ColumnBuffers {
  full: DatasetColumn | null;
  tail: DatasetColumn | null;
}

/**
 * Mini-batches of a dataset, epoch after epoch (PyTorch's `DataLoader`): iterate it once per epoch and
 * get `[xBatch, yBatch]` — a `Tensor` of `batchSize` rows for each tensor column and a typed array for
 * each label column. With `shuffle: true` every epoch starts with `rng.permutation(n)` and batch `k` is
 * the samples `order[k·batchSize …]` — the tutorial's `perm[start:start + batch_size]`, so the same
 * generator gives the same batches. `dropLast` leaves out a smaller last batch. By default the batch
 * tensors and arrays are filled in place each time (`reuseBuffers`), so a training loop allocates
 * nothing per batch.
 *
 * @example
 * ```ts
 * const loader = new DataLoader(moons({ nSamples: 100 }), { batchSize: 16, shuffle: true });
 * loader.length; // → 7  (batches per epoch)
 * for (const [xb, yb] of loader) {
 *   const loss = model.forward(xb).crossEntropy(yb);
 *   optimizer.zeroGrad(); loss.backward(); optimizer.step();
 * }
 * ```
 */
export class DataLoader<C extends readonly DatasetColumn[] = [Tensor, Int32Array]> implements Iterable<
  Batch<C>
> {
  /** The dataset batches are drawn from (a plain dataset is wrapped in a `TensorDataset`). */
  readonly dataset: TensorDataset<C>;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  readonly reuseBuffers: boolean;
  readonly #settings: LoaderSettings;
  readonly #buffers: ColumnBuffers[];

  constructor(dataset: TensorDataset<C> | DatasetLike, options: DataLoaderOptions = {}) {
    this.#settings = loaderSettings("DataLoader", options);
    this.dataset = (
      dataset instanceof TensorDataset ? dataset : TensorDataset.fromDataset(dataset)
    ) as TensorDataset<C>;
    ({
      batchSize: this.batchSize,
      shuffle: this.shuffle,
      dropLast: this.dropLast,
      reuseBuffers: this.reuseBuffers,
    } = this.#settings);
    this.#buffers = this.dataset.columns.map(() => ({ full: null, tail: null }));
  }

  /** Batches per epoch (PyTorch's `len(loader)`). */
  get length(): number {
    return batchCount(this.dataset.length, this.#settings);
  }

  /**
   * One epoch of batches, in a new order when shuffling.
   *
   * @example
   * ```ts
   * let batches = 0;
   * for (let epoch = 0; epoch < 30; epoch++) for (const [xb] of loader) batches += xb.shape[0] > 0 ? 1 : 0;
   * batches; // → 210  (30 epochs × 7 batches)
   * ```
   */
  *[Symbol.iterator](): Generator<Batch<C>, void, undefined> {
    const n = this.dataset.length;
    const order = epochOrder("DataLoader", n, this.#settings);
    const columns = this.dataset.columns;
    // Read every column's numbers once per epoch.
    const sources = columns.map((column) => (column instanceof Tensor ? column.data : column));
    const { batchSize } = this.#settings;
    const batches = batchCount(n, this.#settings);
    for (let k = 0; k < batches; k++) {
      const start = k * batchSize;
      const size = Math.min(batchSize, n - start);
      const batch = columns.map((column, j) => {
        const target = this.#target(j, column, size);
        const source = sources[j]!;
        const out = target instanceof Tensor ? target.data : target;
        const width = out.length / size;
        for (let r = 0; r < size; r++) {
          const row = order === null ? start + r : order[start + r]!;
          if (width === 1) out[r] = source[row]!;
          else for (let i = 0; i < width; i++) out[r * width + i] = source[row * width + i]!;
        }
        return target;
      });
      yield batch as unknown as Batch<C>;
    }
  }

  /** Where column `j`'s batch of `size` rows goes: a reused buffer, or a fresh one. */
  #target(j: number, column: DatasetColumn, size: number): DatasetColumn {
    const full = size === this.#settings.batchSize;
    const buffers = this.#buffers[j]!;
    if (this.#settings.reuseBuffers) {
      const kept = full ? buffers.full : buffers.tail;
      if (kept !== null) return kept;
    }
    let made: DatasetColumn;
    if (column instanceof Tensor) {
      const rowShape = column.shape.slice(1);
      const width = rowShape.reduce((a, b) => a * b, 1);
      made = new Tensor(new Float64Array(size * width), [size, ...rowShape]);
    } else {
      made = column instanceof Int32Array ? new Int32Array(size) : new Float64Array(size);
    }
    if (this.#settings.reuseBuffers) {
      if (full) buffers.full = made;
      else buffers.tail = made;
    }
    return made;
  }
}
