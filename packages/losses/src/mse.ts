import type { Tensor, Value } from "@neurogebra/autograd";

import type { LossOptions } from "./cross-entropy.js";
import { checkFinite, elementwiseLoss } from "./elementwise.js";
import type { ElementwiseLoss, ValueLossOptions } from "./elementwise.js";

const MSE: ElementwiseLoss = {
  name: "mse",
  checkTarget: checkFinite("mse"),
  value: (p, t) => p.sub(t).pow(2),
  tensor: (p, t) => {
    const d = p.sub(t);
    return d.mul(d);
  },
};

/**
 * Mean squared error `mean((p − t)²)` (PyTorch's `F.mse_loss`), for a `Tensor` of predictions or a list
 * of `Value`s. Gradient: `2(p − t)/n` for the mean.
 *
 * @throws RangeError for an empty batch, a length or shape mismatch, or a non-finite target.
 * @example
 * ```ts
 * mse(tensor([1, 2, 3]), [1, 2, 5]).item(); // → 1.3333333333333333  (4/3)
 * mse([new Value(1), new Value(3)], [0, 0]).data; // → 5
 * ```
 */
export function mse(predictions: Tensor, targets: Tensor | ArrayLike<number>, options?: LossOptions): Tensor;
export function mse(
  predictions: readonly Value[],
  targets: readonly (Value | number)[] | ArrayLike<number>,
  options?: ValueLossOptions,
): Value;
export function mse(
  predictions: Tensor | readonly Value[],
  targets: Tensor | ArrayLike<number> | readonly (Value | number)[],
  options: LossOptions = {},
): Tensor | Value {
  return elementwiseLoss(MSE, predictions, targets, options.reduction);
}
