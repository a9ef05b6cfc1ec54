import { describe, expect, it } from "vitest";

import { loadFixture } from "../test/fixtures/load.js";
import type { NumpyReference, TutorialFixture } from "../test/fixtures/load.js";
import { linspace } from "./linspace.js";

const shared = loadFixture<TutorialFixture>("python-rng.json").numpy_linspace;
const reference = loadFixture<NumpyReference>("numpy-reference.json").linspace;

describe("linspace", () => {
  it("equals the shared fixture's np.linspace slices exactly", () => {
    expect(Array.from(linspace(0, 1, 100).subarray(0, 5))).toEqual(shared["linspace(0,1,100)[:5]"]);
    expect(Array.from(linspace(4, 8, 100).subarray(97))).toEqual(shared["linspace(4,8,100)[97:]"]);
  });

  for (const { start, stop, num, values } of reference) {
    it(`equals np.linspace(${start}, ${stop}, ${num}) exactly`, () => {
      expect(Array.from(linspace(start, stop, num))).toEqual(values);
    });
  }

  it("rejects bad arguments, naming them", () => {
    expect(() => linspace(0, 1, -1)).toThrow(/expected num to be an integer >= 0, got number -1$/);
    expect(() => linspace(0, 1, 2.5)).toThrow(RangeError);
    expect(() => linspace(NaN, 1, 3)).toThrow(/expected start and stop to be finite, got start NaN/);
  });
});
