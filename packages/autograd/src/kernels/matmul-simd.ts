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
 * missing, `gemmSimd` returns false and the caller runs the JavaScript kernel.
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

/** Float64 elements the copy-whole path may use (16 MB); larger products take the packed path. */
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

/**
 * The kernel for large products, `packed(mt, nt, kc, a, b, c, s, ldc, lds)` over packed operands (addresses
 * in bytes, strides in elements): A as `mt` groups of 4 rows, each group's k-th step the 4 entries
 * A(4g…4g+3, p) side by side; B as `nt` strips of 4 columns, each strip's p-th step the 4 entries
 * B(p, 4t…4t+3). For every 4×4 tile `C[4g + r][4t + q] = S[(4g + r)·lds + 4t + q] + Σ_p A·B`, the sum
 * taken in order p = 0 … kc−1 from 0 — per entry the same computation as the other kernel and as
 * `gemmPanel` — with C `ldc` entries per row. A strip of B (kc × 4) stays in the L1 cache while every
 * group of A runs through it; all loads are sequential and every address offset is a constant.
 */
function packedBody(f: Locals): Code[] {
  const { get, set } = f;
  const inc = increment(f);
  const accs = ["c00", "c01", "c10", "c11", "c20", "c21", "c30", "c31"];
  const step: Code[] = [set("b0", v128Load(get("bp"))), set("b1", v128Load(get("bp"), 16))];
  for (let r = 0; r < 4; r++) {
    // row r's A(i + r, p), at a constant offset from one pointer
    step.push(set("av", v128LoadSplat(get("ap"), 8 * r)));
    step.push(set(`c${r}0`, f64x2Add(get(`c${r}0`), f64x2Mul(get("av"), get("b0")))));
    step.push(set(`c${r}1`, f64x2Add(get(`c${r}1`), f64x2Mul(get("av"), get("b1")))));
  }
  step.push(inc("ap", i32(32)), inc("bp", i32(32)));
  const store: Code[] = [];
  for (let r = 0; r < 4; r++) {
    const cAt = add32(get("crow"), mul32(get("ldcb"), i32(r)));
    const sAt = add32(get("srow"), mul32(get("ldsb"), i32(r)));
    for (let v = 0; v < 2; v++) {
      store.push(v128Store(cAt, f64x2Add(v128Load(sAt, 16 * v), get(`c${r}${v}`)), 16 * v));
    }
  }
  return [
    set("ldcb", shl32(get("ldc"), i32(3))),
    set("ldsb", shl32(get("lds"), i32(3))),
    set("panel", shl32(get("kc"), i32(5))), // bytes of one packed group or strip
    set("bcol", get("b")),
    set("jt", i32(0)),
    whileNot(
      ge32(get("jt"), get("nt")),
      set("arow", get("a")),
      set("crow", add32(get("c"), shl32(get("jt"), i32(5)))),
      set("srow", add32(get("s"), shl32(get("jt"), i32(5)))),
      set("bend", add32(get("bcol"), get("panel"))),
      set("it", i32(0)),
      whileNot(
        ge32(get("it"), get("mt")),
        ...accs.map((name) => set(name, v128Zero)),
        set("ap", get("arow")),
        set("bp", get("bcol")),
        whileNot(ge32(get("bp"), get("bend")), ...step),
        ...store,
        inc("arow", get("panel")),
        inc("crow", shl32(get("ldcb"), i32(2))),
        inc("srow", shl32(get("ldsb"), i32(2))),
        inc("it", i32(1)),
      ),
      set("bcol", get("bend")),
      inc("jt", i32(1)),
    ),
  ];
}

const ints = (...names: string[]): [string, typeof I32][] => names.map((name) => [name, I32]);

/** The module's bytes (about 3 KB: small enough for a browser to compile synchronously). */
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
      name: "packed",
      params: ints("mt", "nt", "kc", "a", "b", "c", "s", "ldc", "lds"),
      results: [],
      locals: [
        ...ints("it", "jt", "ap", "bp", "arow", "bcol", "bend", "crow", "srow", "ldcb", "ldsb", "panel"),
        ...["av", "b0", "b1", "c00", "c01", "c10", "c11", "c20", "c21", "c30", "c31"].map(
          (name): [string, typeof V128] => [name, V128],
        ),
      ],
      body: packedBody,
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
}

const DEFAULT_BLOCKING: SimdBlocking = { rows: 128, columns: 1024, minWork: 128 * 128 * 128 };
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
 * module's memory for {@link packedBody}; the matching block of C is copied in, updated and copied out.
 * The memory holds one block of each, never a whole matrix.
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
  const KC = Math.min(panel, k);
  const bAt = 0;
  const aAt = KC * NC;
  const cAt = aAt + MC * KC;
  const initAt = cAt + MC * NC;
  const heap = heapFor(s, initAt + NC);
  const packed = s.packed;
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nb = Math.min(NC, n - j0);
    const ld = up4(nb);
    if (rowInit !== null) heap.set(rowInit.subarray(j0, j0 + nb), initAt);
    for (let p0 = 0; p0 < k; p0 += panel) {
      const kc = Math.min(panel, k - p0);
      pack(heap, bAt, b, bOffset + p0 * brs + j0 * bcs, bcs, brs, kc, nb);
      const init = p0 === 0 && rowInit !== null;
      for (let i0 = 0; i0 < m; i0 += MC) {
        const mb = Math.min(MC, m - i0);
        pack(heap, aAt, a, aOffset + i0 * ars + p0 * acs, ars, acs, kc, mb);
        const cFrom = cOffset + i0 * n + j0;
        const whole = ld === n; // the block's rows are C's rows: one copy each way
        if (!init) {
          if (whole) copyIn(heap, c, cFrom, mb * n, cAt);
          else for (let i = 0; i < mb; i++) copyIn(heap, c, cFrom + i * n, nb, cAt + i * ld);
        }
        packed(
          up4(mb) >> 2,
          ld >> 2,
          kc,
          aAt * 8,
          bAt * 8,
          cAt * 8,
          (init ? initAt : cAt) * 8,
          ld,
          init ? 0 : ld,
        );
        if (whole) c.set(heapView(s, cAt, mb * n), cFrom);
        else
          for (let i = 0; i < mb; i++) c.set(heap.subarray(cAt + i * ld, cAt + i * ld + nb), cFrom + i * n);
      }
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
