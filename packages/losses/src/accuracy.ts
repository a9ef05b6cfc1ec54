import { Tensor, Value } from "@neurogebra/autograd";

import { expected } from "@neurogebra/internal";

import { checkClassIndex, checkNonEmpty, checkSameLength } from "./check.js";

function argmaxRow(row: readonly Value[], fn: string, i: number): number {
  if (row.length === 0) {
    throw new RangeError(`${fn}: expected predictions[${i}] to be a non-empty array of Value scores`);
  }
  row.forEach((v, j) => {
    if (!(v instanceof Value)) {
      throw new TypeError(expected(fn, `predictions[${i}][${j}] to be a Value score`, v));
    }
  });
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j]!.data > row[best]!.data) best = j;
  return best;
}

function checkIndex(fn: string, where: string, x: unknown): number {
  if (typeof x !== "number" || !Number.isInteger(x) || x < 0) {
    throw new RangeError(expected(fn, `${where} to be a non-negative integer class index`, x));
  }
  return x;
}

/**
 * The fraction of samples whose predicted class equals the target. Predictions may be logits
 * `(n, c)` as a `Tensor`, rows of `Value` scores (the from-scratch network's outputs), or class indices;
 * scores are turned into classes by argmax (the first maximum on ties, like Python's
 * `max(range(c), key=…)` and `torch.max`).
 *
 * @throws RangeError for an empty batch, a length mismatch, or a target that is not a class index — for
 * scores, an integer in `[0, classes)`, the same error `crossEntropy` gives.
 * @example
 * ```ts
 * accuracy(tensor([[2, 1], [0, 3]]), [0, 0]); // → 0.5
 * accuracy([2, 1, 1], [2, 1, 0]); // → 0.6666666666666666  (2/3)
 * ```
 */
export function accuracy(
  predictions: Tensor | readonly (readonly Value[])[] | Int32Array | readonly number[],
  targets: Int32Array | readonly number[],
): number {
  const fn = "accuracy";
  let predicted: ArrayLike<number>;
  // How many classes target i may name: known for scores (their width), not for class indices.
  let classesOf = (_i: number): number => Infinity;
  if (predictions instanceof Tensor) {
    if (predictions.ndim !== 2) {
      throw new RangeError(
        `${fn}: expected a Tensor of logits (batch, classes), got shape [${predictions.shape.join(", ")}]`,
      );
    }
    checkNonEmpty(fn, "predictions", predictions.shape[0]!);
    predicted = predictions.argmax(1);
    const classes = predictions.shape[1]!;
    classesOf = () => classes;
  } else if (predictions instanceof Int32Array) {
    predicted = predictions;
  } else if (Array.isArray(predictions)) {
    predicted = predictions.map((p: unknown, i) =>
      Array.isArray(p) ? argmaxRow(p as readonly Value[], fn, i) : checkIndex(fn, `predictions[${i}]`, p),
    );
    classesOf = (i) => {
      const row: unknown = predictions[i];
      return Array.isArray(row) ? row.length : Infinity;
    };
  } else {
    throw new TypeError(
      expected(fn, "predictions to be a Tensor, rows of Value scores or class indices", predictions),
    );
  }
  if (!(targets instanceof Int32Array) && !Array.isArray(targets)) {
    throw new TypeError(expected(fn, "targets to be an Int32Array or an array of class indices", targets));
  }
  checkNonEmpty(fn, "predictions", predicted.length);
  checkSameLength(fn, "predictions", predicted.length, "targets", targets.length);
  let correct = 0;
  for (let i = 0; i < predicted.length; i++) {
    const classes = classesOf(i);
    const target =
      classes === Infinity
        ? checkIndex(fn, `targets[${i}]`, targets[i])
        : checkClassIndex(fn, `targets[${i}]`, targets[i], classes);
    if (predicted[i] === target) correct++;
  }
  return correct / predicted.length;
}
