import { describe, expect, it } from "vitest";

import { datasetFromRows, fromRows, row, toRows } from "./dataset.js";

describe("Dataset helpers", () => {
  it("datasetFromRows lays rows out row-major and counts classes", () => {
    const ds = datasetFromRows(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [0, 2],
    );
    expect(Array.from(ds.X)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(ds.y)).toEqual([0, 2]);
    expect([ds.nSamples, ds.nFeatures, ds.nClasses]).toEqual([2, 3, 3]);
    expect(datasetFromRows([[1]], [0], 4).nClasses).toBe(4);
  });

  it("row and toRows read back what datasetFromRows stored, as fresh arrays", () => {
    const rows = [
      [0.5, -1],
      [2, 3],
      [4, 5],
    ];
    const ds = datasetFromRows(rows, [1, 0, 1]);
    expect(row(ds, 1)).toEqual([2, 3]);
    expect(toRows(ds)).toEqual(rows);
    row(ds, 0)[0] = 99;
    expect(ds.X[0]).toBe(0.5);
  });

  it("rejects inconsistent input with the argument and value in the message", () => {
    expect(() => datasetFromRows([[1, 2]], [0, 1])).toThrow(/same length, got 1 rows and 2 labels/);
    expect(() => datasetFromRows([[1, 2], [3]], [0, 1])).toThrow(/got 1 in row 1/);
    expect(() => datasetFromRows([[1]], [-1])).toThrow(
      /expected y\[0\] to be a non-negative integer class label, got number -1$/,
    );
    expect(() => datasetFromRows([[1]], [2], 2)).toThrow(
      /expected nClasses to be an integer above every label/,
    );
    expect(() => datasetFromRows([], [])).toThrow(RangeError);
    expect(() => row(datasetFromRows([[1]], [0]), 1)).toThrow(
      /row: expected i to be an integer in \[0, 0\], got number 1$/,
    );
  });

  it("fromRows, the deprecated old name, gives what datasetFromRows gives", () => {
    const rows = [
      [0, 1],
      [2, 3],
    ];
    expect(fromRows(rows, [1, 0], 3)).toEqual(datasetFromRows(rows, [1, 0], 3));
    expect(() => fromRows([[1]], [0, 1])).toThrow(/^datasetFromRows: expected rows and labels/);
  });
});
