import { Tensor, Value, sum, tensor } from "@neurogebra/autograd";

import { expected } from "@neurogebra/internal";

import { checkNonEmpty, checkReduction, checkSameLength } from "./check.js";
import type { Reduction } from "./check.js";

/**
 * The shared skeleton of the elementwise losses (MSE, BCE, hinge): check the two batches, build one loss
 * per element with the engine's own ops, then reduce.
 */
export interface ElementwiseLoss {
  /** Function name, for messages. */
  name: string;
  /** Check one target value (throws a RangeError naming it). */
  checkTarget(target: number, where: string): void;
  /** Check one prediction value, if the loss needs a domain (e.g. probabilities). */
  checkPrediction?(prediction: number, where: string): void;
  /** Per-element loss on scalar Values. */
  value(prediction: Value, target: number): Value;
  /** Per-element loss on tensors of one shape. */
  tensor(predictions: Tensor, targets: Tensor): Tensor;
}

/**
 * Options of the `Value` forms of the losses (one loss for a list of scalars).
 *
 * @example
 * ```ts
 * const options: ValueLossOptions = { reduction: "sum" };
 * mse([new Value(1), new Value(2)], [0, 0], options).data; // → 5
 * ```
 */
export interface ValueLossOptions {
  /** `"mean"` (default) or `"sum"`. */
  reduction?: "mean" | "sum";
}

/** The targets as plain numbers (a `Tensor`'s data, a typed array, or an array of numbers / `Value`s). */
export function targetsAsNumbers(fn: string, targets: unknown): ArrayLike<number> {
  if (targets instanceof Tensor) return targets.data;
  if (targets instanceof Float64Array || targets instanceof Int32Array) return targets;
  if (Array.isArray(targets)) {
    return targets.map((t: unknown, i) => {
      if (t instanceof Value) return t.data;
      if (typeof t === "number") return t;
      throw new TypeError(expected(fn, `targets[${i}] to be a number`, t));
    });
  }
  throw new TypeError(expected(fn, "targets to be an array, a Float64Array or a Tensor", targets));
}

/** Run an elementwise loss on either engine. */
export function elementwiseLoss(
  loss: ElementwiseLoss,
  predictions: Tensor | readonly Value[],
  targets: Tensor | ArrayLike<number> | readonly (Value | number)[],
  reduction: unknown,
): Tensor | Value {
  const fn = loss.name;
  const t = targetsAsNumbers(fn, targets);
  if (predictions instanceof Tensor) {
    const r: Reduction = checkReduction(fn, reduction);
    checkNonEmpty(fn, "predictions", predictions.size);
    if (targets instanceof Tensor && targets.shape.join(",") !== predictions.shape.join(",")) {
      throw new RangeError(
        `${fn}: expected predictions and targets to have the same shape, got [${predictions.shape.join(", ")}] and [${targets.shape.join(", ")}]`,
      );
    }
    checkSameLength(fn, "predictions", predictions.size, "targets", t.length);
    for (let i = 0; i < t.length; i++) loss.checkTarget(t[i]!, `targets[${i}]`);
    if (loss.checkPrediction) {
      for (let i = 0; i < t.length; i++) loss.checkPrediction(predictions.data[i]!, `predictions[${i}]`);
    }
    const perElement = loss.tensor(predictions, tensor(Float64Array.from(t), [...predictions.shape]));
    return r === "none" ? perElement : r === "sum" ? perElement.sum() : perElement.mean();
  }
  if (!Array.isArray(predictions)) {
    throw new TypeError(expected(fn, "predictions to be a Tensor or an array of Value", predictions));
  }
  const r = checkReduction(fn, reduction, false);
  checkNonEmpty(fn, "predictions", predictions.length);
  checkSameLength(fn, "predictions", predictions.length, "targets", t.length);
  const terms = predictions.map((p: unknown, i) => {
    if (!(p instanceof Value)) throw new TypeError(expected(fn, `predictions[${i}] to be a Value`, p));
    loss.checkTarget(t[i]!, `targets[${i}]`);
    loss.checkPrediction?.(p.data, `predictions[${i}]`);
    return p;
  });
  const total = sum(terms.map((p, i) => loss.value(p, t[i]!)));
  return r === "sum" ? total : total.div(terms.length);
}

/** Check that a target is a finite number. */
export function checkFinite(fn: string) {
  return (target: number, where: string): void => {
    if (!Number.isFinite(target))
      throw new RangeError(expected(fn, `${where} to be a finite number`, target));
  };
}
