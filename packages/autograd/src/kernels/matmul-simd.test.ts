import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";

import { GEMM_PANEL, gemm } from "./matmul.js";
import { SIMD_MEMORY_LIMIT, gemmSimd, useSimd } from "./matmul-simd.js";

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

afterEach(() => void useSimd(true));

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

  it("works through a product too large for its memory a block of rows at a time", () => {
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

  it("declines (returns false, C untouched) when op(B) alone would not fit, so gemm uses JavaScript", () => {
    const k = 2048;
    const n = SIMD_MEMORY_LIMIT / k + 1;
    const c = new Float64Array(n);
    expect(
      gemmSimd(
        false,
        false,
        1,
        n,
        k,
        new Float64Array(k),
        0,
        new Float64Array(k * n),
        0,
        c,
        0,
        null,
        GEMM_PANEL,
      ),
    ).toBe(false);
    expect(c.every((x) => x === 0)).toBe(true);
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
