import { describe, expect, it } from "vitest";

import { Mt19937 } from "./mt19937.js";

// Reference outputs published with Matsumoto & Nishimura's mt19937ar.c (mt19937ar.out) and the
// C++11 standard (std::mt19937 default-seeded: the 10000th output is 4123659995).
describe("Mt19937", () => {
  it("reproduces mt19937ar.out for init_by_array({0x123, 0x234, 0x345, 0x456})", () => {
    const mt = new Mt19937();
    mt.initByArray([0x123, 0x234, 0x345, 0x456]);
    const first = Array.from({ length: 5 }, () => mt.nextUint32());
    expect(first).toEqual([1067595299, 955945823, 477289528, 4107218783, 4228976476]);
  });

  it("gives std::mt19937's 10000th output for the default seed 5489", () => {
    const mt = new Mt19937(5489);
    let last = 0;
    for (let i = 0; i < 10000; i++) last = mt.nextUint32();
    expect(last).toBe(4123659995);
  });

  it("starts the default-seeded stream with 3499211612", () => {
    expect(new Mt19937().nextUint32()).toBe(3499211612);
  });

  it("builds doubles in [0, 1) from two words as (a >>> 5, b >>> 6)", () => {
    const words = new Mt19937(9);
    const doubles = new Mt19937(9);
    for (let i = 0; i < 100; i++) {
      const a = words.nextUint32() >>> 5;
      const b = words.nextUint32() >>> 6;
      expect(doubles.nextDouble()).toBe((a * 2 ** 26 + b) / 2 ** 53);
    }
  });

  it("rejects seeds that are not 32-bit words", () => {
    expect(() => new Mt19937(-1)).toThrow(RangeError);
    expect(() => new Mt19937(2 ** 32)).toThrow(
      /expected seed to be an integer in \[0, 2\^32 - 1\], got number 4294967296$/,
    );
    expect(() => new Mt19937().initByArray([])).toThrow(RangeError);
    expect(() => new Mt19937().initByArray([1, 0.5])).toThrow(/key\[1\].*got number 0.5$/);
  });
});
