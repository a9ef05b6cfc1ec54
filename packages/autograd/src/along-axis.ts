/**
 * Kernels that work along one axis of a row-major buffer: sum, max (with argmax), log-sum-exp and
 * softmax. A shape split at `axis` is `outer × n × inner`; element (o, j, i) sits at
 * `(o·n + j)·inner + i`, and the result of a reduction is the `outer × inner` buffer of (o, i).
 */
import { allocate } from "./arena.js";
import type { Shape } from "./shape.js";

/** A shape seen as `outer × n × inner` around one axis. */
export interface AxisSplit {
  readonly outer: number;
  readonly n: number;
  readonly inner: number;
}

/** Split `shape` around `axis` (already normalized to `0 … ndim-1`). */
export function splitAt(shape: Shape, axis: number): AxisSplit {
  let outer = 1;
  let inner = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d]!;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d]!;
  return { outer, n: shape[axis]!, inner };
}

/** Visit each 1-D slice along the split axis: elements `base + j·step`, j < n; `r` is the slice number. */
export function forEachSlice(
  { outer, n, inner }: AxisSplit,
  visit: (base: number, step: number, n: number, r: number) => void,
): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) visit(o * n * inner + i, inner, n, o * inner + i);
  }
}

/** `out[o, i] = Σ_j x[o, j, i]`. */
export function sumAlong(x: Float64Array, { outer, n, inner }: AxisSplit): Float64Array {
  const out = allocate(outer * inner);
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    const dst = o * inner;
    for (let j = 0; j < n; j++) {
      const src = base + j * inner;
      for (let i = 0; i < inner; i++) out[dst + i]! += x[src + i]!;
    }
  }
  return out;
}

/** `indices[o, i]` = the first j where `x[o, j, i]` is largest (NaN wins, like NumPy). */
export function argmaxAlong(x: Float64Array, { outer, n, inner }: AxisSplit): Int32Array {
  const indices = new Int32Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let best = x[base]!;
      let bestJ = 0;
      for (let j = 1; j < n && !Number.isNaN(best); j++) {
        const v = x[base + j * inner]!;
        if (v > best || Number.isNaN(v)) {
          best = v;
          bestJ = j;
        }
      }
      indices[o * inner + i] = bestJ;
    }
  }
  return indices;
}

/** `values[o, i] = max_j x[o, j, i]` and `indices[o, i]` = the first j reaching it (see `argmaxAlong`). */
export function maxAlong(x: Float64Array, split: AxisSplit): { values: Float64Array; indices: Int32Array } {
  const { outer, n, inner } = split;
  const indices = argmaxAlong(x, split);
  const values = allocate(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const r = o * inner + i;
      values[r] = x[(o * n + indices[r]!) * inner + i]!;
    }
  }
  return { values, indices };
}

/**
 * `out[o, i] = log Σ_j exp(x[o, j, i])`, computed as `m + log Σ exp(x - m)` with `m` the max so
 * large inputs do not overflow. A row whose max is ±Infinity yields that max (no `∞ - ∞` NaN).
 */
export function logSumExpAlong(x: Float64Array, split: AxisSplit): Float64Array {
  const { outer, n, inner } = split;
  const out = maxAlong(x, split).values;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      const m = out[o * inner + i]!;
      if (!Number.isFinite(m)) continue;
      let s = 0;
      for (let j = 0; j < n; j++) s += Math.exp(x[base + j * inner]! - m);
      out[o * inner + i] = m + Math.log(s);
    }
  }
  return out;
}

/** `softmax` along the axis as PyTorch computes it: `exp(x - max) / Σ exp(x - max)`, each slice summing to 1. */
export function softmaxAlong(x: Float64Array, split: AxisSplit): Float64Array {
  const { outer, n, inner } = split;
  const max = maxAlong(x, split).values;
  const out = allocate(x.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      const m = max[o * inner + i]!;
      let s = 0;
      for (let j = 0; j < n; j++) {
        const e = Math.exp(x[base + j * inner]! - m);
        out[base + j * inner] = e;
        s += e;
      }
      for (let j = 0; j < n; j++) out[base + j * inner]! /= s;
    }
  }
  return out;
}
