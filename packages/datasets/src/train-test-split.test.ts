import { NumpyRandomState, createRng } from "@neurogebra/random";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { loadFixture, ulpDistance } from "../test/fixtures/load.js";
import type { NumpyReference } from "../test/fixtures/load.js";
import { datasetFromRows, toRows } from "./dataset.js";
import { generateSpirals } from "./spirals.js";
import { trainTestSplit } from "./train-test-split.js";

const tutorial = loadFixture<NumpyReference>("numpy-reference.json").spirals.find((s) => s.split)!;
const split = tutorial.split!;

describe("trainTestSplit", () => {
  it("reproduces the tutorial's split after np.random.seed(42) bit for bit", () => {
    const rng = new NumpyRandomState(42);
    const data = generateSpirals({ pointsPerClass: 100, classes: 3, noise: 0.15, rng });
    const result = trainTestSplit(data, { rng });
    expect(Array.from(result.indices)).toEqual(split.indices);
    // Every coordinate exact except the one where glibc's cos misrounds (see spirals.test.ts).
    const [exceptionRow, exceptionColumn] = [279, 1];
    const position = split.indices.indexOf(exceptionRow);
    const expectedTrain = split.X_train.flat();
    const expectedTest = split.X_test.flat();
    const [side, at] = position < 240 ? [expectedTrain, position] : [expectedTest, position - 240];
    const actualSide = position < 240 ? result.XTrain : result.XTest;
    const j = 2 * at + exceptionColumn;
    expect(ulpDistance(actualSide[j]!, side[j]!)).toBe(-1);
    side[j] = actualSide[j]!;
    expect(Array.from(result.XTrain)).toEqual(expectedTrain);
    expect(Array.from(result.XTest)).toEqual(expectedTest);
    expect(Array.from(result.yTrain)).toEqual(split.y_train);
    expect(Array.from(result.yTest)).toEqual(split.y_test);
    expect(result.train.X).toBe(result.XTrain);
    expect([result.train.nSamples, result.test.nSamples, result.test.nClasses]).toEqual([240, 60, 3]);
  });

  it("takes X/y as a row-major Float64Array, as number[][], or as a Dataset, with the same result", () => {
    const rows = [
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ];
    const labels = [0, 1, 0, 1, 2];
    const a = trainTestSplit(rows, labels, { trainFraction: 0.6, rng: new NumpyRandomState(3) });
    const b = trainTestSplit(new Float64Array(rows.flat()), Int32Array.from(labels), {
      trainFraction: 0.6,
      rng: new NumpyRandomState(3),
    });
    const c = trainTestSplit(datasetFromRows(rows, labels), {
      trainFraction: 0.6,
      rng: new NumpyRandomState(3),
    });
    for (const other of [b, c]) {
      expect(Array.from(other.XTrain)).toEqual(Array.from(a.XTrain));
      expect(Array.from(other.yTest)).toEqual(Array.from(a.yTest));
    }
    expect(toRows(a.train)).toEqual(Array.from(a.indices.subarray(0, 3), (i) => rows[i]));
  });

  it("computes split like Python's int(fraction * n) and keeps every row exactly once", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (n, fraction, seed) => {
          const rows = Array.from({ length: n }, (_, i) => [i, -i]);
          const labels = Array.from({ length: n }, (_, i) => i % 3);
          const s = trainTestSplit(rows, labels, { trainFraction: fraction, rng: createRng(seed) });
          const seen = [...Array.from(s.XTrain), ...Array.from(s.XTest)].filter((_, j) => j % 2 === 0);
          return (
            s.train.nSamples === Math.floor(fraction * n) &&
            s.train.nSamples + s.test.nSamples === n &&
            [...seen].sort((p, q) => p - q).every((v, i) => v === i) &&
            Array.from(s.yTrain).every((label, j) => label === s.XTrain[2 * j]! % 3)
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it("rejects bad trainFraction and mismatched X/y with a RangeError naming them", () => {
    const rng = createRng(0);
    const X = new Float64Array([1, 2, 3, 4]);
    const y = [0, 1];
    for (const bad of [0, 1, -0.5, 1.5, NaN]) {
      expect(() => trainTestSplit(X, y, { trainFraction: bad, rng })).toThrow(
        new RegExp(`expected option "trainFraction" to be a number in \\(0, 1\\), got number ${bad}$`),
      );
    }
    expect(() => trainTestSplit(new Float64Array(5), y, { rng })).toThrow(
      /expected X.length to be a positive multiple of y.length \(2\), got 5/,
    );
    expect(() => trainTestSplit([[1, 2]], y, { rng })).toThrow(/X has 1 rows, y has 2 labels/);
    expect(() => trainTestSplit([[1, 2], [3]], y, { rng })).toThrow(/got 1 in row 1/);
    expect(() => trainTestSplit(X, [0, -1], { rng })).toThrow(/expected y\[1\] to be a non-negative integer/);
    expect(() => trainTestSplit(X, y, { rng: 42 as never })).toThrow(/expected option "rng" to be an Rng/);
  });
});
