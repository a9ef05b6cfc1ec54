import { describe, expect, it } from "vitest";

import { erf, erfc, gamma, heaviside, polygamma } from "./special-functions.js";

// Reference values: Abramowitz & Stegun tables / well-known closed forms.
const EULER_GAMMA = 0.5772156649015329;
const ZETA3 = 1.2020569031595942;

describe("erf / erfc", () => {
  it("matches tabulated values", () => {
    expect(erf(0)).toBe(0);
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 15);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 15);
    expect(erf(2)).toBeCloseTo(0.9953222650189527, 15);
    expect(erf(-1)).toBeCloseTo(-0.8427007929497149, 15);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 12);
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 12);
    expect(erfc(-2)).toBeCloseTo(2 - 0.004677734981047266, 15);
  });

  it("is continuous where the series hands over to the continued fraction", () => {
    expect(erf(2 - 1e-12)).toBeCloseTo(erf(2), 11);
    expect(erfc(2 - 1e-12)).toBeCloseTo(erfc(2), 11);
  });
});

describe("gamma", () => {
  it("gives factorials at integers and sqrt(pi) at 1/2", () => {
    expect(gamma(5)).toBe(24);
    expect(gamma(1)).toBe(1);
    expect(gamma(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 14);
    expect(gamma(-0.5)).toBeCloseTo(-2 * Math.sqrt(Math.PI), 13);
    // Γ(n + 1/2) = (2n − 1)!! / 2ⁿ · √π
    expect(gamma(10.5) / ((654729075 / 1024) * Math.sqrt(Math.PI))).toBeCloseTo(1, 13);
  });

  it("satisfies Γ(x + 1) = xΓ(x)", () => {
    for (const x of [0.3, 1.7, 4.2, 12.9]) expect(gamma(x + 1) / (x * gamma(x))).toBeCloseTo(1, 13);
  });

  it("has poles at 0 and the negative integers", () => {
    expect(gamma(0)).toBe(Infinity);
    expect(gamma(-2)).toBeNaN();
  });
});

describe("polygamma", () => {
  it("matches closed forms", () => {
    expect(polygamma(0, 1)).toBeCloseTo(-EULER_GAMMA, 14);
    expect(polygamma(0, 0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2, 14);
    expect(polygamma(1, 1)).toBeCloseTo(Math.PI ** 2 / 6, 13);
    expect(polygamma(2, 1)).toBeCloseTo(-2 * ZETA3, 12);
    expect(polygamma(1, 0.5)).toBeCloseTo(Math.PI ** 2 / 2, 12);
  });

  it("satisfies the recurrence ψ(x + 1) = ψ(x) + 1/x, also for negative x", () => {
    for (const x of [-2.5, -0.3, 0.7, 3.1, 50])
      expect(polygamma(0, x + 1)).toBeCloseTo(polygamma(0, x) + 1 / x, 11);
  });

  it("rejects a non-integer order", () => {
    expect(() => polygamma(0.5, 1)).toThrow(/polygamma: expected the order n/);
  });
});

describe("heaviside", () => {
  it("uses SymPy's convention H(0) = 1/2", () => {
    expect([heaviside(-1), heaviside(0), heaviside(2)]).toEqual([0, 0.5, 1]);
    expect(heaviside(NaN)).toBeNaN();
  });
});
