import type { Value } from "@neurogebra/autograd";
import { createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { DataLoader } from "./data-loader.js";
import { ValueDataLoader } from "./value-data-loader.js";

const data = {
  X: Float64Array.from({ length: 14 }, (_, i) => i / 2),
  y: Int32Array.of(0, 1, 2, 0, 1, 2, 0),
  nSamples: 7,
  nFeatures: 2,
};

describe("ValueDataLoader", () => {
  it("gives the same batches as DataLoader, as rows of Values", () => {
    for (const options of [
      { batchSize: 3 },
      { batchSize: 3, dropLast: true },
      { batchSize: 2, shuffle: true, rng: createRng(1) },
    ]) {
      const tensors = Array.from(new DataLoader(data, { ...options, rng: createRng(1) }), ([xb, yb]) => [
        xb.toArray(),
        Array.from(yb),
      ]);
      const values = Array.from(
        new ValueDataLoader(data, { ...options, rng: createRng(1) }),
        ([rows, labels]) => [rows.map((row) => row.map((v) => v.data)), Array.from(labels)],
      );
      expect(values).toEqual(tensors);
    }
    expect(new ValueDataLoader(data, { batchSize: 3 }).length).toBe(3);
    expect(new ValueDataLoader(data, { batchSize: 3, dropLast: true }).length).toBe(2);
  });

  it("refills the same Values (data set, grad reset) unless reuseBuffers is false", () => {
    const loader = new ValueDataLoader(data, { batchSize: 3 });
    const seen: Value[][][] = [];
    for (const [rows] of loader) {
      expect(rows.every((row) => row.every((v) => v.grad === 0))).toBe(true);
      rows[0]![0]!.mul(2).backward(); // leaves a gradient on the input
      seen.push(rows);
    }
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).toHaveLength(1);
    const fresh = Array.from(
      new ValueDataLoader(data, { batchSize: 3, reuseBuffers: false }),
      ([rows]) => rows,
    );
    expect(fresh[0]![0]![0]).not.toBe(fresh[1]![0]![0]);
    expect(fresh.map((rows) => rows.map((r) => r.map((v) => v.data)))).toEqual([
      [
        [0, 0.5],
        [1, 1.5],
        [2, 2.5],
      ],
      [
        [3, 3.5],
        [4, 4.5],
        [5, 5.5],
      ],
      [[6, 6.5]],
    ]);
  });

  it("rejects what is not a plain dataset and bad options, naming them", () => {
    expect(() => new ValueDataLoader({ X: [1, 2], y: [0], nSamples: 1, nFeatures: 2 } as never)).toThrow(
      /ValueDataLoader: expected a dataset \{ X: Float64Array, y: Int32Array, nSamples, nFeatures \}/,
    );
    expect(() => new ValueDataLoader({ ...data, nFeatures: 3 })).toThrow(/y.length × nFeatures numbers in X/);
    expect(() => new ValueDataLoader(data, { batchSize: -1 })).toThrow(
      /ValueDataLoader: expected batchSize to be a positive integer, got number -1/,
    );
  });
});
