/**
 * The WebAssembly module of the SIMD matrix product (`matmul-simd.ts` is its JavaScript side): three
 * functions written with the repository's assembler — `gemm` (the copy-whole kernel), `transpose` and
 * `packed` (the packed path's 4×4 register-tile kernel) — each summing an entry's products in the order of
 * `gemmPanel` in `matmul.ts`, lane by lane, without fused multiply-add.
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
} from "@neurogebra/internal/wasm-assembler";

/** `$name += by` (i32) over a function's locals. */
const increment =
  ({ get, set }: Locals) =>
  (name: string, by: Code): Code =>
    set(name, add32(get(name), by));

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
