/**
 * Indexing with integer arrays, each forward beside its backward step: `gather` (one element per row)
 * and `indexSelect` (whole slices), and the index check they share with `crossEntropy`.
 */
import { describe, expected } from "@neurogebra/internal";

import { splitAt } from "../along-axis.js";
import { allocate } from "../arena.js";
import { MAX_SIZE, formatShape, normalizeAxis, reducedShape, tooLarge } from "../shape.js";
import { result } from "../tensor-result.js";
import type { Tensor } from "../tensor.js";

/**
 * Class indices for `gather`, `indexSelect` and `crossEntropy`: integers, as `Int32Array` or `number[]`.
 * The op keeps its own copy for backward, so you may refill your array (a reused batch buffer) at once.
 *
 * @example
 * ```ts
 * const batch: Indices = Int32Array.from([3, 0, 7]);
 * ```
 */
export type Indices = Int32Array | readonly number[];

/**
 * `out[…, …] = x[…, indices[…], …]` along `axis`, shape = `t`'s without `axis` (PyTorch's
 * `x.gather(axis, idx.unsqueeze(axis)).squeeze(axis)`). Backward: g goes to the picked positions.
 */
export function gather(t: Tensor, axis: number, indices: Indices): Tensor {
  const at = normalizeAxis(axis, t.ndim, "gather");
  const split = splitAt(t._dims, at);
  const { outer, n, inner } = split;
  const idx = checkIndices(indices, "gather", n);
  if (idx.length !== outer * inner) {
    throw new RangeError(
      `gather: expected ${outer * inner} indices (one per position of shape ${formatShape(
        reducedShape(t._dims, at, false),
      )}) for input ${formatShape(t._dims)} along axis ${axis}, got ${idx.length}`,
    );
  }
  const x = t._store;
  const out = allocate(idx.length);
  for (let r = 0; r < out.length; r++) {
    const o = Math.floor(r / inner);
    out[r] = x[(o * n + idx[r]!) * inner + (r - o * inner)]!;
  }
  return result("gather", reducedShape(t._dims, at, false), out, [t], (g) => {
    const dx = t._gradData();
    for (let r = 0; r < g.length; r++) {
      const o = Math.floor(r / inner);
      dx[(o * n + idx[r]!) * inner + (r - o * inner)]! += g[r]!;
    }
  });
}

/** Whole slices along `axis`, in the order of `indices` (PyTorch's `index_select`). Backward: g's slices added back. */
export function indexSelect(t: Tensor, axis: number, indices: Indices): Tensor {
  const at = normalizeAxis(axis, t.ndim, "indexSelect");
  const { outer, n, inner } = splitAt(t._dims, at);
  const idx = checkIndices(indices, "indexSelect", n);
  const m = idx.length | 0; // a small integer, as in the Tensor constructor
  const shape = t._dims.map((d, i) => (i === at ? m : d));
  if (outer * m * inner > MAX_SIZE) throw tooLarge("indexSelect", shape, outer * m * inner);
  const x = t._store;
  const out = allocate(outer * m * inner);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < m; k++) {
      const src = (o * n + idx[k]!) * inner;
      const dst = (o * m + k) * inner;
      for (let i = 0; i < inner; i++) out[dst + i] = x[src + i]!;
    }
  }
  return result("indexSelect", shape, out, [t], (g) => {
    const dx = t._gradData();
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < m; k++) {
        const dst = (o * n + idx[k]!) * inner;
        const src = (o * m + k) * inner;
        for (let i = 0; i < inner; i++) dx[dst + i]! += g[src + i]!;
      }
    }
  });
}

/** The error for index `v` at position `i` outside `[0, bound)` (shared by both kinds of index array). */
function indexOutOfRange(op: string, v: number, i: number, bound: number): RangeError {
  return new RangeError(`${op}: index ${v} at position ${i} is out of range [0, ${bound})`);
}

/**
 * Validate class/row indices (`Int32Array` or an array of integers, each in `[0, bound)`) and return a
 * copy: backward reads them again later, and a caller that refills its array meanwhile (a reused batch
 * buffer) must not change a pending backward pass — PyTorch raises for a saved tensor modified in place.
 */
export function checkIndices(indices: unknown, op: string, bound: number): Int32Array {
  if (indices instanceof Int32Array) {
    const idx = indices.slice();
    for (let i = 0; i < idx.length; i++) {
      if (idx[i]! < 0 || idx[i]! >= bound) throw indexOutOfRange(op, idx[i]!, i, bound);
    }
    return idx;
  }
  if (!Array.isArray(indices)) {
    throw new TypeError(expected(op, "indices to be an Int32Array or number[]", indices));
  }
  const idx = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const v: unknown = indices[i];
    if (typeof v !== "number" || !Number.isInteger(v)) {
      throw new TypeError(
        `${op}: expected indices to be integers (Int32Array or number[]), got ${describe(v)} at position ${i}`,
      );
    }
    if (v < 0 || v >= bound) throw indexOutOfRange(op, v, i, bound); // before Int32Array could wrap it
    idx[i] = v;
  }
  return idx;
}
