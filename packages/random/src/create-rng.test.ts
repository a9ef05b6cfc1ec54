import { describe, expect, it } from "vitest";

import { createRng } from "./create-rng.js";

describe("createRng", () => {
  it("repeats its stream for the same seed, including seed 0", () => {
    const a = createRng(0);
    const b = createRng(0);
    const c = createRng(1);
    const xs = [a.random(), a.random()];
    expect([b.random(), b.random()]).toEqual(xs);
    expect(c.random()).not.toBe(xs[0]);
  });

  it("treats a number seed and its string form alike", () => {
    expect(createRng(42).random()).toBe(createRng("42").random());
  });

  it("rejects a bad permutation size", () => {
    expect(() => createRng(0).permutation(-1)).toThrow(/permutation: expected n to be .*, got number -1$/);
    expect(() => createRng(0).permutation(1.5)).toThrow(RangeError);
  });
});

describe("reliability #19", () => {
  it("14: a seed that is not a number or a string is a TypeError, not a stringified object", () => {
    // String({ a: 1 }) and String({ b: 2 }) are both "[object Object]": the same stream for any object.
    expect(() => createRng({ a: 1 } as never)).toThrow(
      new TypeError("createRng: expected seed to be a number or a string, got an object"),
    );
    expect(() => createRng({ b: 2 } as never)).toThrow(TypeError);
    expect(() => createRng([1, 2] as never)).toThrow(
      "createRng: expected seed to be a number or a string, got an array [1,2]",
    );
    expect(() => createRng(null as never)).toThrow("got null");
    expect(() => createRng(true as never)).toThrow("got boolean true");
    expect(() => createRng(10n as never)).toThrow("got bigint 10");
  });

  it("14: a number seed must be finite (NaN is a bug upstream, not a seed)", () => {
    expect(() => createRng(NaN)).toThrow(
      new RangeError("createRng: expected a number seed to be finite, got number NaN"),
    );
    expect(() => createRng(Infinity)).toThrow(RangeError);
  });

  it("14: the documented seeds still work: numbers (0 included), strings, and no seed", () => {
    expect(createRng().random()).toBe(createRng(0).random());
    expect(createRng(-3.5).random()).toBe(createRng("-3.5").random());
    expect(createRng("").random()).toBeTypeOf("number");
  });
});
