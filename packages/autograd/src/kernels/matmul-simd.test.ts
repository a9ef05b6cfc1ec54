import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";

import { GEMM_PANEL, gemm } from "./matmul.js";
import { SIMD_MEMORY_LIMIT, gemmSimd, setSimdBlocking, useSimd } from "./matmul-simd.js";

const values = (n: number, seed: number) =>
  Float64Array.from({ length: n }, (_, i) => Math.sin(seed + i * 1.7) * 3);

/** `gemm` forced onto the JavaScript kernel (the reference the WebAssembly kernel must equal). */
function gemmJs(...args: Parameters<typeof gemm>): void {
  useSimd(false);
  try {
    gemm(...args);
  } finally {
    useSimd(true);
  }
}

/** The same product on the WebAssembly kernel; fails the test if the kernel did not run. */
function gemmWasm(...args: Parameters<typeof gemm>): void {
  const [transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, rowInit] = args;
  const ran = gemmSimd(
    transA,
    transB,
    m,
    n,
    k,
    a,
    aOffset,
    b,
    bOffset,
    c,
    cOffset,
    rowInit ?? null,
    GEMM_PANEL,
  );
  expect(ran).toBe(true);
}

afterEach(() => {
  useSimd(true);
  setSimdBlocking();
});

describe("gemmSimd (the WebAssembly SIMD kernel)", () => {
  it("is available on this Node (WebAssembly with SIMD)", () => {
    expect(useSimd(true)).toBe(true);
  });

  it("equals the JavaScript kernel bit for bit: any size, transposes, offsets, accumulate or row init", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 19 }),
        fc.integer({ min: 1, max: 19 }),
        fc.oneof(fc.integer({ min: 1, max: 19 }), fc.integer({ min: GEMM_PANEL - 2, max: GEMM_PANEL + 20 })),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.nat(5),
        (m, n, k, ta, tb, init, offset) => {
          const a = values(offset + m * k, m);
          const b = values(offset + k * n, n + 0.5);
          const row = init ? values(n, k + 0.25) : null;
          const start = values(offset + m * n + 3, k); // C's earlier contents (accumulated into, or ignored)
          const expected = start.slice();
          gemmJs(ta, tb, m, n, k, a, offset, b, offset, expected, offset, row);
          const got = start.slice();
          gemmWasm(ta, tb, m, n, k, a, offset, b, offset, got, offset, row);
          expect(got).toEqual(expected); // same bits everywhere, untouched entries included
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps IEEE special values as the JavaScript kernel does (NaN, ±Infinity, −0)", () => {
    const specials = [NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324];
    const a = Float64Array.from({ length: 8 * 8 }, (_, i) => specials[i % 8]! * (i % 3 === 0 ? 1 : 0.5));
    const b = Float64Array.from({ length: 8 * 8 }, (_, i) => specials[(i * 5) % 8]!);
    const expected = new Float64Array(64);
    gemmJs(false, true, 8, 8, 8, a, 0, b, 0, expected, 0);
    const got = new Float64Array(64);
    gemmWasm(false, true, 8, 8, 8, a, 0, b, 0, got, 0);
    expect([...got]).toEqual([...expected]); // Object.is per entry: NaN equals NaN, −0 differs from 0
    expect(got.some(Number.isNaN)).toBe(true); // the case has teeth
  });

  it("works through a product too large for the copy-whole memory (the packed path)", () => {
    const [n, k] = [8, 5];
    const m = Math.ceil(SIMD_MEMORY_LIMIT / (k + n)) + 7; // more rows than fit at once
    for (const ta of [false, true]) {
      const a = values(m * k, 3);
      const b = values(k * n, 4);
      const expected = values(m * n, 5);
      const got = expected.slice();
      gemmJs(ta, false, m, n, k, a, 0, b, 0, expected, 0);
      gemmWasm(ta, false, m, n, k, a, 0, b, 0, got, 0);
      let differing = 0;
      for (let i = 0; i < got.length; i++) if (!Object.is(got[i], expected[i])) differing++;
      expect(differing).toBe(0);
    }
  });

  it("copies results out of the right place after its memory grows (views cut before are renewed)", () => {
    // the same 16×16×16 product before and after a 128³ one that grows the memory, in one instance
    const product = (size: number, seed: number) => {
      const a = values(size * size, seed);
      const b = values(size * size, seed + 1);
      const expected = new Float64Array(size * size);
      gemmJs(false, false, size, size, size, a, 0, b, 0, expected, 0);
      return {
        run: () => {
          const c = new Float64Array(size * size);
          gemmWasm(false, false, size, size, size, a, 0, b, 0, c, 0);
          return c;
        },
        expected,
      };
    };
    const small = product(16, 1);
    const big = product(128, 2);
    const other = product(16, 3);
    useSimd(true); // a fresh instance with a one-page memory
    expect(small.run()).toEqual(small.expected);
    expect(big.run()).toEqual(big.expected);
    expect(other.run()).toEqual(other.expected);
    expect(small.run()).toEqual(small.expected);
  });

  it("packed path: equals the JavaScript kernel bit for bit across every block edge (tiny blocks)", () => {
    // Blocks of 4 or 8 rows and columns make small shapes cross row, column and p-panel edges, with
    // partial groups of 1–3 rows or columns padded by zeros that must never reach C; chunks of C of 1–3
    // blocks cross chunk edges too.
    fc.assert(
      fc.property(
        fc.constantFrom(4, 8),
        fc.constantFrom(4, 8, 12),
        fc.constantFrom(1, 2, 3, 100), // rows of C held across panels, in blocks of `rows`
        fc.integer({ min: 1, max: 21 }),
        fc.integer({ min: 3, max: 21 }),
        fc.oneof(
          fc.integer({ min: 1, max: 9 }),
          fc.integer({ min: GEMM_PANEL - 1, max: 2 * GEMM_PANEL + 3 }),
        ),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.nat(3),
        (rows, columns, chunk, m, n, k, ta, tb, init, offset) => {
          const a = values(offset + m * k, m + 0.3);
          const b = values(offset + k * n, n + 0.7);
          const row = init ? values(n, k + 0.1) : null;
          const start = values(offset + m * n + 2, k + 0.9);
          const expected = start.slice();
          gemmJs(ta, tb, m, n, k, a, offset, b, offset, expected, offset, row);
          setSimdBlocking({ rows, columns, chunkRows: chunk * rows, minWork: 0 });
          const got = start.slice();
          gemmWasm(ta, tb, m, n, k, a, offset, b, offset, got, offset, row);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("packed path: special values stay in their own entries (padding zeros times ±Infinity never reach C)", () => {
    const [m, n, k] = [7, 6, 9]; // groups of 4 with 3 and 2 padded lines
    const a = values(m * k, 1);
    const b = values(k * n, 2);
    a[0 * k + 2] = NaN; // row 0
    a[5 * k + 1] = Infinity; // row 5: its padded neighbour columns would be Infinity · 0 = NaN
    b[3 * n + 4] = -Infinity; // column 4: its padded neighbour rows would be 0 · −Infinity = NaN
    b[6 * n + 1] = 1e308;
    b[7 * n + 1] = 1e308; // column 1 overflows where A is large
    a[2 * k + 6] = -0;
    const expected = new Float64Array(m * n);
    gemmJs(false, false, m, n, k, a, 0, b, 0, expected, 0);
    setSimdBlocking({ minWork: 0 });
    const got = new Float64Array(m * n);
    gemmWasm(false, false, m, n, k, a, 0, b, 0, got, 0);
    expect([...got]).toEqual([...expected]);
    expect(got.some(Number.isNaN)).toBe(true);
    expect(got.some((x) => Number.isFinite(x))).toBe(true); // not all NaN: the case can tell
  });

  it("takes every product too large for the copy-whole path (op(B) beyond its memory limit) on the packed kernel", () => {
    const k = 2048;
    const n = SIMD_MEMORY_LIMIT / k + 5; // op(B) alone no longer fits: the old kernel fell back to JavaScript here
    const m = 3;
    const a = values(m * k, 1);
    const b = values(k * n, 2);
    const expected = new Float64Array(m * n);
    gemmJs(false, false, m, n, k, a, 0, b, 0, expected, 0);
    const got = new Float64Array(m * n);
    gemmWasm(false, false, m, n, k, a, 0, b, 0, got, 0); // fails unless the WebAssembly kernel ran
    expect(got).toEqual(expected);
  });

  it("setSimdBlocking rejects blocks that are not positive multiples of 4, keeping the defaults", () => {
    const defaults = setSimdBlocking();
    expect(() => setSimdBlocking({ rows: 6 })).toThrow(
      /rows and columns to be positive multiples of 4, got 6/,
    );
    expect(setSimdBlocking({})).toEqual(defaults);
  });

  it("reports itself unavailable without WebAssembly (node --jitless, old runtimes), and gemm still works", () => {
    const global = globalThis as { WebAssembly?: unknown };
    const saved = global.WebAssembly;
    delete global.WebAssembly;
    try {
      expect(useSimd(true)).toBe(false);
      const c = new Float64Array(256);
      expect(
        gemmSimd(false, false, 16, 16, 16, values(256, 1), 0, values(256, 2), 0, c, 0, null, GEMM_PANEL),
      ).toBe(false);
      gemm(false, false, 16, 16, 16, values(256, 1), 0, values(256, 2), 0, c, 0); // the JavaScript kernel
      const expected = new Float64Array(256);
      gemmJs(false, false, 16, 16, 16, values(256, 1), 0, values(256, 2), 0, expected, 0);
      expect(c).toEqual(expected);
    } finally {
      global.WebAssembly = saved;
    }
  });

  it("is what gemm runs for the tutorial's 16×16×16 products (switching it off changes nothing but speed)", () => {
    const a = values(256, 1);
    const b = values(256, 2);
    const withSimd = new Float64Array(256);
    gemm(false, true, 16, 16, 16, a, 0, b, 0, withSimd, 0);
    const without = new Float64Array(256);
    gemmJs(false, true, 16, 16, 16, a, 0, b, 0, without, 0);
    expect(withSimd).toEqual(without);
  });
});
