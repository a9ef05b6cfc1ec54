import { readFileSync } from "node:fs";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { formatFixed, formatGrouped, formatPercent, formatRepr } from "./python-format.js";

// Expected strings are what CPython 3.11 prints for the same expression.
interface PythonFormatFixture {
  fixed: [number, number, string][];
  percent: [number, number, string][];
  grouped: [number, string][];
  repr: [number, string][];
}
const cpython = JSON.parse(
  readFileSync(new URL("../test/fixtures/python-format-cpython.json", import.meta.url), "utf8"),
) as PythonFormatFixture;

describe("against CPython 3.11 (test/fixtures/python-format-cpython.json)", () => {
  it("format(x, '.nf') for edge cases, exact ties and random doubles", () => {
    for (const [x, precision, expected] of cpython.fixed) expect(formatFixed(x, precision)).toBe(expected);
  });
  it("format(x, '.n%')", () => {
    for (const [x, precision, expected] of cpython.percent)
      expect(formatPercent(x, precision)).toBe(expected);
  });
  it("f'{n:,}'", () => {
    for (const [n, expected] of cpython.grouped) expect(formatGrouped(n)).toBe(expected);
  });
  it("repr(x)", () => {
    for (const [x, expected] of cpython.repr) expect(formatRepr(x)).toBe(expected);
  });
});

describe("formatFixed (Python f'{x:.nf}')", () => {
  it.each([
    [0.125, 2, "0.12"], // exact tie → even digit
    [0.375, 2, "0.38"], // exact tie → even digit
    [2.675, 2, "2.67"], // the double is below 2.675
    [1.005, 2, "1.00"], // the double is below 1.005
    [0.5, 0, "0"],
    [1.5, 0, "2"],
    [2.5, 0, "2"],
    [-0.0, 2, "-0.00"],
    [-0.001, 2, "-0.00"],
    [0.1, 20, "0.10000000000000000555"],
    [1e22, 1, "10000000000000000000000.0"],
    [5e-324, 3, "0.000"],
    [1 / 3, 4, "0.3333"],
    [15.3785, 4, "15.3785"],
    [-7.25, 1, "-7.2"],
    [Number.NaN, 4, "nan"],
    [Infinity, 4, "inf"],
    [-Infinity, 1, "-inf"],
  ])("format(%s, '.%sf') == %s", (x, precision, expected) => {
    expect(formatFixed(x, precision)).toBe(expected);
  });

  it("equals toFixed (which also rounds the exact value) wherever the value is not an exact tie", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 8 }),
        (x, precision) => {
          // x is dyadic, so it is a tie at `precision` digits exactly when x·2^(precision+1) is odd.
          const scaled = x * 2 ** (precision + 1);
          fc.pre(!(Number.isInteger(scaled) && scaled % 2 !== 0));
          const expected = Object.is(x, -0) ? `-${x.toFixed(precision)}` : x.toFixed(precision);
          return formatFixed(x, precision) === expected;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("rounds every odd multiple of 2^-(p+1) — the exact ties — to an even last digit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 6 }), (k, precision) => {
        const x = (2 * k + 1) / 2 ** (precision + 1);
        const text = formatFixed(x, precision);
        const lastDigit = Number(text.replace(".", "").at(-1));
        return lastDigit % 2 === 0 && Math.abs(Number(text) - x) <= 0.5 * 10 ** -precision + 1e-9;
      }),
      { numRuns: 500 },
    );
  });

  it("rejects a bad precision", () => {
    expect(() => formatFixed(1, -1)).toThrow(RangeError);
    expect(() => formatFixed(1, 1.5)).toThrow(/digits/);
  });
});

describe("formatPercent (Python f'{x:.n%}')", () => {
  // The transcript's accuracies: correct/240 during training, correct/60 on the test set.
  it.each([
    [111 / 240, 1, "46.2%"],
    [137 / 240, 1, "57.1%"],
    [154 / 240, 1, "64.2%"],
    [174 / 240, 1, "72.5%"],
    [196 / 240, 1, "81.7%"],
    [208 / 240, 1, "86.7%"],
    [209 / 240, 1, "87.1%"],
    [56 / 60, 1, "93.3%"],
    [1, 1, "100.0%"],
    [56 / 60, 0, "93%"],
    [0.5, 0, "50%"],
    [0.125, 0, "12%"],
  ])("format(%s, '.%s%%') == %s", (x, precision, expected) => {
    expect(formatPercent(x, precision)).toBe(expected);
  });

  it("differs from the naive toFixed on the tutorial's first epoch", () => {
    expect(((111 / 240) * 100).toFixed(1)).toBe("46.3");
    expect(formatPercent(111 / 240, 1)).toBe("46.2%");
  });
});

describe("formatGrouped (Python f'{n:,}')", () => {
  it.each([
    [0, "0"],
    [371, "371"],
    [1000, "1,000"],
    [1234567, "1,234,567"],
    [-9876543, "-9,876,543"],
  ])("format(%s, ',') == %s", (n, expected) => {
    expect(formatGrouped(n)).toBe(expected);
  });

  it("rejects a non-integer", () => {
    expect(() => formatGrouped(1.5)).toThrow(RangeError);
  });
});

describe("formatRepr (Python repr(float))", () => {
  it.each([
    [2, "2.0"],
    [-2.5, "-2.5"],
    [0, "0.0"],
    [-0, "-0.0"],
    [0.1, "0.1"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [1e15, "1000000000000000.0"],
    [1e16, "1e+16"],
    [123456789012345.6, "123456789012345.6"],
    [1.5e300, "1.5e+300"],
    [Number.NaN, "nan"],
  ])("repr(%s) == %s", (x, expected) => {
    expect(formatRepr(x)).toBe(expected);
  });
});
