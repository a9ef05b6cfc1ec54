/**
 * The matrix-multiply kernel again, in WebAssembly with 128-bit SIMD: each instruction multiplies or
 * adds two float64 lanes, which JavaScript cannot do. It computes exactly what `gemmPanel` in
 * `matmul.ts` computes — same products, same summation order, each lane rounded like a scalar
 * operation, no fused multiply-add — so results are identical to the last bit (`matmul-simd.test.ts`),
 * and `matmul.ts` stays the readable reference.
 *
 * WebAssembly code reads only its own memory, so operands are copied in and the result out. Small
 * products (the tutorial's) are copied whole, B transposed when needed (a row of op(B) must be
 * contiguous for vector loads), and run on `gemm`. Large ones take the packed path: op(B) a panel of
 * `GEMM_PANEL` rows × up to 1024 columns at a time, op(A) 128 rows at a time, each packed in the order the
 * `packed` kernel reads it (4×4 register tiles, a B strip kept in the L1 cache), and the matching block
 * of C copied in and out — so the memory holds blocks, never whole matrices, and every size runs here.
 * Both kernels sum each entry's products in the same order as `gemmPanel`. The memory is created on
 * first use, grows to what the largest block needs, and is never shrunk. Where WebAssembly SIMD is
 * missing, `gemmSimd` returns false and the caller runs the JavaScript kernel. The WebAssembly functions
 * themselves are in `matmul-simd-module.ts`; this file is their JavaScript side.
 */
import { instantiate, type WasmMemory } from "@neurogebra/internal/wasm-assembler";

import { simdModuleBytes } from "./matmul-simd-module.js";

/** Float64 elements the copy-whole path may use (16 MB); larger products take the packed path. */
export const SIMD_MEMORY_LIMIT = 1 << 21;

type Kernel = (
  m: number,
  n: number,
  k: number,
  a: number,
  ars: number,
  acs: number,
  b: number,
  c: number,
  s: number,
  srs: number,
) => void;

/** The packed kernel's signature: `(mt, nt, kc, a, b, c, s, ldc, lds)`. */
type Kernel9 = (
  mt: number,
  nt: number,
  kc: number,
  a: number,
  b: number,
  c: number,
  s: number,
  ldc: number,
  lds: number,
) => void;

interface Simd {
  kernel: Kernel;
  packed: Kernel9;
  transpose: (src: number, dst: number, rows: number, cols: number) => void;
  memory: WasmMemory;
  heap: Float64Array;
  /** Views of `heap` that results were copied out of, by `start · 2^22 + length` (see {@link heapView}). */
  views: Map<number, Float64Array>;
}

/** null: not tried yet; false: unavailable (no WebAssembly, no SIMD, or switched off). */
let simd: Simd | false | null = null;

function create(): Simd | false {
  const instance = instantiate(simdModuleBytes());
  if (instance === null) return false;
  const { exports, memory } = instance;
  return {
    kernel: exports["gemm"] as Kernel,
    packed: exports["packed"] as Kernel9,
    transpose: exports["transpose"] as Simd["transpose"],
    memory,
    heap: new Float64Array(memory.buffer),
    views: new Map(),
  };
}

/**
 * @internal Turn the WebAssembly kernel off (`false`) or back on (`true`), so tests can compare it with
 * the JavaScript kernel. Returns whether it is available.
 */
export function useSimd(on: boolean): boolean {
  simd = on ? create() : false;
  return simd !== false;
}

/**
 * `heap[at …] = source[from … from + count − 1]`. A whole array is copied without cutting a view of it
 * (each view is an allocation, and allocations are what wake the garbage collector in a training loop).
 */
function copyIn(heap: Float64Array, source: Float64Array, from: number, count: number, at: number): void {
  heap.set(from === 0 && count === source.length ? source : source.subarray(from, from + count), at);
}

/** A heap view with room for `elements` float64s (growing the memory if needed). */
function heapFor(s: Simd, elements: number): Float64Array {
  if (s.heap.length < elements) {
    s.memory.grow(Math.ceil((elements * 8 - s.memory.buffer.byteLength) / 65536));
    s.heap = new Float64Array(s.memory.buffer);
    s.views.clear(); // views of the old buffer are detached
  }
  return s.heap;
}

/**
 * `heap[start … start + length − 1]` as a view, made once per (start, length): results are copied out
 * of the same few places call after call, and a fresh view each time is an allocation per product.
 * At most 64 views are kept.
 */
function heapView(s: Simd, start: number, length: number): Float64Array {
  const key = start * 4194304 + length; // start and length < 2^21 (the memory limit): a unique key
  let view = s.views.get(key);
  if (view === undefined) {
    if (s.views.size === 64) s.views.clear();
    view = s.heap.subarray(start, start + length);
    s.views.set(key, view);
  }
  return view;
}

/** How the packed path cuts a product: see {@link setSimdBlocking}. */
export interface SimdBlocking {
  /** Rows of op(A) packed at a time (a multiple of 4). */
  readonly rows: number;
  /** Columns of op(B) packed at a time (a multiple of 4). */
  readonly columns: number;
  /** Products with at least this many multiply-adds take the packed path; smaller ones are copied whole. */
  readonly minWork: number;
  /**
   * Rows of C kept in the kernel's memory across all p-panels (a multiple of `rows`), so each entry of C
   * is copied in and out once, not once per panel.
   */
  readonly chunkRows: number;
}

const DEFAULT_BLOCKING: SimdBlocking = {
  rows: 128,
  columns: 1024,
  minWork: 128 * 128 * 128,
  chunkRows: 1024,
};
let blocking: SimdBlocking = DEFAULT_BLOCKING;

/**
 * @internal Change how the packed path cuts products (tests use tiny blocks to reach every edge with
 * small shapes); no argument restores the defaults. Returns the blocking in force.
 */
export function setSimdBlocking(change?: Partial<SimdBlocking>): SimdBlocking {
  blocking = change === undefined ? DEFAULT_BLOCKING : { ...blocking, ...change };
  if (blocking.rows % 4 !== 0 || blocking.columns % 4 !== 0 || blocking.rows < 4 || blocking.columns < 4) {
    const bad = blocking;
    blocking = DEFAULT_BLOCKING;
    throw new RangeError(
      `setSimdBlocking: expected rows and columns to be positive multiples of 4, got ${bad.rows} and ${bad.columns}`,
    );
  }
  if (blocking.chunkRows < blocking.rows || blocking.chunkRows % blocking.rows !== 0) {
    const bad = blocking;
    blocking = DEFAULT_BLOCKING;
    throw new RangeError(
      `setSimdBlocking: expected chunkRows to be a positive multiple of rows (${bad.rows}), got ${bad.chunkRows}`,
    );
  }
  return blocking;
}

/** `n` rounded up to a multiple of 4. */
const up4 = (n: number): number => (n + 3) & ~3;

/**
 * Packs `count` lines of a strided matrix, 4 at a time, as the packed kernel reads them: line `l`'s entry
 * `p` is `x[from + l·lineStride + p·stepStride]`, and for each group of 4 lines the `kc` steps follow each
 * other, 4 entries per step. Lines from `count` up to a multiple of 4 are zeros (their results are
 * computed and never copied out).
 */
function pack(
  heap: Float64Array,
  at: number,
  x: Float64Array,
  from: number,
  lineStride: number,
  stepStride: number,
  kc: number,
  count: number,
): void {
  for (let g = 0; g < count; g += 4) {
    let q = from + g * lineStride;
    if (g + 4 <= count) {
      const l1 = lineStride;
      const l2 = 2 * lineStride;
      const l3 = 3 * lineStride;
      for (let p = 0; p < kc; p++, q += stepStride, at += 4) {
        heap[at] = x[q]!;
        heap[at + 1] = x[q + l1]!;
        heap[at + 2] = x[q + l2]!;
        heap[at + 3] = x[q + l3]!;
      }
    } else {
      const lines = count - g;
      for (let p = 0; p < kc; p++, q += stepStride, at += 4) {
        for (let l = 0; l < 4; l++) heap[at + l] = l < lines ? x[q + l * lineStride]! : 0;
      }
    }
  }
}

/**
 * The packed path of {@link gemmSimd}, for products of any size: op(B) is taken `columns` columns and
 * `panel` rows at a time (the p-panels of `gemm`), op(A) `rows` rows at a time, each packed into the
 * module's memory for {@link packedBody}. C is taken `chunkRows` rows at a time: copied in once, updated
 * by every p-panel in order, copied out once. The memory holds one block of A and B and one chunk of C,
 * never a whole matrix.
 */
function gemmPacked(
  s: Simd,
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
  rowInit: Float64Array | null,
  panel: number,
): void {
  const ars = transA ? 1 : k;
  const acs = transA ? m : 1;
  const brs = transB ? 1 : n;
  const bcs = transB ? k : 1;
  const NC = Math.min(blocking.columns, up4(n));
  const MC = Math.min(blocking.rows, up4(m));
  const CR = Math.min(blocking.chunkRows, Math.ceil(m / MC) * MC); // rows of C held across the panels
  const KC = Math.min(panel, k);
  const bAt = 0;
  const aAt = KC * NC;
  const cAt = aAt + MC * KC;
  const initAt = cAt + CR * NC;
  const heap = heapFor(s, initAt + NC);
  const packed = s.packed;
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nb = Math.min(NC, n - j0);
    const ld = up4(nb);
    const whole = ld === n; // the chunk's rows are C's rows: one copy each way
    if (rowInit !== null) heap.set(rowInit.subarray(j0, j0 + nb), initAt);
    for (let r0 = 0; r0 < m; r0 += CR) {
      // rows r0 … r0 + rc − 1 of C stay in the kernel's memory while every p-panel adds into them
      const rc = Math.min(CR, m - r0);
      const cFrom = cOffset + r0 * n + j0;
      if (rowInit === null) {
        if (whole) copyIn(heap, c, cFrom, rc * n, cAt);
        else for (let i = 0; i < rc; i++) copyIn(heap, c, cFrom + i * n, nb, cAt + i * ld);
      }
      for (let p0 = 0; p0 < k; p0 += panel) {
        const kc = Math.min(panel, k - p0);
        pack(heap, bAt, b, bOffset + p0 * brs + j0 * bcs, bcs, brs, kc, nb);
        const init = p0 === 0 && rowInit !== null; // the first panel starts from the bias row, not C
        for (let i0 = r0; i0 < r0 + rc; i0 += MC) {
          const mb = Math.min(MC, r0 + rc - i0);
          pack(heap, aAt, a, aOffset + i0 * ars + p0 * acs, ars, acs, kc, mb);
          const blockAt = cAt + (i0 - r0) * ld;
          packed(
            up4(mb) >> 2,
            ld >> 2,
            kc,
            aAt * 8,
            bAt * 8,
            blockAt * 8,
            (init ? initAt : blockAt) * 8,
            ld,
            init ? 0 : ld,
          );
        }
      }
      if (whole) c.set(heapView(s, cAt, rc * n), cFrom);
      else for (let i = 0; i < rc; i++) c.set(heap.subarray(cAt + i * ld, cAt + i * ld + nb), cFrom + i * n);
    }
  }
}

/**
 * `gemm` of `matmul.ts` (same arguments, same result bit for bit) on the WebAssembly kernels, p-panels of
 * `panel` like `gemm`: small products copied whole onto `gemm`, the others (and any that would not fit
 * {@link SIMD_MEMORY_LIMIT} whole) packed block by block onto `packed`. Returns false, having done
 * nothing, when WebAssembly SIMD is unavailable; the caller then runs the JavaScript kernel.
 */
export function gemmSimd(
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
  rowInit: Float64Array | null,
  panel: number,
): boolean {
  if (simd === null) simd = create();
  if (simd === false) return false;
  // Copy-whole memory: op(B) (k×n), a row init (n), op(A) (m×k) and C (m×n) — the A/C area first holds
  // a transposed B as stored (n×k).
  const fixed = k * n + n;
  const whole = fixed + Math.max(m * (k + n), transB ? k * n : 0);
  if (m * n * k >= blocking.minWork || whole > SIMD_MEMORY_LIMIT) {
    gemmPacked(simd, transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, rowInit, panel);
    return true;
  }
  const heap = heapFor(simd, whole);
  const bAt = 0;
  const initAt = k * n;
  const aAt = fixed;
  const cAt = aAt + m * k;

  // op(B), row-major k×n (a transposed B is copied as stored, n×k, into the A/C area, and transposed from there)
  copyIn(heap, b, bOffset, k * n, transB ? aAt : bAt);
  if (transB) simd.transpose(aAt * 8, bAt * 8, n, k);
  if (rowInit !== null) copyIn(heap, rowInit, 0, n, initAt);
  // op(A): element (i, p) at aAt + i·ars + p·acs, A copied as stored
  copyIn(heap, a, aOffset, k * m, aAt);
  const ars = transA ? 1 : k;
  const acs = transA ? m : 1;
  if (rowInit === null) copyIn(heap, c, cOffset, m * n, cAt);
  for (let p0 = 0; p0 < k; p0 += panel) {
    const init = p0 === 0 && rowInit !== null;
    simd.kernel(
      m,
      n,
      Math.min(panel, k - p0),
      (aAt + p0 * acs) * 8,
      ars,
      acs,
      (bAt + p0 * n) * 8,
      cAt * 8,
      (init ? initAt : cAt) * 8,
      init ? 0 : n,
    );
  }
  c.set(heapView(simd, cAt, m * n), cOffset);
  return true;
}
