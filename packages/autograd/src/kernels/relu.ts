/**
 * ReLU's loops, written plainly: the definition the tuned loops in `relu-branch-free.ts` (which the
 * `relu` op runs) must equal bit for bit (`relu.test.ts`). Read this file to see what they compute.
 */

/** `out[i] = max(0, x[i])`: x where x > 0, NaN where x is NaN, else +0 (so relu(−0) = +0). */
export function reluForward(x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out[i] = v > 0 || Number.isNaN(v) ? v : 0;
  }
}

/**
 * `dx[i] += x[i] > 0 ? g[i] : 0` — PyTorch's `threshold_backward`: a dead unit passes 0 even when g is
 * NaN or ±∞.
 */
export function reluBackward(x: Float64Array, g: Float64Array, dx: Float64Array): void {
  for (let i = 0; i < g.length; i++) dx[i]! += x[i]! > 0 ? g[i]! : 0;
}
