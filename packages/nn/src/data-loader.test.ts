import { Tensor, tensor } from "@neurogebra/autograd";
import { createRng, manualSeed } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../test/fixtures/load.js";
import { DataLoader } from "./data-loader.js";
import { TensorDataset } from "./tensor-dataset.js";

interface Case {
  n: number;
  batch_size: number;
  drop_last: boolean;
  len: number;
  batches: { x: number[][]; y: number[] }[];
}
const fixture = loadFixture<{ cases: Case[] }>("torch-data-loader.json");

/** Row i is [2i, 2i + 1], label i: a batch's contents name its samples. */
function numbered(n: number): TensorDataset<[Tensor, Int32Array]> {
  const X = new Float64Array(2 * n).map((_, i) => i);
  return new TensorDataset(
    new Tensor(X, [n, 2]),
    Int32Array.from({ length: n }, (_, i) => i),
  );
}

describe("DataLoader against torch.utils.data.DataLoader (no shuffling)", () => {
  it.each(fixture.cases)("n $n, batch_size $batch_size, drop_last $drop_last", (c) => {
    const loader = new DataLoader(numbered(c.n), { batchSize: c.batch_size, dropLast: c.drop_last });
    expect(loader.length).toBe(c.len);
    // Array.from maps each batch as it comes: the buffers are refilled by the next one.
    const batches = Array.from(loader, ([xb, yb]) => ({ x: xb.toArray(), y: Array.from(yb) }));
    expect(batches).toEqual(c.batches);
  });
});

describe("DataLoader", () => {
  it("shuffles with rng.permutation(n) once per epoch: batch k is order[k·b …], the tutorial's slicing", () => {
    const data = numbered(10);
    const loader = new DataLoader(data, { batchSize: 4, shuffle: true, rng: createRng(7) });
    const rng = createRng(7);
    for (let epoch = 0; epoch < 3; epoch++) {
      const order = rng.permutation(10);
      const seen = Array.from(loader, ([, yb]) => Array.from(yb));
      expect(seen).toEqual([
        Array.from(order.subarray(0, 4)),
        Array.from(order.subarray(4, 8)),
        Array.from(order.subarray(8)),
      ]);
    }
  });

  it("shuffles from the default generator when given no rng (reproducible with manualSeed)", () => {
    const loader = new DataLoader(numbered(20), { batchSize: 20, shuffle: true });
    manualSeed(3);
    const [first] = Array.from(loader, ([, yb]) => Array.from(yb));
    manualSeed(3);
    expect(Array.from(loader, ([, yb]) => Array.from(yb))[0]).toEqual(first);
    expect(first).toEqual(Array.from(createRng(3).permutation(20)));
  });

  it("reuses its batch tensors and arrays (one for full batches, one for the last), or makes fresh ones", () => {
    const reused = [...new DataLoader(numbered(10), { batchSize: 4 })];
    expect(reused[0]![0]).toBe(reused[1]![0]);
    expect(reused[0]![1]).toBe(reused[1]![1]);
    expect(reused[2]![0]).not.toBe(reused[0]![0]);
    expect(reused[2]![0].shape).toEqual([2, 2]);
    const fresh = [...new DataLoader(numbered(10), { batchSize: 4, reuseBuffers: false })];
    expect(fresh[0]![0]).not.toBe(fresh[1]![0]);
    expect(fresh.map(([, y]) => Array.from(y))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
  });

  it("takes a plain dataset of @neurogebra/datasets, tensor columns of any rank and Float64Array targets", () => {
    const plain = {
      X: Float64Array.of(1, 2, 3, 4, 5, 6),
      y: Int32Array.of(0, 1, 0),
      nSamples: 3,
      nFeatures: 2,
      nClasses: 2,
    };
    const [xb, yb] = Array.from(new DataLoader(plain, { batchSize: 3 }))[0]!;
    expect(xb.toArray()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(yb).toEqual(Int32Array.of(0, 1, 0));
    const images = new TensorDataset(
      tensor([
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ]),
      Float64Array.of(0.5, -0.5),
      tensor([10, 20]),
    );
    const reversed = { permutation: () => Int32Array.of(1, 0) } as never;
    const [ib, tb, sb] = Array.from(
      new DataLoader(images, { batchSize: 2, shuffle: true, rng: reversed }),
    )[0]!;
    expect(ib.toArray()).toEqual([
      [
        [5, 6],
        [7, 8],
      ],
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expect(tb).toEqual(Float64Array.of(-0.5, 0.5));
    expect(sb.toArray()).toEqual([20, 10]);
  });

  it("feeds a training step: gradients flow to the model, not to the batch", () => {
    const loader = new DataLoader(numbered(6), { batchSize: 3 });
    const w = new Tensor(Float64Array.of(0.5, -0.5), [2, 1], { requiresGrad: true });
    for (const [xb] of loader) xb.matmul(w).sum().backward();
    expect(Array.from(w.grad!.data)).toEqual([0 + 2 + 4 + 6 + 8 + 10, 1 + 3 + 5 + 7 + 9 + 11]);
  });

  it("rejects bad options and datasets, naming them", () => {
    expect(() => new DataLoader(numbered(3), { batchSize: 0 })).toThrow(
      new RangeError("DataLoader: expected batchSize to be a positive integer, got number 0"),
    );
    expect(() => new DataLoader(numbered(3), { shuffle: "yes" as never })).toThrow(
      /expected shuffle to be a boolean, got the string "yes"/,
    );
    expect(() => new DataLoader(numbered(3), { rng: {} as never })).toThrow(
      /expected rng to be an Rng with permutation\(\) \(e.g. createRng\(42\)\)/,
    );
    expect(() => new DataLoader([[1, 2]] as never)).toThrow(
      /TensorDataset.fromDataset: expected a dataset \{ X: Float64Array, y: Int32Array, nSamples, nFeatures \}, got an array/,
    );
    expect(() => new TensorDataset(tensor([[1], [2]]), Int32Array.of(0))).toThrow(
      /expected every column to hold 2 samples like columns\[0\], got 1 in columns\[1\]/,
    );
    expect(() => new TensorDataset([1, 2] as never)).toThrow(
      /columns\[0\] to be a Tensor, an Int32Array or a Float64Array, got an array \[1,2\]/,
    );
    expect(() => new TensorDataset()).toThrow(/at least one column/);
    const broken = new DataLoader(numbered(3), {
      shuffle: true,
      rng: { permutation: () => [0, 1, 2] } as never,
    });
    expect(() => [...broken]).toThrow(
      /expected rng.permutation\(3\) to return an Int32Array of 3 indices, got an array \[0,1,2\]/,
    );
  });
});
