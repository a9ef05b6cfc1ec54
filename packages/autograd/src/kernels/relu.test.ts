import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { reluBackward, reluForward } from "./relu.js";
import { reluBackwardBranchFree, reluForwardBranchFree } from "./relu-branch-free.js";

/** Any float64, with the values the branch-free forms treat specially drawn often. */
const anyDouble = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 5e-324, -5e-324, 8e307, 9e307, 1.7976931348623157e308),
);
/** Gradient buffer entries: anything but −0 (a gradient buffer starts at +0; sums onto +0 never give −0). */
const gradEntry = anyDouble.filter((v) => !Object.is(v, -0));

describe("relu kernels: the branch-free loops equal the plain ones bit for bit", () => {
  it("forward, for any inputs (NaN, ±∞, −0, subnormals, values whose x + |x| overflows)", () => {
    fc.assert(
      fc.property(fc.array(anyDouble, { maxLength: 40 }), (values) => {
        const x = Float64Array.from(values);
        const expected = new Float64Array(x.length);
        const got = new Float64Array(x.length);
        reluForward(x, expected);
        reluForwardBranchFree(x, got);
        expect(got).toEqual(expected); // Object.is per entry: NaN equals NaN, −0 differs from 0
      }),
      { numRuns: 500 },
    );
  });

  it("backward, for any inputs and gradients (NaN or ±∞ in g stays out of dead units)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyDouble, anyDouble, gradEntry), { maxLength: 40 }), (entries) => {
        const x = Float64Array.from(entries, (e) => e[0]);
        const g = Float64Array.from(entries, (e) => e[1]);
        const expected = Float64Array.from(entries, (e) => e[2]);
        const got = expected.slice();
        reluBackward(x, g, expected);
        reluBackwardBranchFree(x, g, got);
        expect(got).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("forward maps −0 and −∞ to +0 and keeps NaN, huge values and subnormals", () => {
    const x = Float64Array.from([-0, -Infinity, NaN, 1.7976931348623157e308, 5e-324, -2]);
    const out = new Float64Array(x.length);
    reluForwardBranchFree(x, out);
    expect([...out]).toEqual([0, 0, NaN, 1.7976931348623157e308, 5e-324, 0]);
    expect(Object.is(out[0], 0)).toBe(true);
  });

  it("backward: a dead unit passes 0 even when its gradient is NaN or ±∞", () => {
    const x = Float64Array.from([-1, 0, 2, -3, 1]);
    const g = Float64Array.from([NaN, Infinity, 5, -Infinity, 7]);
    const dx = new Float64Array(5);
    reluBackwardBranchFree(x, g, dx);
    expect([...dx]).toEqual([0, 0, 5, 0, 7]);
  });
});
