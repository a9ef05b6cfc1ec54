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
    expect(() => createRng(0).permutation(-1)).toThrow(/permutation: n must be .*received -1/);
    expect(() => createRng(0).permutation(1.5)).toThrow(RangeError);
  });
});
