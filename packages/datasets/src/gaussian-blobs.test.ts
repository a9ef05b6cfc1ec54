import { NumpyRandomState, createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { ScriptedRng } from "../test/fixtures/scripted-rng.js";
import { gaussianBlobs } from "./gaussian-blobs.js";

describe("gaussianBlobs", () => {
  it("places center + sqrt(0.5 + 7·noise) · normal draws, one per coordinate, classes in order", () => {
    const rng = new ScriptedRng([1, -2, 0.5, 0, 3, -1]);
    const ds = gaussianBlobs({ nSamples: 3, noise: 0.5, centers: [[10, 20]], rng });
    expect(rng.calls).toEqual(Array(6).fill("normal"));
    expect(Array.from(ds.X)).toEqual([12, 16, 11, 20, 16, 18]); // std = sqrt(4) = 2
  });

  it("splits nSamples over the centers as evenly as possible, earlier centers first", () => {
    const ds = gaussianBlobs({ nSamples: 11, centers: [[0], [1], [2]], rng: createRng(1) });
    expect(Array.from(ds.y)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
    expect([ds.nFeatures, ds.nClasses]).toEqual([1, 3]);
  });

  it("has the Playground's centers (−2, −2) and (2, 2) and variance 0.5 + 7·noise (5-sigma bounds)", () => {
    const n = 20000;
    const noise = 0.2;
    const ds = gaussianBlobs({ nSamples: n, noise, rng: new NumpyRandomState(3) });
    const variance = 0.5 + 7 * noise;
    for (const [c, center] of [
      [0, -2],
      [1, 2],
    ] as const) {
      const values = Array.from(ds.X).filter((_, j) => ds.y[Math.floor(j / 2)] === c);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const sampleVariance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
      expect(Math.abs(mean - center)).toBeLessThan(5 * Math.sqrt(variance / values.length));
      expect(Math.abs(sampleVariance - variance)).toBeLessThan(5 * variance * Math.sqrt(2 / values.length));
    }
  });

  it("rejects bad options with a RangeError naming the option and the value", () => {
    const rng = createRng(0);
    expect(() => gaussianBlobs({ nSamples: 0, rng })).toThrow(
      /gaussianBlobs: expected option "nSamples" .* got number 0$/,
    );
    expect(() => gaussianBlobs({ noise: -2, rng })).toThrow(/option "noise" .* got number -2$/);
    expect(() => gaussianBlobs({ centers: [], rng })).toThrow(
      /expected option "centers" to be a non-empty array/,
    );
    expect(() => gaussianBlobs({ centers: [[0, 0], [1]], rng })).toThrow(/got \[1\] at centers\[1\]/);
    expect(() => gaussianBlobs({ centers: [[0, NaN]], rng })).toThrow(RangeError);
  });
});
