import { Value } from "@neurogebra/autograd";
import type { Tensor } from "@neurogebra/autograd";
import { expected } from "@neurogebra/internal";

import type { LossOptions } from "./cross-entropy.js";
import { elementwiseLoss } from "./elementwise.js";
import type { ElementwiseLoss, ValueLossOptions } from "./elementwise.js";

/** PyTorch clamps each log term of BCE at −100 so that p = 0 or 1 gives a finite loss. */
const LOG_FLOOR = -100;
/** Below this probability the log term is clamped anyway; keeps `log`'s own gradient finite. */
const TINY = Math.exp(LOG_FLOOR);

function checkProbabilityTarget(fn: string) {
  return (target: number, where: string): void => {
    if (!(target >= 0 && target <= 1)) throw new RangeError(expected(fn, `${where} to be in [0, 1]`, target));
  };
}

/** `log(v)`, clamped at −100 like PyTorch; a clamped term is a constant (no gradient through it). */
function clampedLog(v: Value): Value {
  const l = v.log();
  return l.data < LOG_FLOOR ? new Value(LOG_FLOOR) : l;
}

function clampedLogTensor(x: Tensor): Tensor {
  return x.maximum(TINY).log().maximum(LOG_FLOOR);
}

const BCE: ElementwiseLoss = {
  name: "binaryCrossEntropy",
  checkTarget: checkProbabilityTarget("binaryCrossEntropy"),
  checkPrediction: checkProbabilityTarget("binaryCrossEntropy"),
  value: (p, t) =>
    clampedLog(p)
      .mul(t)
      .add(clampedLog(p.neg().add(1)).mul(1 - t))
      .neg(),
  tensor: (p, t) =>
    clampedLogTensor(p)
      .mul(t)
      .add(clampedLogTensor(p.neg().add(1)).mul(t.neg().add(1)))
      .neg(),
};

/**
 * Binary cross-entropy of probabilities `p ∈ [0, 1]` against targets `t ∈ [0, 1]` (PyTorch's
 * `F.binary_cross_entropy`): `−(t·log p + (1 − t)·log(1 − p))`, each log clamped at −100 as PyTorch does,
 * so `p = 0` or `1` gives a large finite loss instead of `Infinity`/NaN (a clamped term passes no gradient).
 * Prefer {@link binaryCrossEntropyWithLogits} on raw scores: it is exact where this one clamps.
 *
 * @throws RangeError for an empty batch, a length mismatch, or a prediction or target outside [0, 1].
 * @example
 * ```ts
 * binaryCrossEntropy(tensor([0.8, 0.1]), [1, 0]).item(); // → 0.164252033486018  ((−log 0.8 − log 0.9) / 2)
 * ```
 */
export function binaryCrossEntropy(
  probabilities: Tensor,
  targets: Tensor | ArrayLike<number>,
  options?: LossOptions,
): Tensor;
export function binaryCrossEntropy(
  probabilities: readonly Value[],
  targets: readonly (Value | number)[] | ArrayLike<number>,
  options?: ValueLossOptions,
): Value;
export function binaryCrossEntropy(
  probabilities: Tensor | readonly Value[],
  targets: Tensor | ArrayLike<number> | readonly (Value | number)[],
  options: LossOptions = {},
): Tensor | Value {
  return elementwiseLoss(BCE, probabilities, targets, options.reduction);
}

/*
 * softplus(z) − t·z is exact for finite z, but t·z is 0·∞ = NaN at z = +∞, t = 0 (and at z = −∞ it is
 * ∞ − ∞ unless t = 0). For an infinite logit the loss is written as its equal
 * (1 − t)·relu(z) + t·relu(−z) + softplus(−|z|), each term dropped where its factor is 0: the limits
 * (+∞ or 0) and gradients σ(z) − t, with no NaN on the way (anomaly mode stays quiet).
 */
function logitsLossValue(z: Value, t: number): Value {
  if (Number.isFinite(z.data) || Number.isNaN(z.data)) return z.softplus().sub(z.mul(t));
  let loss = z.abs().neg().softplus();
  if (t < 1) loss = loss.add(z.relu().mul(1 - t));
  if (t > 0) loss = loss.add(z.neg().relu().mul(t));
  return loss;
}

function logitsLossTensor(z: Tensor, t: Tensor): Tensor {
  if (!z.data.some((v) => v === Infinity || v === -Infinity)) return z.softplus().sub(z.mul(t));
  const positivePart = z.relu().where(t.lt(1), 0).mul(t.neg().add(1));
  const negativePart = z.neg().relu().where(t.gt(0), 0).mul(t);
  return z.abs().neg().softplus().add(positivePart).add(negativePart);
}

const BCE_WITH_LOGITS: ElementwiseLoss = {
  name: "binaryCrossEntropyWithLogits",
  checkTarget: checkProbabilityTarget("binaryCrossEntropyWithLogits"),
  value: logitsLossValue,
  tensor: logitsLossTensor,
};

/**
 * Binary cross-entropy on raw scores (logits) `z` (PyTorch's `F.binary_cross_entropy_with_logits`):
 * `softplus(z) − t·z`, which equals `−(t·log σ(z) + (1 − t)·log(1 − σ(z)))` but never overflows and
 * never clamps. Gradient: `σ(z) − t`. Infinite logits give the limits (`(+∞, 0)` is `+∞` with gradient
 * 1, `(+∞, 1)` is 0), not NaN.
 *
 * @throws RangeError for an empty batch, a length mismatch, or a target outside [0, 1].
 * @example
 * ```ts
 * binaryCrossEntropyWithLogits(tensor([1000, -1000]), [1, 0]).item(); // → 0
 * ```
 */
export function binaryCrossEntropyWithLogits(
  logits: Tensor,
  targets: Tensor | ArrayLike<number>,
  options?: LossOptions,
): Tensor;
export function binaryCrossEntropyWithLogits(
  logits: readonly Value[],
  targets: readonly (Value | number)[] | ArrayLike<number>,
  options?: ValueLossOptions,
): Value;
export function binaryCrossEntropyWithLogits(
  logits: Tensor | readonly Value[],
  targets: Tensor | ArrayLike<number> | readonly (Value | number)[],
  options: LossOptions = {},
): Tensor | Value {
  return elementwiseLoss(BCE_WITH_LOGITS, logits, targets, options.reduction);
}
