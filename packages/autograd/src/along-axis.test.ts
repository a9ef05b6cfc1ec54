import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addColumnSums, argmaxAlong, maxAlong } from "./along-axis.js";

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe("addColumnSums", () => {
  it("adds each column's sum, taken in row order in a local, to the target (any width, four at a time or not)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 11 }),
        fc.array(finite, { minLength: 77, maxLength: 77 }),
        fc.array(finite, { minLength: 11, maxLength: 11 }),
        (rows, cols, pool, start) => {
          const g = Float64Array.from(pool.slice(0, rows * cols));
          const target = Float64Array.from(start.slice(0, cols));
          const expected = target.map((t, c) => {
            let s = 0;
            for (let r = 0; r < rows; r++) s += g[r * cols + c]!;
            return t + s;
          });
          addColumnSums(target, g, rows, cols);
          expect([...target]).toEqual([...expected]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("argmaxAlong", () => {
  it("gives the indices maxAlong gives, and the values sit at those indices", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.oneof(finite, fc.constant(NaN), fc.constant(3)), { minLength: 80, maxLength: 80 }),
        (outer, n, inner, pool) => {
          const x = Float64Array.from(pool.slice(0, outer * n * inner));
          const split = { outer, n, inner };
          const indices = argmaxAlong(x, split);
          const { values } = maxAlong(x, split);
          for (let o = 0; o < outer; o++) {
            for (let i = 0; i < inner; i++) {
              const r = o * inner + i;
              const slice = Array.from({ length: n }, (_, j) => x[(o * n + j) * inner + i]!);
              // First NaN wins (NumPy); otherwise the first position of the largest value.
              const nan = slice.findIndex((v) => Number.isNaN(v));
              const best = nan >= 0 ? nan : slice.indexOf(Math.max(...slice));
              expect(indices[r]).toBe(best);
              expect(Object.is(values[r], slice[best])).toBe(true);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
