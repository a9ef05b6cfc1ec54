/**
 * Kernels that work along one axis of a row-major buffer: sum, column sums, max (with argmax),
 * log-sum-exp and softmax. A shape split at `axis` is `outer × n × inner`; element (o, j, i) sits at
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

/**
 * `target[c] += Σ_r g[r, c]` for a row-major `rows × cols` buffer: the column sums (a bias gradient).
 * Each column is summed in a local, r = 0, 1, …, in order, and four columns at a time so the four
 * running sums do not wait on each other (2× faster than one column at a time at 16 × 16).
 */
export function addColumnSums(target: Float64Array, g: Float64Array, rows: number, cols: number): void {
  const end = rows * cols;
  let c = 0;
  for (; c + 4 <= cols; c += 4) {
    // prettier-ignore
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let e = c; e < end; e += cols) {
      s0 += g[e]!;
      s1 += g[e + 1]!;
      s2 += g[e + 2]!;
      s3 += g[e + 3]!;
    }
    target[c]! += s0;
    target[c + 1]! += s1;
    target[c + 2]! += s2;
    target[c + 3]! += s3;
  }
  for (; c < cols; c++) {
    let s = 0;
    for (let e = c; e < end; e += cols) s += g[e]!;
    target[c]! += s;
  }
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
