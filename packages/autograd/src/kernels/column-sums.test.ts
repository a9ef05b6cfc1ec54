import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addColumnSums } from "./column-sums.js";
import { addColumnSumsUnrolled } from "./column-sums-unrolled.js";

/** Any float64, special values included. */
const anyDouble = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 5e-324, 1.7976931348623157e308),
);

describe("column sums: the unrolled kernel equals the plain loop bit for bit", () => {
  it("for any width (four at a time or not), any rows and any values", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 13 }),
        fc.array(anyDouble, { minLength: 117, maxLength: 117 }),
        fc.array(anyDouble, { minLength: 13, maxLength: 13 }),
        (rows, cols, pool, start) => {
          const g = Float64Array.from(pool.slice(0, rows * cols));
          const expected = Float64Array.from(start.slice(0, cols));
          const got = expected.slice();
          addColumnSums(expected, g, rows, cols);
          addColumnSumsUnrolled(got, g, rows, cols);
          expect(got).toEqual(expected); // Object.is per entry: NaN equals NaN, −0 differs from 0
        },
      ),
      { numRuns: 300 },
    );
  });

  it("sums each column in a local, in row order, then adds it to the target (not entry by entry)", () => {
    const g = Float64Array.from([1e16, 1, 2, -1e16, 1, 3]); // 3 rows × 2 columns
    const target = Float64Array.from([0.5, 10]);
    addColumnSums(target, g, 3, 2);
    expect([...target]).toEqual([0.5 + (1e16 + 2 + 1), 10 + (1 + -1e16 + 3)]);
    expect(target[1]).not.toBe(10 + 1 + -1e16 + 3); // the order shows in column 1
  });
});
