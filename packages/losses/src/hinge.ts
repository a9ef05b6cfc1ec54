import type { Tensor, Value } from "@neurogebra/autograd";
import { expected } from "@neurogebra/internal";

import type { LossOptions } from "./cross-entropy.js";
import { elementwiseLoss } from "./elementwise.js";
import type { ElementwiseLoss, ValueLossOptions } from "./elementwise.js";

const HINGE: ElementwiseLoss = {
  name: "hinge",
  checkTarget: (target, where) => {
    if (target !== 1 && target !== -1)
      throw new RangeError(expected("hinge", `${where} to be -1 or 1`, target));
  },
  value: (s, t) => s.mul(t).neg().add(1).relu(),
  tensor: (s, t) => s.mul(t).neg().add(1).relu(),
};

/**
 * Binary hinge (max-margin) loss `max(0, 1 − t·s)` with labels `t ∈ {−1, +1}` — the SVM loss of
 * micrograd's demo. Zero (and no gradient) once a score is on the right side with margin 1.
 *
 * @throws RangeError for an empty batch, a length mismatch, or a label other than −1 or 1.
 * @example
 * ```ts
 * hinge(tensor([2, 0.5, -1]), [1, 1, 1]).item(); // → 0.8333333333333334  ((0 + 0.5 + 2) / 3)
 * ```
 */
export function hinge(scores: Tensor, targets: Tensor | ArrayLike<number>, options?: LossOptions): Tensor;
export function hinge(
  scores: readonly Value[],
  targets: readonly (Value | number)[] | ArrayLike<number>,
  options?: ValueLossOptions,
): Value;
export function hinge(
  scores: Tensor | readonly Value[],
  targets: Tensor | ArrayLike<number> | readonly (Value | number)[],
  options: LossOptions = {},
): Tensor | Value {
  return elementwiseLoss(HINGE, scores, targets, options.reduction);
}
