/**
 * The matrix-multiply kernel behind `matmul`, `linear` and their gradients, over plain `Float64Array`s.
 *
 * One strided kernel serves all three products a backward pass needs — `A·B`, `A·Bᵀ` and `Aᵀ·B` — by
 * reading `A(i,p) = A[offset + i·rowStride + p·colStride]` (and `B(p,j)` likewise), so a transpose is a
 * swap of strides, never a copy.
 *
 * Speed comes from two kinds of blocking:
 * - register blocking: each pass computes a 4×4 tile of C in 16 local variables, so every load of A
 *   or B feeds four multiply-adds;
 * - cache blocking: B is visited in 256×256 panels, so large products keep their working set in L2
 *   (sizes up to 256 are a single panel).
 *
 * JavaScript has no instruction that multiplies two doubles at once. Where WebAssembly SIMD is
 * available, `gemm` hands all but the smallest products to `matmul-simd.ts`, which does exactly this
 * computation two lanes at a time — same bits, faster. This file stays the reference: read it to see
 * what a product computes (`matmul.test.ts` checks it against the plain triple loop).
 */

import { gemmSimd } from "./matmul-simd.js";

/**
 * Side of the square panels of B (rows p, columns j) that one sweep over C works on. Products with
 * k ≤ GEMM_PANEL add each C entry's whole dot product to C in one addition.
 */
export const GEMM_PANEL = 256;
const PANEL = GEMM_PANEL;

/**
 * Products with fewer multiply-adds than this, or fewer than 3 columns, stay in JavaScript: copying into
 * WebAssembly memory would cost more than the vector instructions save.
 */
const SIMD_MIN_WORK = 512;

/**
 * `C += op(A) · op(B)` for row-major buffers — BLAS's `dgemm` without the α/β scalars. `op(A)` is the
 * m×k matrix stored row-major from `aOffset` on, or, with `transA`, the transpose of a k×m stored
 * matrix; likewise `op(B)` is k×n. C is the row-major m×n block of `c` from `cOffset` on. Accumulates,
 * so the caller zero-fills C for a plain product and passes a gradient buffer directly for a backward
 * pass. Each C entry sums its k products in order p = 0, 1, …, k−1 (per panel), then is added to C.
 *
 * With `rowInit` (a length-n vector, e.g. a bias), C's previous contents are ignored and the first
 * panel writes `rowInit[j] + (dot product)` instead, so `linear` needs no separate pass to put the bias
 * in C; later panels (k > GEMM_PANEL) then accumulate as usual.
 */
export function gemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  c: Float64Array,
  cOffset: number,
  rowInit: Float64Array | null = null,
): void {
  // Element (i, p) of op(A) sits at aOffset + i·ars + p·acs; element (p, j) of op(B) at bOffset + p·brs + j·bcs.
  const ars = transA ? 1 : k;
  const acs = transA ? m : 1;
  const brs = transB ? 1 : n;
  const bcs = transB ? k : 1;
  if (k === 0) {
    // An empty sum: C stays as it is, or becomes rowInit.
    if (rowInit !== null) for (let i = 0; i < m; i++) c.set(rowInit.subarray(0, n), cOffset + i * n);
    return;
  }
  if (
    n >= 3 &&
    m * n * k >= SIMD_MIN_WORK &&
    gemmSimd(transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, rowInit, PANEL)
  ) {
    return; // the same computation in WebAssembly SIMD (see matmul-simd.ts)
  }
  for (let p0 = 0; p0 < k; p0 += PANEL) {
    const p1 = Math.min(k, p0 + PANEL);
    // What each finished dot product is added to: C itself, or rowInit broadcast over the rows (row stride 0).
    const init = p0 === 0 && rowInit !== null;
    const s = init ? rowInit : c;
    const sOffset = init ? 0 : cOffset;
    const srs = init ? 0 : n;
    for (let j0 = 0; j0 < n; j0 += PANEL) {
      const j1 = Math.min(n, j0 + PANEL);
      gemmPanel(
        m,
        n,
        a,
        aOffset,
        ars,
        acs,
        b,
        bOffset,
        brs,
        bcs,
        c,
        cOffset,
        s,
        sOffset,
        srs,
        p0,
        p1,
        j0,
        j1,
      );
    }
  }
}

/**
 * C[:, j0:j1] = S[:, j0:j1] + A[:, p0:p1] · B[p0:p1, j0:j1], where S(i, j) = s[sOffset + i·srs + j] is
 * C itself (accumulate) or a row broadcast down C (srs = 0): 4×4 tiles of C, then the leftover
 * columns (4×2, 4×1) and the leftover rows (1×4, 1×1).
 */
function gemmPanel(
  m: number,
  n: number,
  A: Float64Array,
  aOffset: number,
  ars: number,
  acs: number,
  B: Float64Array,
  bOffset: number,
  brs: number,
  bcs: number,
  c: Float64Array,
  cOffset: number,
  s: Float64Array,
  sOffset: number,
  srs: number,
  p0: number,
  p1: number,
  j0: number,
  j1: number,
): void {
  const m4 = m - (m % 4);
  const j4 = j1 - ((j1 - j0) % 4);
  for (let i = 0; i < m4; i += 4) {
    const aRow = aOffset + i * ars + p0 * acs;
    const cRow = cOffset + i * n;
    const sRow = sOffset + i * srs;
    let j = j0;
    for (; j < j4; j += 4) {
      // prettier-ignore
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0,
          c10 = 0, c11 = 0, c12 = 0, c13 = 0,
          c20 = 0, c21 = 0, c22 = 0, c23 = 0,
          c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let ap = aRow;
      let bp = bOffset + p0 * brs + j * bcs;
      // prettier-ignore
      for (let p = p0; p < p1; p++, ap += acs, bp += brs) {
        const a0 = A[ap]!, a1 = A[ap + ars]!, a2 = A[ap + 2 * ars]!, a3 = A[ap + 3 * ars]!;
        const b0 = B[bp]!, b1 = B[bp + bcs]!, b2 = B[bp + 2 * bcs]!, b3 = B[bp + 3 * bcs]!;
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
      }
      const o = cRow + j;
      const q = sRow + j;
      // prettier-ignore
      {
        c[o] = s[q]! + c00;                 c[o + 1] = s[q + 1]! + c01;
        c[o + 2] = s[q + 2]! + c02;         c[o + 3] = s[q + 3]! + c03;
        c[o + n] = s[q + srs]! + c10;       c[o + n + 1] = s[q + srs + 1]! + c11;
        c[o + n + 2] = s[q + srs + 2]! + c12; c[o + n + 3] = s[q + srs + 3]! + c13;
        c[o + 2 * n] = s[q + 2 * srs]! + c20;     c[o + 2 * n + 1] = s[q + 2 * srs + 1]! + c21;
        c[o + 2 * n + 2] = s[q + 2 * srs + 2]! + c22; c[o + 2 * n + 3] = s[q + 2 * srs + 3]! + c23;
        c[o + 3 * n] = s[q + 3 * srs]! + c30;     c[o + 3 * n + 1] = s[q + 3 * srs + 1]! + c31;
        c[o + 3 * n + 2] = s[q + 3 * srs + 2]! + c32; c[o + 3 * n + 3] = s[q + 3 * srs + 3]! + c33;
      }
    }
    if (j + 2 <= j1) {
      // Two leftover columns at once: each load of A feeds two multiply-adds.
      // prettier-ignore
      let c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
      let ap = aRow;
      let bp = bOffset + p0 * brs + j * bcs;
      // prettier-ignore
      for (let p = p0; p < p1; p++, ap += acs, bp += brs) {
        const a0 = A[ap]!, a1 = A[ap + ars]!, a2 = A[ap + 2 * ars]!, a3 = A[ap + 3 * ars]!;
        const b0 = B[bp]!, b1 = B[bp + bcs]!;
        c00 += a0 * b0; c01 += a0 * b1;
        c10 += a1 * b0; c11 += a1 * b1;
        c20 += a2 * b0; c21 += a2 * b1;
        c30 += a3 * b0; c31 += a3 * b1;
      }
      const o = cRow + j;
      const q = sRow + j;
      // prettier-ignore
      {
        c[o] = s[q]! + c00;                 c[o + 1] = s[q + 1]! + c01;
        c[o + n] = s[q + srs]! + c10;       c[o + n + 1] = s[q + srs + 1]! + c11;
        c[o + 2 * n] = s[q + 2 * srs]! + c20; c[o + 2 * n + 1] = s[q + 2 * srs + 1]! + c21;
        c[o + 3 * n] = s[q + 3 * srs]! + c30; c[o + 3 * n + 1] = s[q + 3 * srs + 1]! + c31;
      }
      j += 2;
    }
    for (; j < j1; j++) {
      // prettier-ignore
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      let ap = aRow;
      let bp = bOffset + p0 * brs + j * bcs;
      for (let p = p0; p < p1; p++, ap += acs, bp += brs) {
        const y = B[bp]!;
        c0 += A[ap]! * y;
        c1 += A[ap + ars]! * y;
        c2 += A[ap + 2 * ars]! * y;
        c3 += A[ap + 3 * ars]! * y;
      }
      const o = cRow + j;
      const q = sRow + j;
      c[o] = s[q]! + c0;
      c[o + n] = s[q + srs]! + c1;
      c[o + 2 * n] = s[q + 2 * srs]! + c2;
      c[o + 3 * n] = s[q + 3 * srs]! + c3;
    }
  }
  for (let i = m4; i < m; i++) {
    const aRow = aOffset + i * ars + p0 * acs;
    const cRow = cOffset + i * n;
    const sRow = sOffset + i * srs;
    let j = j0;
    for (; j < j4; j += 4) {
      // prettier-ignore
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      let ap = aRow;
      let bp = bOffset + p0 * brs + j * bcs;
      for (let p = p0; p < p1; p++, ap += acs, bp += brs) {
        const x = A[ap]!;
        c0 += x * B[bp]!;
        c1 += x * B[bp + bcs]!;
        c2 += x * B[bp + 2 * bcs]!;
        c3 += x * B[bp + 3 * bcs]!;
      }
      const o = cRow + j;
      const q = sRow + j;
      c[o] = s[q]! + c0;
      c[o + 1] = s[q + 1]! + c1;
      c[o + 2] = s[q + 2]! + c2;
      c[o + 3] = s[q + 3]! + c3;
    }
    for (; j < j1; j++) {
      let dot = 0;
      let ap = aRow;
      let bp = bOffset + p0 * brs + j * bcs;
      for (let p = p0; p < p1; p++, ap += acs, bp += brs) dot += A[ap]! * B[bp]!;
      c[cRow + j] = s[sRow + j]! + dot;
    }
  }
}
