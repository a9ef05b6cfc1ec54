import { NumpyRandomState, createRng, manualSeed, setDefaultRng } from "@neurogebra/random";
import { beforeEach, describe, expect, it } from "vitest";

import { circles, gaussianBlobs, generateSpirals, moons, row, trainTestSplit, xor } from "../src/index.js";

const SLOT = Symbol.for("@neurogebra/default-rng");

describe("the generators without an rng draw from the default generator", () => {
  beforeEach(() => {
    delete (globalThis as { [SLOT]?: unknown })[SLOT];
  });

  it("after manualSeed(seed), every generator equals the same call with rng: createRng(seed)", () => {
    const cases: [string, () => unknown, () => unknown][] = [
      ["moons", () => moons(), () => moons({ rng: createRng(5) })],
      ["circles", () => circles({ noise: 0.2 }), () => circles({ noise: 0.2, rng: createRng(5) })],
      ["xor", () => xor({ nSamples: 50 }), () => xor({ nSamples: 50, rng: createRng(5) })],
      ["gaussianBlobs", () => gaussianBlobs(), () => gaussianBlobs({ rng: createRng(5) })],
      ["generateSpirals", () => generateSpirals(), () => generateSpirals({ rng: createRng(5) })],
    ];
    for (const [name, implicit, explicit] of cases) {
      manualSeed(5);
      expect(implicit(), name).toEqual(explicit());
    }
  });

  it("trainTestSplit draws its permutation from the default too; an explicit rng still wins", () => {
    const data = moons({ nSamples: 20, rng: createRng(1) });
    manualSeed(9);
    const implicit = trainTestSplit(data);
    expect(implicit.indices).toEqual(trainTestSplit(data, { rng: createRng(9) }).indices);
    manualSeed(9);
    expect(trainTestSplit(data, { rng: createRng(2) }).indices).toEqual(createRng(2).permutation(20));
  });

  it("setDefaultRng(new NumpyRandomState(42)) gives the tutorial's spirals, as np.random.seed(42) would", () => {
    setDefaultRng(new NumpyRandomState(42));
    const data = generateSpirals({ pointsPerClass: 100, classes: 3, noise: 0.15 });
    expect(row(data, 1)).toEqual([0.00019861745374223115, 0.010099057192024266]);
    expect(trainTestSplit(data).indices.subarray(0, 3)).toEqual(Int32Array.from([203, 246, 67]));
  });

  it("unseeded, a program draws the same dataset on every run", () => {
    const first = moons({ nSamples: 10 });
    delete (globalThis as { [SLOT]?: unknown })[SLOT]; // a fresh run
    expect(moons({ nSamples: 10 })).toEqual(first);
  });
});
