import { readFileSync } from "node:fs";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { formatFixed, formatGrouped, formatPercent, formatRepr } from "./python-format.js";

interface Fixture {
  fixed: [number, number, string][];
  percent: [number, number, string][];
  grouped: [number, string][];
}
const fixture = JSON.parse(
  readFileSync(new URL("../test/fixtures/python-format.json", import.meta.url), "utf8"),
) as Fixture;

describe("formatFixed", () => {
  it("matches CPython's format(x, '.{d}f') on ties, signed zeros, tiny and huge values", () => {
    for (const [x, d, expected] of fixture.fixed) expect([x, d, formatFixed(x, d)]).toEqual([x, d, expected]);
  });

  it("agrees with toFixed except on exact half-way ties", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 8 }), (x, d) => {
        if (Object.is(x, -0)) return;
        const ours = formatFixed(x, d);
        const js = x.toFixed(d);
        if (ours !== js) {
          // A disagreement is only allowed where x * 10^d is exactly k + 1/2.
          const shifted = formatFixed(x, d + 1);
          expect(shifted.endsWith("5")).toBe(true);
          expect(formatFixed(x, d + 60)).toBe(shifted + "0".repeat(59));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("prints nan and inf like Python", () => {
    expect([formatFixed(NaN, 2), formatFixed(Infinity, 2), formatFixed(-Infinity, 0)]).toEqual([
      "nan",
      "inf",
      "-inf",
    ]);
  });

  it("rejects a bad digits count", () => {
    expect(() => formatFixed(1, -1)).toThrow(RangeError);
    expect(() => formatFixed(1, 1.5)).toThrow(/formatFixed: expected digits/);
  });
});

describe("formatPercent", () => {
  it("matches CPython's format(x, '.{d}%') on every accuracy fraction k/n of the tutorial", () => {
    for (const [x, d, expected] of fixture.percent)
      expect([x, d, formatPercent(x, d)]).toEqual([x, d, expected]);
  });

  it("prints 111/240 as 46.2% where the naive toFixed says 46.3%", () => {
    expect(formatPercent(111 / 240)).toBe("46.2%");
    expect(((111 / 240) * 100).toFixed(1)).toBe("46.3");
  });
});

describe("formatGrouped", () => {
  it("matches CPython's f'{n:,}'", () => {
    for (const [n, expected] of fixture.grouped) expect(formatGrouped(n)).toBe(expected);
  });

  it("rejects non-integers", () => {
    expect(() => formatGrouped(1.5)).toThrow(
      /formatGrouped: expected n to be a safe integer, got number 1.5$/,
    );
  });
});

describe("formatRepr", () => {
  const repr = JSON.parse(
    readFileSync(new URL("../test/fixtures/python-repr.json", import.meta.url), "utf8"),
  ) as { cases: [number, string][]; special: [string, string][] };

  it("matches CPython's repr(float) around its exponent switches, on whole numbers, -0.0 and extremes", () => {
    for (const [x, expected] of repr.cases) expect([x, formatRepr(x)]).toEqual([x, expected]);
    const special: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity };
    for (const [name, expected] of repr.special) expect(formatRepr(special[name]!)).toBe(expected);
  });

  it("reads back as the same double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const back = Number(formatRepr(x).replace(/^(-?)inf$/, "$1Infinity"));
        return Object.is(back, x);
      }),
    );
  });
});
