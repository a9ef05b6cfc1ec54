import { describe, expect, it } from "vitest";

import {
  broadcastShapes,
  checkShape,
  formatShape,
  isShape,
  normalizeAxis,
  shapeSize,
  stridesOf,
} from "./shape.js";

describe("shape helpers", () => {
  it("sizes, strides and formatting", () => {
    expect(shapeSize([])).toBe(1);
    expect(shapeSize([2, 3, 4])).toBe(24);
    expect(shapeSize([2, 0])).toBe(0);
    expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
    expect(formatShape([16, 2])).toBe("(16,2)");
    expect(formatShape([3])).toBe("(3,)");
    expect(formatShape([])).toBe("()");
  });

  it("broadcasts like NumPy", () => {
    expect(broadcastShapes([3, 1], [1, 4], "op")).toEqual([3, 4]);
    expect(broadcastShapes([2, 1, 4], [3, 1], "op")).toEqual([2, 3, 4]);
    expect(broadcastShapes([], [5], "op")).toEqual([5]);
    expect(broadcastShapes([0], [1], "op")).toEqual([0]);
    expect(() => broadcastShapes([2, 3], [3, 2], "mul")).toThrow(
      "mul: shapes (2,3) and (3,2) do not broadcast — dimension -2 has sizes 2 and 3",
    );
  });

  it("validates shapes and axes", () => {
    expect(isShape([2, 0])).toBe(true);
    expect(isShape([2, -1])).toBe(false);
    expect(isShape("2")).toBe(false);
    expect(checkShape([2, 3], "f")).toEqual([2, 3]);
    expect(() => checkShape(3, "zeros")).toThrow(
      new TypeError("zeros: expected shape to be an array of integers, got number 3"),
    );
    expect(() => checkShape([2, NaN], "zeros")).toThrow(RangeError);
    expect(normalizeAxis(-1, 3, "f")).toBe(2);
    expect(normalizeAxis(0, 1, "f")).toBe(0);
    expect(() => normalizeAxis(1, 1, "sum")).toThrow(
      "sum: axis 1 is out of range for a tensor with 1 dimension (expected -1 … 0)",
    );
    expect(() => normalizeAxis("1", 2, "sum")).toThrow(TypeError);
  });
});
