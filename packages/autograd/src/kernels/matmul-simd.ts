/**
 * The matrix-multiply kernel again, in WebAssembly with 128-bit SIMD: each instruction multiplies or
 * adds two float64 lanes, which JavaScript cannot do. It computes exactly what `gemmPanel` in
 * `matmul.ts` computes — same products, same summation order, each lane rounded like a scalar
 * operation, no fused multiply-add — so results are identical to the last bit (`matmul-simd.test.ts`),
 * and `matmul.ts` stays the readable reference.
 *
 * WebAssembly code reads only its own memory, so each call copies the operands in (B transposed when
 * needed: a row of op(B) must be contiguous for vector loads) and the result out. The memory is
 * created on first use, grows to what the largest product needs up to {@link SIMD_MEMORY_LIMIT}
 * (bigger products are processed a block of rows at a time), and is never shrunk. Where WebAssembly
 * SIMD is missing, `gemmSimd` returns false and the caller runs the JavaScript kernel.
 */
import {
  F64,
  I32,
  V128,
  add32,
  assembleModule,
  f64Add,
  f64Load,
  f64Mul,
  f64Store,
  f64Zero,
  f64x2Add,
  f64x2Mul,
  ge32,
  instantiate,
  gt32,
  i32,
  lt32,
  mul32,
  shl32,
  v128Load,
  v128LoadSplat,
  v128Store,
  v128Zero,
  when,
  whileNot,
  type Code,
  type Locals,
  type WasmMemory,
} from "@neurogebra/internal/wasm-assembler";

/** `$name += by` (i32) over a function's locals. */
const increment =
  ({ get, set }: Locals) =>
  (name: string, by: Code): Code =>
    set(name, add32(get(name), by));

/** Float64 elements the kernel's memory may hold (16 MB). */
export const SIMD_MEMORY_LIMIT = 1 << 21;

/**
 * The kernel, `gemm(m, n, k, a, ars, acs, b, c, s, srs)` over its memory (addresses in bytes, strides in
 * elements): `C[i][j] = S[i·srs + j] + Σ_p A[i·ars + p·acs] · B[p·n + j]`, the sum taken in order
 * p = 0 … k−1 from 0, C and B row-major with n columns. Rows go four at a time (then one at a time),
 * columns four at a time as two f64x2 vectors (then two, then one in scalar code) — the register tiles of
 * `gemmPanel`. S may be C itself (accumulate) or a bias row (srs = 0).
 */
function kernel(f: Locals): Code[] {
  const { get, set } = f;
  const inc = increment(f);
  /** One R×W tile of C at rows from `arow`/`crow`/`srow`, columns from `j`: W = 4 or 2 (vectors) or 1. */
  const tile = (R: number, W: number): Code[] => {
    const vectors = W === 1 ? 0 : W / 2; // f64x2 vectors per row (0: the scalar column)
    const acc = (r: number, v: number): string => (W === 1 ? `s${r}` : `c${r}${v}`);
    const perRow = Math.max(vectors, 1);
    const code: Code[] = [];
    for (let r = 0; r < R; r++)
      for (let v = 0; v < perRow; v++) code.push(set(acc(r, v), W === 1 ? f64Zero : v128Zero));
    code.push(set("ap", get("arow")), set("bp", add32(get("b"), shl32(get("j"), i32(3)))), set("p", i32(0)));
    const step: Code[] = [];
    if (W === 1) step.push(set("bs", f64Load(get("bp"))));
    else for (let v = 0; v < vectors; v++) step.push(set(`b${v}`, v128Load(get("bp"), 16 * v)));
    for (let r = 0; r < R; r++) {
      const address = r === 0 ? get("ap") : add32(get("ap"), get(`ars${r}`)); // A(i + r, p)
      if (W === 1) {
        step.push(set(acc(r, 0), f64Add(get(acc(r, 0)), f64Mul(f64Load(address), get("bs")))));
      } else {
        step.push(set("av", v128LoadSplat(address)));
        for (let v = 0; v < vectors; v++) {
          step.push(set(acc(r, v), f64x2Add(get(acc(r, v)), f64x2Mul(get("av"), get(`b${v}`)))));
        }
      }
    }
    step.push(inc("ap", get("acsb")), inc("bp", get("nb")), inc("p", i32(1)));
    code.push(whileNot(ge32(get("p"), get("k")), ...step));
    // C = S + the finished sums
    const column = shl32(get("j"), i32(3));
    for (let r = 0; r < R; r++) {
      const cAt = add32(add32(get("crow"), mul32(get("nb"), i32(r))), column);
      const sAt = add32(add32(get("srow"), mul32(get("srsb"), i32(r))), column);
      if (W === 1) code.push(f64Store(cAt, f64Add(f64Load(sAt), get(acc(r, 0)))));
      else {
        for (let v = 0; v < vectors; v++) {
          code.push(v128Store(cAt, f64x2Add(v128Load(sAt, 16 * v), get(acc(r, v))), 16 * v));
        }
      }
    }
    return code;
  };
  /** All columns of a block of R rows. */
  const rows = (R: number): Code[] => [
    set("arow", add32(get("a"), mul32(get("i"), get("ars1")))),
    set("crow", add32(get("c"), mul32(get("i"), get("nb")))),
    set("srow", add32(get("s"), mul32(get("i"), get("srsb")))),
    set("j", i32(0)),
    whileNot(gt32(add32(get("j"), i32(4)), get("n")), ...tile(R, 4), inc("j", i32(4))),
    when(lt32(add32(get("j"), i32(1)), get("n")), ...tile(R, 2), inc("j", i32(2))),
    when(lt32(get("j"), get("n")), ...tile(R, 1)),
    inc("i", i32(R)),
  ];
  return [
    set("ars1", shl32(get("ars"), i32(3))), // byte offsets of rows 1, 2, 3 of a tile in A
    set("ars2", shl32(get("ars"), i32(4))),
    set("ars3", mul32(get("ars"), i32(24))),
    set("acsb", shl32(get("acs"), i32(3))),
    set("nb", shl32(get("n"), i32(3))),
    set("srsb", shl32(get("srs"), i32(3))),
    set("i", i32(0)),
    whileNot(gt32(add32(get("i"), i32(4)), get("m")), ...rows(4)),
    whileNot(ge32(get("i"), get("m")), ...rows(1)),
  ];
}

/**
 * `transpose(src, dst, rows, cols)`: the row-major rows×cols matrix at `src` written transposed (cols×rows)
 * at `dst` — op(B) of a transposed B, done here because a WebAssembly loop copies faster than JavaScript's.
 */
function transposeBody(f: Locals): Code[] {
  const { get, set } = f;
  const inc = increment(f);
  return [
    set("rowsb", shl32(get("rows"), i32(3))),
    set("r", i32(0)),
    whileNot(
      ge32(get("r"), get("rows")),
      set("from", add32(get("src"), mul32(get("r"), shl32(get("cols"), i32(3))))),
      set("to", add32(get("dst"), shl32(get("r"), i32(3)))),
      set("c", i32(0)),
      whileNot(
        ge32(get("c"), get("cols")),
        f64Store(get("to"), f64Load(get("from"))),
        inc("from", i32(8)),
        inc("to", get("rowsb")),
        inc("c", i32(1)),
      ),
      inc("r", i32(1)),
    ),
  ];
}

const ints = (...names: string[]): [string, typeof I32][] => names.map((name) => [name, I32]);

/** The module's bytes (about 2 KB: small enough for a browser to compile synchronously). */
export function simdModuleBytes(): Uint8Array {
  return assembleModule([
    {
      name: "gemm",
      params: ints("m", "n", "k", "a", "ars", "acs", "b", "c", "s", "srs"),
      results: [],
      locals: [
        ...ints("i", "j", "p", "ap", "bp", "arow", "crow", "srow", "ars1", "ars2", "ars3", "acsb"),
        ...ints("nb", "srsb"),
        ...["av", "b0", "b1", "c00", "c01", "c10", "c11", "c20", "c21", "c30", "c31"].map(
          (name): [string, typeof V128] => [name, V128],
        ),
        ...["bs", "s0", "s1", "s2", "s3"].map((name): [string, typeof F64] => [name, F64]),
      ],
      body: kernel,
    },
    {
      name: "transpose",
      params: ints("src", "dst", "rows", "cols"),
      results: [],
      locals: ints("r", "c", "from", "to", "rowsb"),
      body: transposeBody,
    },
  ]);
}

// ─── The JavaScript side: memory, copies, and the call ───

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

interface Simd {
  kernel: Kernel;
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

/**
 * `gemm` of `matmul.ts` (same arguments, same result bit for bit) on the WebAssembly kernel, p-panels of
 * `panel` like `gemm`. Returns false, having done nothing, when the kernel is unavailable or B alone
 * would not fit its memory limit; the caller then runs the JavaScript kernel.
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
  // Memory: op(B) (k×n), a row init (n), then per block of `rows` rows: op(A) (rows×k) and C (rows×n) —
  // an area that first holds a transposed B as stored (n×k).
  const fixed = k * n + n;
  const staging = transB ? k * n : 0;
  const rows = Math.min(m, Math.floor((SIMD_MEMORY_LIMIT - fixed) / (k + n)));
  if ((rows < 4 && rows < m) || fixed + staging > SIMD_MEMORY_LIMIT) return false;
  const heap = heapFor(simd, fixed + Math.max(rows * (k + n), staging));
  const bAt = 0;
  const initAt = k * n;
  const aAt = fixed;
  const cAt = aAt + rows * k;

  // op(B), row-major k×n (a transposed B is copied as stored, n×k, into the A/C area, and transposed from there)
  copyIn(heap, b, bOffset, k * n, transB ? aAt : bAt);
  if (transB) simd.transpose(aAt * 8, bAt * 8, n, k);
  if (rowInit !== null) copyIn(heap, rowInit, 0, n, initAt);

  const kernel = simd.kernel;
  for (let i0 = 0; i0 < m; i0 += rows) {
    const r = Math.min(rows, m - i0);
    // op(A) rows i0 … i0+r−1: element (i, p) at aAt + i·ars + p·acs
    let ars: number;
    let acs: number;
    if (transA && r === m) {
      copyIn(heap, a, aOffset, k * m, aAt); // all of A as stored (k×m)
      ars = 1;
      acs = m;
    } else if (transA) {
      for (let p = 0; p < k; p++) {
        const from = aOffset + p * m + i0;
        for (let i = 0; i < r; i++) heap[aAt + p * r + i] = a[from + i]!;
      }
      ars = 1;
      acs = r;
    } else {
      copyIn(heap, a, aOffset + i0 * k, r * k, aAt);
      ars = k;
      acs = 1;
    }
    const cFrom = cOffset + i0 * n;
    if (rowInit === null) copyIn(heap, c, cFrom, r * n, cAt);
    for (let p0 = 0; p0 < k; p0 += panel) {
      const init = p0 === 0 && rowInit !== null;
      kernel(
        r,
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
    c.set(heapView(simd, cAt, r * n), cFrom);
  }
  return true;
}
