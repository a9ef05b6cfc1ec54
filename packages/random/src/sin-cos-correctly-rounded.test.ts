import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../test/fixtures/load.js";
import { cosCorrectlyRounded, sinCorrectlyRounded } from "./sin-cos-correctly-rounded.js";

const { triples } = loadFixture<{ triples: [number, number, number][] }>("sin-cos-reference.json");

describe("sinCorrectlyRounded / cosCorrectlyRounded", () => {
  it(`equal the correctly rounded values (Python decimal, 90 digits) on ${triples.length} inputs`, () => {
    const wrongSin = triples.filter(([x, s]) => sinCorrectlyRounded(x) !== s);
    const wrongCos = triples.filter(([x, , c]) => cosCorrectlyRounded(x) !== c);
    expect(wrongSin).toEqual([]);
    expect(wrongCos).toEqual([]);
  });

  it("keep the sign of zero and follow Math on non-finite or huge arguments", () => {
    expect(Object.is(sinCorrectlyRounded(-0), -0)).toBe(true);
    expect(cosCorrectlyRounded(-0)).toBe(1);
    expect(sinCorrectlyRounded(Infinity)).toBeNaN();
    expect(cosCorrectlyRounded(NaN)).toBeNaN();
    expect(sinCorrectlyRounded(1e300)).toBe(Math.sin(1e300));
  });

  it("are odd and even, and never more than one ulp from Math.sin / Math.cos", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const s = sinCorrectlyRounded(x);
        const c = cosCorrectlyRounded(x);
        const oneUlp = (v: number): number => Math.max(Math.abs(v) * Number.EPSILON, Number.MIN_VALUE);
        return (
          sinCorrectlyRounded(-x) === -s &&
          cosCorrectlyRounded(-x) === c &&
          Math.abs(s - Math.sin(x)) <= oneUlp(s) &&
          Math.abs(c - Math.cos(x)) <= oneUlp(c)
        );
      }),
      { numRuns: 1000 },
    );
  });
});
