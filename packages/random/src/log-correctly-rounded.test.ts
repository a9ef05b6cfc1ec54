import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../test/fixtures/load.js";
import { logCorrectlyRounded } from "./log-correctly-rounded.js";

const { pairs } = loadFixture<{ pairs: [number, number][] }>("log-reference.json");

describe("logCorrectlyRounded", () => {
  it(`equals the correctly rounded logarithm (Python decimal, 60 digits) on ${pairs.length} inputs`, () => {
    const wrong = pairs.filter(([x, expected]) => logCorrectlyRounded(x) !== expected);
    expect(wrong).toEqual([]);
  });

  it("follows Math.log on special values", () => {
    expect(logCorrectlyRounded(1)).toBe(0);
    expect(logCorrectlyRounded(0)).toBe(-Infinity);
    expect(logCorrectlyRounded(-0)).toBe(-Infinity);
    expect(logCorrectlyRounded(Infinity)).toBe(Infinity);
    expect(logCorrectlyRounded(-1)).toBeNaN();
    expect(logCorrectlyRounded(NaN)).toBeNaN();
  });

  it("is never more than one ulp from Math.log (fdlibm, error < 1 ulp)", () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        const ours = logCorrectlyRounded(x);
        const theirs = Math.log(x);
        const ulp = Math.abs(theirs) * Number.EPSILON;
        return Math.abs(ours - theirs) <= Math.max(ulp, Number.MIN_VALUE);
      }),
      { numRuns: 2000 },
    );
  });
});
