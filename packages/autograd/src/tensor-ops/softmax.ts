/** `softmax` and `logSoftmax` along an axis, each forward beside its backward step. */
import { forEachSlice, maxAlong, softmaxAlong, splitAt } from "../along-axis.js";
import { allocate } from "../arena.js";
import { normalizeAxis } from "../shape.js";
import { result } from "../tensor-result.js";
import type { Tensor } from "../tensor.js";

/** `exp(x − max) / Σ exp(x − max)` along `axis`. Backward: dx = s ⊙ (g − Σ g⊙s) along the axis. */
export function softmax(t: Tensor, axis: number): Tensor {
  const split = splitAt(t._dims, normalizeAxis(axis, t.ndim, "softmax"));
  const s = softmaxAlong(t._store, split);
  return result("softmax", t._dims, s, [t], (g) => {
    const dx = t._gradData();
    forEachSlice(split, (base, step, n) => {
      let dot = 0;
      for (let j = 0; j < n; j++) dot += g[base + j * step]! * s[base + j * step]!;
      for (let j = 0; j < n; j++) {
        const e = base + j * step;
        dx[e]! += s[e]! * (g[e]! - dot);
      }
    });
  });
}

/**
 * `log softmax(x)` along `axis`, computed as PyTorch does: `(x − m) − log Σ exp(x − m)` with `m` the
 * max, so it stays finite where softmax underflows and keeps the entries near the max exact
 * (`x − logSumExp(x)` rounds them to the ulp of `m`: `[30.5, 1]` lost 1% of its first entry).
 * Backward: dx = g − softmax(x)·Σ g along the axis.
 */
export function logSoftmax(t: Tensor, axis: number): Tensor {
  const split = splitAt(t._dims, normalizeAxis(axis, t.ndim, "logSoftmax"));
  const x = t._store;
  const max = maxAlong(x, split).values;
  const out = allocate(x.length);
  forEachSlice(split, (base, step, n, r) => {
    const m = max[r]!;
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.exp(x[base + j * step]! - m);
    const logS = Math.log(s);
    for (let j = 0; j < n; j++) out[base + j * step] = x[base + j * step]! - m - logS;
  });
  return result("logSoftmax", t._dims, out, [t], (g) => {
    const dx = t._gradData();
    forEachSlice(split, (base, step, n) => {
      let total = 0;
      for (let j = 0; j < n; j++) total += g[base + j * step]!;
      for (let j = 0; j < n; j++) {
        const e = base + j * step;
        dx[e]! += g[e]! - Math.exp(out[e]!) * total;
      }
    });
  });
}
