/**
 * ReLU's loops without a branch per entry — what the `relu` op runs. Activations have random signs, so
 * an `if` on the sign is mispredicted about half the time; these loops compute the same bits as the
 * plain ones in `relu.ts` (checked by `relu.test.ts`) with arithmetic instead.
 */

/**
 * `out[i] = max(0, x[i])` as `(x + |x|) / 2`, exact for every x except x > 8.98e307 (x + |x| overflows)
 * and x = −∞ (−∞ + ∞ is NaN). Both leave a non-finite value in the output, so running sums of the
 * outputs tell in one check whether to redo the pass with a guard per entry (taken only for such inputs,
 * NaN or a sum above 1.8e308). Two sums (even and odd entries), so additions do not wait on each other.
 */
export function reluForwardBranchFree(x: Float64Array, out: Float64Array): void {
  const n = x.length;
  let even = 0;
  let odd = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const v = x[i]!;
    const w = x[i + 1]!;
    const r = 0.5 * (v + Math.abs(v));
    const q = 0.5 * (w + Math.abs(w));
    out[i] = r;
    out[i + 1] = q;
    even += r;
    odd += q;
  }
  if (i < n) {
    const v = x[i]!;
    out[i] = 0.5 * (v + Math.abs(v));
    even += out[i]!;
  }
  if (!Number.isFinite(even + odd)) {
    for (let i = 0; i < n; i++) {
      const v = x[i]!;
      out[i] = Math.abs(v) < 8e307 ? 0.5 * (v + Math.abs(v)) : v < 0 ? 0 : v;
    }
  }
}

/**
 * `dx[i] += x[i] > 0 ? g[i] : 0`, four entries at a time: multiply by the 0/1 mask when the four g are
 * finite (then so is their sum), select otherwise (NaN · 0 is NaN, and a dead unit must pass 0).
 * The same bits as `reluBackward` wherever `dx` holds no −0 (a gradient buffer starts at +0, and sums
 * onto +0 never make −0): for x ≤ 0 the mask adds g · 0, a zero with g's sign.
 */
export function reluBackwardBranchFree(x: Float64Array, g: Float64Array, dx: Float64Array): void {
  const n = g.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const g0 = g[i]!;
    const g1 = g[i + 1]!;
    const g2 = g[i + 2]!;
    const g3 = g[i + 3]!;
    const sum = g0 + g1 + g2 + g3;
    if (sum - sum === 0) {
      dx[i]! += g0 * +(x[i]! > 0);
      dx[i + 1]! += g1 * +(x[i + 1]! > 0);
      dx[i + 2]! += g2 * +(x[i + 2]! > 0);
      dx[i + 3]! += g3 * +(x[i + 3]! > 0);
    } else {
      for (let j = i; j < i + 4; j++) dx[j]! += x[j]! > 0 ? g[j]! : 0;
    }
  }
  for (; i < n; i++) dx[i]! += x[i]! > 0 ? g[i]! : 0;
}
