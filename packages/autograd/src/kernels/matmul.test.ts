import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { GEMM_PANEL, gemm } from "./matmul.js";

/**
 * The textbook triple loop, the reference the tiled kernel must equal bit for bit: each entry's dot
 * product summed in order from 0, then added to C — once per panel of GEMM_PANEL terms.
 */
function naive(
  m: number,
  n: number,
  k: number,
  A: (i: number, p: number) => number,
  B: (p: number, j: number) => number,
) {
  const c = new Float64Array(m * n);
  for (let p0 = 0; p0 < k; p0 += GEMM_PANEL) {
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = p0; p < Math.min(k, p0 + GEMM_PANEL); p++) s += A(i, p) * B(p, j);
        c[i * n + j] = c[i * n + j]! + s;
      }
  }
  return c;
}

const values = (n: number, seed: number) =>
  Float64Array.from({ length: n }, (_, i) => Math.sin(seed + i * 1.7) * 3);

describe("gemm", () => {
  it("computes A·B, A·Bᵀ, Aᵀ·B and Aᵀ·Bᵀ as the triple loop does, bit for bit, for sizes around the 4×4 tile", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 13 }),
        fc.boolean(),
        fc.boolean(),
        (m, n, k, ta, tb) => {
          const a = values(m * k, m);
          const b = values(k * n, n);
          // Stored layouts: A is m×k (or k×m when read transposed), B is k×n (or n×k).
          const A = (i: number, p: number) => (ta ? a[p * m + i]! : a[i * k + p]!);
          const B = (p: number, j: number) => (tb ? b[j * k + p]! : b[p * n + j]!);
          const c = new Float64Array(m * n);
          gemm(ta, tb, m, n, k, a, 0, b, 0, c, 0);
          expect(c).toEqual(naive(m, n, k, A, B)); // Object.is per entry
        },
      ),
      { numRuns: 200 },
    );
  });

  it("crosses panel boundaries (k and n above 256) without losing terms, transposed or not, bit for bit", () => {
    const [m, n, k] = [5, 300, 270];
    const a = values(m * k, 1);
    const b = values(k * n, 2);
    for (const ta of [false, true]) {
      for (const tb of [false, true]) {
        const c = new Float64Array(m * n);
        gemm(ta, tb, m, n, k, a, 0, b, 0, c, 0);
        const ref = naive(
          m,
          n,
          k,
          (i, p) => (ta ? a[p * m + i]! : a[i * k + p]!),
          (p, j) => (tb ? b[j * k + p]! : b[p * n + j]!),
        );
        expect(c).toEqual(ref);
      }
    }
  });

  it("accumulates into C at an offset and leaves the rest of the buffer alone", () => {
    const a = Float64Array.from([1, 2, 3, 4]); // 2×2
    const b = Float64Array.from([0, 0, 5, 6, 7, 8]); // 2×2 starting at offset 2
    const c = Float64Array.from([9, 1, 1, 1, 1, 9]);
    gemm(false, false, 2, 2, 2, a, 0, b, 2, c, 1);
    expect([...c]).toEqual([9, 1 + 19, 1 + 22, 1 + 43, 1 + 50, 9]);
  });

  it("with rowInit writes row + op(A)·op(B), bit for bit what pre-filling C with the row gives, whatever C held", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.oneof(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 255, max: 270 })),
        fc.boolean(),
        fc.boolean(),
        (m, n, k, ta, tb) => {
          const a = values(m * k, m + 0.5);
          const b = values(k * n, n + 0.25);
          const row = values(n, k + 0.125);
          const prefilled = new Float64Array(m * n);
          for (let i = 0; i < m; i++) prefilled.set(row, i * n);
          gemm(ta, tb, m, n, k, a, 0, b, 0, prefilled, 0);
          const fused = values(m * n, 99); // stale contents that must be ignored
          gemm(ta, tb, m, n, k, a, 0, b, 0, fused, 0, row);
          expect([...fused]).toEqual([...prefilled]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
