import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { argmaxAlong, maxAlong } from "./along-axis.js";

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });

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
