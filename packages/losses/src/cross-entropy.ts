import { Tensor } from "@neurogebra/autograd";

import { expected } from "@neurogebra/internal";

import { checkClassIndex, checkNonEmpty, checkReduction, checkSameLength } from "./check.js";
import type { Reduction } from "./check.js";

/**
 * Options of the tensor losses.
 *
 * @example
 * ```ts
 * const options: LossOptions = { reduction: "sum" };
 * mse(tensor([1, 2]), [0, 0], options).item(); // → 5
 * ```
 */
export interface LossOptions {
  /** `"mean"` (default) over the batch, `"sum"`, or `"none"` (one loss per sample). */
  reduction?: Reduction;
}

/** Check logits `(n, c)` and class-index targets; returns the targets as an `Int32Array`. */
export function checkClassificationBatch(fn: string, logits: unknown, targets: unknown): Int32Array {
  if (!(logits instanceof Tensor)) throw new TypeError(expected(fn, "logits to be a Tensor", logits));
  if (logits.ndim !== 2) {
    throw new RangeError(
      `${fn}: expected logits of shape (batch, classes), got shape [${logits.shape.join(", ")}]`,
    );
  }
  const [n, classes] = logits.shape as [number, number];
  checkNonEmpty(fn, "logits", n);
  if (classes === 0)
    throw new RangeError(`${fn}: expected at least one class, got logits of shape [${n}, 0]`);
  if (!(targets instanceof Int32Array) && !Array.isArray(targets)) {
    throw new TypeError(expected(fn, "targets to be an Int32Array or an array of class indices", targets));
  }
  const t = targets as ArrayLike<unknown>;
  checkSameLength(fn, "logits rows", n, "targets", t.length);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = checkClassIndex(fn, `targets[${i}]`, t[i], classes);
  return out;
}

/**
 * Softmax cross-entropy of a batch of logits `(n, c)` against class indices — PyTorch's
 * `F.cross_entropy`. Fused and stable: per row `logSumExp(x) − x[target]` with the max subtracted first,
 * so logits of ±1000 give the exact finite answer; one graph node whose gradient is
 * `softmax(x) − onehot(target)` (divided by `n` for the mean).
 *
 * @param logits - raw class scores, shape `(n, c)`.
 * @param targets - one class index per row.
 * @throws RangeError for an empty batch, a length mismatch, or a target that is not an integer in `[0, c)`.
 * @example
 * ```ts
 * crossEntropy(tensor([[2, 1, 0.1]]), [0]).item(); // → 0.41703001627783354
 * ```
 */
export function crossEntropy(
  logits: Tensor,
  targets: Int32Array | readonly number[],
  options: LossOptions = {},
): Tensor {
  const t = checkClassificationBatch("crossEntropy", logits, targets);
  const reduction = checkReduction("crossEntropy", options.reduction);
  return logits.crossEntropy(t, reduction);
}
