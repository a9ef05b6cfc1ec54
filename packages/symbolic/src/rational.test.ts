import { describe, expect, it } from "vitest";

import { ratAdd, ratFloor, ratMul, ratPowInt, ratRoot, ratToNumber, ratio } from "./rational.js";

describe("rational arithmetic", () => {
  it("keeps fractions reduced with a positive denominator", () => {
    expect(ratio(6n, -4n)).toEqual({ p: -3n, q: 2n });
    expect(ratAdd(ratio(1n, 3n), ratio(1n, 6n))).toEqual({ p: 1n, q: 2n });
    expect(ratMul(ratio(2n, 3n), ratio(9n, 4n))).toEqual({ p: 3n, q: 2n });
  });

  it("rejects a zero denominator", () => {
    expect(() => ratio(1n, 0n)).toThrow(RangeError);
  });

  it("raises to integer powers exactly and refuses absurd sizes", () => {
    expect(ratPowInt(ratio(2n, 3n), -3n)).toEqual({ p: 27n, q: 8n });
    expect(ratPowInt(ratio(0n), -1n)).toBeUndefined();
    expect(ratPowInt(ratio(10n), 100000n)).toBeUndefined();
  });

  it("takes exact roots only of perfect powers", () => {
    expect(ratRoot(ratio(27n, 8n), 3n)).toEqual({ p: 3n, q: 2n });
    expect(ratRoot(ratio(2n), 2n)).toBeUndefined();
    expect(ratRoot(ratio(-8n), 3n)).toBeUndefined();
  });

  it("floors toward minus infinity and converts to the nearest double", () => {
    expect(ratFloor(ratio(-7n, 2n))).toEqual({ p: -4n, q: 1n });
    expect(ratFloor(ratio(7n, 2n))).toEqual({ p: 3n, q: 1n });
    expect(ratToNumber(ratio(1n, 3n))).toBe(1 / 3);
    // 10^400 / (3·10^400): both parts overflow float64 but the ratio does not.
    expect(ratToNumber(ratio(10n ** 400n, 3n * 10n ** 400n))).toBeCloseTo(1 / 3, 15);
  });
});
