import { Tensor, noGrad, ones, zeros } from "@neurogebra/autograd";

import { expected, formatRepr } from "@neurogebra/internal";
import { expectTensor } from "./expect-tensor.js";
import { Module } from "./module.js";
import { checkSize } from "./neuron.js";

/**
 * Options of {@link BatchNorm1d}; the defaults are PyTorch's.
 *
 * @example
 * ```ts
 * const options: BatchNorm1dOptions = { eps: 1e-3, momentum: 0.01, affine: false };
 * new BatchNorm1d(3, options).parameters().length; // → 0
 * ```
 */
export interface BatchNorm1dOptions {
  /** Added to the variance before the square root (default 1e-5). */
  eps?: number;
  /**
   * Weight of the new batch in the running statistics (default 0.1); `null` for a cumulative average
   * (weight `1 / num_batches_tracked`).
   */
  momentum?: number | null;
  /** Learn a per-feature scale `weight` (initially 1) and shift `bias` (initially 0) (default true). */
  affine?: boolean;
  /** Keep running statistics for evaluation (default true); without them, eval also uses the batch's. */
  trackRunningStats?: boolean;
}

/**
 * Batch normalisation over a batch `(N, C)` or `(N, C, L)` (PyTorch's `nn.BatchNorm1d`): each feature `c`
 * is normalised by the mean and the biased variance over the batch (and `L`) in training mode,
 *
 * ```text
 * y = (x − mean) / √(var + eps) · weight + bias
 * ```
 *
 * and by the running statistics in evaluation mode (`model.eval()`). Each training forward updates, as
 * PyTorch does, `running_mean = (1 − m)·running_mean + m·mean` and the same for `running_var` with the
 * *unbiased* variance, and counts `num_batches_tracked`; the three are buffers, saved in `stateDict()`
 * under PyTorch's names. The forward is built from differentiable tensor ops (mean, subtraction, square
 * root, division), so the gradient flows through the batch statistics as in PyTorch.
 *
 * @example
 * ```ts
 * const bn = new BatchNorm1d(2);
 * bn.forward(tensor([[1, 10], [3, 30]])).toArray(); // → [[-0.99999…, -0.99999…], [0.99999…, 0.99999…]]  (to within eps)
 * Object.keys(bn.stateDict()); // → ["weight", "bias", "running_mean", "running_var", "num_batches_tracked"]
 * ```
 */
export class BatchNorm1d extends Module {
  readonly numFeatures: number;
  readonly eps: number;
  readonly momentum: number | null;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
  /** Scale per feature, shape `(C)` (`null` without `affine`). */
  readonly weight: Tensor | null;
  /** Shift per feature, shape `(C)` (`null` without `affine`). */
  readonly bias: Tensor | null;
  /** Running mean per feature, shape `(C)` (`null` without `trackRunningStats`). */
  readonly runningMean: Tensor | null;
  /** Running unbiased variance per feature, shape `(C)` (`null` without `trackRunningStats`). */
  readonly runningVar: Tensor | null;
  /** Training batches seen, shape `()` (`null` without `trackRunningStats`). */
  readonly numBatchesTracked: Tensor | null;

  constructor(numFeatures: number, options: BatchNorm1dOptions = {}) {
    super();
    if (options === null || typeof options !== "object") {
      throw new TypeError(expected("BatchNorm1d", "an options object", options));
    }
    this.numFeatures = checkSize("BatchNorm1d", "numFeatures", numFeatures);
    const { eps = 1e-5, momentum = 0.1, affine = true, trackRunningStats = true } = options;
    if (typeof eps !== "number" || !Number.isFinite(eps) || eps < 0) {
      throw new RangeError(expected("BatchNorm1d", "eps to be a finite number ≥ 0", eps));
    }
    if (momentum !== null && (typeof momentum !== "number" || !(momentum >= 0 && momentum <= 1))) {
      throw new RangeError(expected("BatchNorm1d", "momentum to be a number in [0, 1] or null", momentum));
    }
    for (const [name, flag] of [
      ["affine", affine],
      ["trackRunningStats", trackRunningStats],
    ] as const) {
      if (typeof flag !== "boolean") {
        throw new TypeError(expected("BatchNorm1d", `${name} to be a boolean`, flag));
      }
    }
    this.eps = eps;
    this.momentum = momentum;
    this.affine = affine;
    this.trackRunningStats = trackRunningStats;
    const c = this.numFeatures;
    this.weight = affine ? this.registerParameter("weight", ones([c])) : null;
    this.bias = affine ? this.registerParameter("bias", zeros([c])) : null;
    this.runningMean = trackRunningStats ? this.registerBuffer("running_mean", zeros([c])) : null;
    this.runningVar = trackRunningStats ? this.registerBuffer("running_var", ones([c])) : null;
    this.numBatchesTracked = trackRunningStats ? this.registerBuffer("num_batches_tracked", zeros([])) : null;
  }

  /**
   * Normalise `x` of shape `(N, C)` or `(N, C, L)` per feature; in training mode also update the
   * running statistics.
   *
   * @example
   * ```ts
   * // training: batch statistics, running statistics updated
   * bn.train().forward(batch);
   * // evaluation: the running statistics
   * bn.eval().forward(batch);
   * ```
   */
  forward(x: Tensor): Tensor {
    expectTensor("BatchNorm1d.forward", x);
    const c = this.numFeatures;
    if ((x.ndim !== 2 && x.ndim !== 3) || x.shape[1] !== c) {
      throw new RangeError(
        `BatchNorm1d.forward: expected x of shape (N, ${c}) or (N, ${c}, L), got shape (${x.shape.join(", ")})`,
      );
    }
    const axes = x.ndim === 2 ? [0] : [0, 2];
    const perFeature = x.ndim === 2 ? [c] : [c, 1]; // broadcasts against (N, C) / (N, C, L)
    const batchStats = this.training || this.runningMean === null;
    let normalized: Tensor;
    if (batchStats) {
      const count = x.numel() / c;
      if (this.training && count <= 1) {
        throw new RangeError(
          `BatchNorm1d.forward: expected more than 1 value per feature when training, got shape (${x.shape.join(", ")})`,
        );
      }
      const mean = x.mean(axes, true);
      const centered = x.sub(mean);
      const variance = centered.mul(centered).mean(axes, true);
      normalized = centered.div(variance.add(this.eps).sqrt());
      if (this.training && this.runningMean !== null) this.#track(centered, mean, count);
    } else {
      const mean = new Tensor(Float64Array.from(this.runningMean.data), perFeature);
      const std = new Tensor(Float64Array.from(this.runningVar!.data), perFeature).add(this.eps).sqrt();
      normalized = x.sub(mean).div(std);
    }
    if (this.weight === null || this.bias === null) return normalized;
    return normalized.mul(this.weight.reshape(perFeature)).add(this.bias.reshape(perFeature));
  }

  /** Update the running statistics from this batch (PyTorch's order of operations, no graph). */
  #track(centered: Tensor, mean: Tensor, count: number): void {
    noGrad(() => {
      const tracked = this.numBatchesTracked!.data;
      tracked[0] = tracked[0]! + 1;
      const m = this.momentum ?? 1 / tracked[0];
      const runningMean = this.runningMean!.data;
      const runningVar = this.runningVar!.data;
      const batchMean = mean.data;
      const squares = centered.mul(centered).sum(centered.ndim === 2 ? [0] : [0, 2]).data;
      for (let f = 0; f < this.numFeatures; f++) {
        runningMean[f] = m * batchMean[f]! + (1 - m) * runningMean[f]!;
        runningVar[f] = m * (squares[f]! / (count - 1)) + (1 - m) * runningVar[f]!;
      }
    });
  }

  /** PyTorch's representation, e.g. `BatchNorm1d(16, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)`. */
  override toString(): string {
    const momentum = this.momentum === null ? "None" : formatRepr(this.momentum);
    const py = (b: boolean): string => (b ? "True" : "False");
    return (
      `BatchNorm1d(${this.numFeatures}, eps=${formatRepr(this.eps)}, momentum=${momentum}, ` +
      `affine=${py(this.affine)}, track_running_stats=${py(this.trackRunningStats)})`
    );
  }
}
