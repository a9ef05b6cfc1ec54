import { describe, expect, it } from "vitest";

import { checkFinite, checkInteger, checkRng } from "./argument-checks.js";

describe("checkFinite", () => {
  it("returns finite numbers and names what else came, with the caller's error class", () => {
    expect(checkFinite("f", "x", -2.5)).toBe(-2.5);
    expect(() => checkFinite("f", "x", NaN)).toThrow(
      new TypeError("f: expected x to be a finite number, got number NaN"),
    );
    expect(() => checkFinite("f", "x", "1")).toThrow(TypeError);
    expect(() => checkFinite("f", "noise", -1, { min: 0, error: RangeError })).toThrow(
      new RangeError("f: expected noise to be a finite number >= 0, got number -1"),
    );
    expect(checkFinite("f", "noise", 0, { min: 0 })).toBe(0);
  });
});

describe("checkInteger", () => {
  it("takes integers in [min, max] and says which integers were expected", () => {
    expect(checkInteger("f", "n", 0)).toBe(0);
    expect(() => checkInteger("f", "n", 2.5, { min: 1 })).toThrow(
      new RangeError("f: expected n to be an integer >= 1, got number 2.5"),
    );
    expect(() => checkInteger("f", "n", 2 ** 31)).toThrow(RangeError);
    expect(() => checkInteger("f", "n", "3", { what: "a positive integer", error: TypeError })).toThrow(
      new TypeError('f: expected n to be a positive integer, got the string "3"'),
    );
  });
});

describe("checkRng", () => {
  it("takes anything with the named methods and names them otherwise", () => {
    const rng = { random: () => 0.5, normal: () => 0 };
    expect(checkRng("f", "rng", rng, ["random", "normal"])).toBe(rng);
    expect(() => checkRng("f", "options.rng", { random: () => 0.5 }, ["random", "normal"])).toThrow(
      new TypeError(
        "f: expected options.rng to be an Rng with random(), normal() (e.g. createRng(42)), got an object",
      ),
    );
    expect(() => checkRng("f", "rng", null, ["random"])).toThrow(/got null$/);
    expect(() => checkRng("f", "rng", 42, ["random"])).toThrow(/got number 42$/);
  });
});
