import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { decisionGrid, numpyArange, planeGrid } from "./decision-grid.js";

const numpy = JSON.parse(
  readFileSync(new URL("../test/fixtures/numpy-arange.json", import.meta.url), "utf8"),
) as {
  cases: [number, number, number, number[]][];
};

describe("numpyArange", () => {
  it("equals np.arange value for value (test/fixtures/numpy-arange.json)", () => {
    for (const [start, stop, step, expected] of numpy.cases) {
      expect(Array.from(numpyArange(start, stop, step))).toEqual(expected);
    }
  });

  it("is empty when stop is not beyond start", () => {
    expect(numpyArange(1, 1, 0.1).length).toBe(0);
    expect(numpyArange(2, 1, 0.1).length).toBe(0);
  });

  it("rejects a zero or non-finite step", () => {
    expect(() => numpyArange(0, 1, 0)).toThrow(RangeError);
    expect(() => numpyArange(0, Number.NaN, 0.1)).toThrow(/numpyArange/);
  });
});

describe("planeGrid / decisionGrid", () => {
  it("flattens like np.c_[xx.ravel(), yy.ravel()] (x varies fastest)", () => {
    const grid = planeGrid([0, 0.3], [0, 0.2], 0.1);
    expect(grid.xs.length).toBe(3);
    expect(grid.ys.length).toBe(2);
    expect(Array.from(grid.points.subarray(0, 8))).toEqual([0, 0, 0.1, 0, 0.2, 0, 0, 0.1]);
  });

  it("spans min - 0.5 .. max + 0.5 of the points", () => {
    const grid = decisionGrid(new Float64Array([0, 0, 1, 2]), 0.5);
    expect(Array.from(grid.xs)).toEqual([-0.5, 0, 0.5, 1]);
    expect(Array.from(grid.ys)).toEqual([-0.5, 0, 0.5, 1, 1.5, 2]);
  });
});
