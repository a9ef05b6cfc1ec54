import { Value } from "@neurogebra/autograd";
import { softmaxCrossEntropy } from "@neurogebra/losses";
import { PythonRandom, createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { buildFromScratchNetwork, evaluateFromScratch, trainFromScratch } from "./from-scratch-half.js";

// The from-scratch half replays a traced forward pass; it must train exactly like the loop that builds
// net.forward's graph for every sample (the loop below), to the last bit of every loss and weight.

const n = 48;
const random = createRng(3);
const X = Float64Array.from({ length: 2 * n }, () => random.uniform(-1, 1));
const y = Int32Array.from({ length: n }, (_, i) => i % 3);

function untraced(epochs: number): { losses: number[]; weights: number[] } {
  const net = buildFromScratchNetwork(new PythonRandom(42));
  const shuffle = new PythonRandom(7);
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const perm = shuffle.permutation(n);
    let epochLoss = 0;
    for (let start = 0; start < n; start += 16) {
      let batchLoss = new Value(0);
      const batch = perm.subarray(start, start + 16);
      for (const idx of batch) {
        const scores = net.forward([new Value(X[2 * idx]!), new Value(X[2 * idx + 1]!)]);
        batchLoss = batchLoss.add(softmaxCrossEntropy(scores, y[idx]!).loss);
      }
      batchLoss = batchLoss.mul(batch.length ** -1);
      net.zeroGrad();
      batchLoss.backward({ order: "depthFirst" });
      for (const p of net.parameters()) p.data -= 0.05 * p.grad;
      epochLoss += batchLoss.data;
    }
    losses.push(epochLoss);
  }
  return { losses, weights: net.parameters().map((p) => p.data) };
}

describe("from-scratch half", () => {
  it("trains with the traced forward pass exactly as with net.forward's own graph", () => {
    const net = buildFromScratchNetwork(new PythonRandom(42));
    const history = trainFromScratch(
      net,
      { X, y },
      {
        epochs: 3,
        learningRate: 0.05,
        batchSize: 16,
        shuffleRng: new PythonRandom(7),
        onEpoch: () => {},
      },
    );
    const reference = untraced(3);
    expect(history.loss).toEqual(reference.losses);
    expect(net.parameters().map((p) => p.data)).toEqual(reference.weights);
  });

  it("evaluates with the traced forward pass as net.predict does", () => {
    const net = buildFromScratchNetwork(new PythonRandom(1));
    const { predictions } = evaluateFromScratch(net, { X, y });
    const expected = Array.from({ length: n }, (_, i) => net.predict([X[2 * i]!, X[2 * i + 1]!]));
    expect(Array.from(predictions)).toEqual(expected);
  });
});
