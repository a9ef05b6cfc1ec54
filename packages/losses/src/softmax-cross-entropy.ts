import { Value, sum } from "@neurogebra/autograd";

import { describe } from "@neurogebra/internal";

import { checkClassIndex, checkNonEmpty } from "./check.js";

/**
 * Options of {@link softmaxCrossEntropy}.
 *
 * @example
 * ```ts
 * const options: SoftmaxCrossEntropyOptions = { method: "logSumExp" };
 * softmaxCrossEntropy([new Value(1000), new Value(0)], 1, options).loss.data; // → 1000
 * ```
 */
export interface SoftmaxCrossEntropyOptions {
  /**
   * `"tutorial"` (default): the tutorial's four steps — `-log(p[target])` from the normalised
   * probabilities, bit for bit what its Python prints.
   * `"logSumExp"`: `log Σ exp(sⱼ − m) − (s[target] − m)`, which stays finite when `p[target]`
   * underflows to 0 (where the tutorial's version gives `Infinity` and a NaN gradient).
   */
  method?: "tutorial" | "logSumExp";
}

/**
 * What {@link softmaxCrossEntropy} returns: the loss node and the softmax probabilities (also nodes).
 *
 * @example
 * ```ts
 * const { loss, probabilities }: SoftmaxCrossEntropyResult = softmaxCrossEntropy([new Value(0), new Value(0)], 0);
 * [loss.data, probabilities.map((p) => p.data)]; // → [0.6931471805599453, [0.5, 0.5]]
 * ```
 */
export interface SoftmaxCrossEntropyResult {
  loss: Value;
  probabilities: Value[];
}

/**
 * Softmax + cross-entropy for one sample, built step by step from `Value` ops exactly as the tutorial's
 * Python `softmax_cross_entropy` does, so you can follow (and `backward()` through) every step:
 *
 * 1. `m = max(s.data)` — a plain number, a constant for the graph (subtracting it changes nothing
 *    mathematically, it only keeps `exp` from overflowing);
 * 2. `eᵢ = exp(sᵢ − m)`;
 * 3. `S = Σ eᵢ` (Python's `sum` starting from 0), `pᵢ = eᵢ · S⁻¹` (micrograd's `e / S` is `e * S**-1`:
 *    a `pow(-1)` node, then a `mul` — the same bits as the Python run);
 * 4. `loss = −log p[target]`.
 *
 * With `{ method: "logSumExp" }` step 4 becomes `log S − (s[target] − m)` instead: mathematically the same,
 * but finite even when `p[target]` underflows to 0 (e.g. a score 800 below the max), where the tutorial's
 * form gives `loss = Infinity`. The probabilities are the same in both methods.
 *
 * @param scores - the class scores (logits) of one sample.
 * @param target - the correct class index.
 * @throws RangeError for an empty `scores` or a `target` that is not an integer in `[0, scores.length)`.
 * @example
 * ```ts
 * const { loss, probabilities } = softmaxCrossEntropy([new Value(2), new Value(1), new Value(0.1)], 0);
 * probabilities.map((p) => p.data.toFixed(3)); // → ["0.659", "0.242", "0.099"]
 * loss.data.toFixed(4); // → "0.4170"
 * loss.backward(); // scores[i].grad = p[i] − (i === 0 ? 1 : 0)
 * ```
 */
export function softmaxCrossEntropy(
  scores: readonly Value[],
  target: number,
  options: SoftmaxCrossEntropyOptions = {},
): SoftmaxCrossEntropyResult {
  const fn = "softmaxCrossEntropy";
  const list: unknown = scores;
  if (!Array.isArray(list))
    throw new TypeError(`${fn}: expected scores to be an array of Value, got ${describe(scores)}`);
  checkNonEmpty(fn, "scores", scores.length);
  scores.forEach((s, i) => {
    if (!(s instanceof Value))
      throw new TypeError(`${fn}: expected scores[${i}] to be a Value, got ${describe(s)}`);
  });
  checkClassIndex(fn, "target", target, scores.length);
  const method = options.method ?? "tutorial";
  if (method !== "tutorial" && method !== "logSumExp") {
    throw new RangeError(
      `${fn}: expected options.method to be "tutorial" or "logSumExp", got ${describe(method)}`,
    );
  }

  // Step 1: numerical stability — subtract the max score (a constant, not part of the graph).
  let maxScore = -Infinity;
  for (const s of scores) if (s.data > maxScore) maxScore = s.data;
  // Step 2: exponentials.
  const expScores = scores.map((s) => s.sub(new Value(maxScore)).exp());
  // Step 3: softmax — normalise to probabilities.
  const sumExp = sum(expScores);
  // Python's `e / sum_exp` is `e * sum_exp**-1`: a fresh pow node per probability, as there.
  const probabilities = expScores.map((e) => e.mul(sumExp.pow(-1)));
  // Step 4: cross-entropy — minus the log-probability of the correct class.
  const loss =
    method === "tutorial"
      ? probabilities[target]!.log().neg()
      : sumExp.log().sub(scores[target]!.sub(new Value(maxScore)));
  return { loss, probabilities };
}
