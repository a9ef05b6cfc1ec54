/** The fused softmax cross-entropy loss of logits, forward beside backward (`@neurogebra/losses` builds on it). */
import { expected } from "@neurogebra/internal";

import { allocate } from "../arena.js";
import { formatShape } from "../shape.js";
import { result, scalar } from "../tensor-result.js";
import type { Tensor } from "../tensor.js";
import { checkIndices, type Indices } from "./indexing.js";

/**
 * How `crossEntropy` combines the per-row losses.
 *
 * @example
 * ```ts
 * const reduction: Reduction = "sum";
 * tensor([[0, 0], [0, 0]]).crossEntropy([0, 1], reduction).item(); // → 1.3862943611198906
 * ```
 */
export type Reduction = "mean" | "sum" | "none";

/**
 * Stable softmax cross-entropy of logits `(n, c)` against class indices (PyTorch's `F.cross_entropy`):
 * per row `−log softmax(x)[target] = logSumExp(x) − x[target]`, then the mean, the sum, or `"none"`
 * (shape `(n,)`). One graph node; backward: (softmax − onehot) · g (÷ n for the mean).
 */
export function crossEntropy(logits: Tensor, targets: Indices, reduction: Reduction): Tensor {
  if (logits.ndim !== 2) {
    throw new RangeError(
      `crossEntropy: expected logits of shape (batch, classes), got ${formatShape(logits._dims)}`,
    );
  }
  if (reduction !== "mean" && reduction !== "sum" && reduction !== "none") {
    throw new TypeError(expected("crossEntropy", `reduction "mean", "sum" or "none"`, reduction));
  }
  const [rows, classes] = logits._dims as [number, number];
  const t = checkIndices(targets, "crossEntropy", classes);
  if (t.length !== rows) {
    throw new RangeError(`crossEntropy: ${rows} rows of logits but ${t.length} targets`);
  }
  const x = logits._store;
  const probs = allocate(x.length);
  const losses = reduction === "none" ? allocate(rows) : null;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * classes;
    let m = -Infinity;
    for (let j = 0; j < classes; j++) if (x[base + j]! > m) m = x[base + j]!;
    let s = 0;
    for (let j = 0; j < classes; j++) {
      const e = Math.exp(x[base + j]! - m);
      probs[base + j] = e;
      s += e;
    }
    for (let j = 0; j < classes; j++) probs[base + j]! /= s;
    const loss = -(x[base + t[r]!]! - m - Math.log(s)); // −log softmax(x)[target]
    if (losses !== null) losses[r] = loss;
    total += loss;
  }
  const out = losses ?? scalar(reduction === "mean" ? total / rows : total);
  const shape = reduction === "none" ? [rows] : [];
  return result("crossEntropy", shape, out, [logits], (g) => {
    const dx = logits._gradData();
    for (let r = 0; r < rows; r++) {
      const coef = reduction === "none" ? g[r]! : reduction === "mean" ? g[0]! / rows : g[0]!;
      const base = r * classes;
      for (let j = 0; j < classes; j++) dx[base + j]! += coef * probs[base + j]!;
      dx[base + t[r]!]! -= coef;
    }
  });
}
