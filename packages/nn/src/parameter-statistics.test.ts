import { readFileSync } from "node:fs";

import { PythonRandom, createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { ReLU } from "./activations.js";
import { Linear } from "./linear.js";
import { NeuralNetwork } from "./neural-network.js";
import { formatParameterStatistics, parameterStatistics } from "./parameter-statistics.js";
import { Sequential } from "./sequential.js";

interface Step8 {
  printout: string;
  stats: { weights: { mean: number; std: number }; biases: { mean: number; std: number } }[];
}
const step8 = JSON.parse(
  readFileSync(new URL("../test/fixtures/tutorial-step8-seed42.json", import.meta.url), "utf8"),
) as Step8;

/** The tutorial's network after random.seed(42), biases set to 0.01·(k − 3) as in the fixture. */
function network(): NeuralNetwork {
  const net = new NeuralNetwork([2, 16, 16, 3], { rng: new PythonRandom(42) });
  for (const layer of net.layers) layer.neurons.forEach((n, k) => (n.b.data = 0.01 * (k - 3)));
  return net;
}

describe("parameterStatistics", () => {
  it("gives NumPy's np.mean / np.std bit for bit, per layer", () => {
    const stats = parameterStatistics(network());
    expect(stats.map((s) => [s.layer, s.neurons, s.weights.count, s.biases!.count])).toEqual([
      [1, 16, 32, 16],
      [2, 16, 256, 16],
      [3, 3, 48, 3],
    ]);
    stats.forEach((s, i) => {
      expect([s.weights.mean, s.weights.std]).toEqual([
        step8.stats[i]!.weights.mean,
        step8.stats[i]!.weights.std,
      ]);
      expect([s.biases!.mean, s.biases!.std]).toEqual([
        step8.stats[i]!.biases.mean,
        step8.stats[i]!.biases.std,
      ]);
    });
  });

  it("prints exactly the tutorial's Step 8 lines", () => {
    expect(formatParameterStatistics(parameterStatistics(network()))).toBe(step8.printout);
  });

  it("describes every Linear of a framework-style model, rows as neurons", () => {
    const rng = createRng(0);
    const model = new Sequential(
      new Linear(2, 4, { rng }),
      new ReLU(),
      new Linear(4, 2, { rng, bias: false }),
    );
    const [first, second] = parameterStatistics(model);
    const w = Array.from((model.at(0) as Linear).weight.data);
    expect(first!.neurons).toBe(4);
    expect(first!.weights.min).toBe(Math.min(...w));
    expect(first!.weights.max).toBe(Math.max(...w));
    expect(first!.weights.mean).toBeCloseTo(w.reduce((a, b) => a + b) / w.length, 15);
    expect(second!.biases).toBeNull();
    expect(formatParameterStatistics([second!])).toMatch(/ {2}Biases: {7}none$/);
  });

  it("rejects anything else", () => {
    expect(() => parameterStatistics({} as NeuralNetwork)).toThrow(
      /parameterStatistics: expected model to be a NeuralNetwork or a Module/,
    );
  });
});
