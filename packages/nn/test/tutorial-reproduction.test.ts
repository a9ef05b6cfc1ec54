/**
 * Acceptance: the tutorial's from-scratch half (Steps 1–6) run with our packages reproduces the printed
 * lines of the real Python run (the shared `python-run-seed42.txt`) exactly.
 *
 * Data: the spirals NumPy generated with `np.random.seed(42)` (the shared `python-rng.json`,
 * `tutorial_spirals_seed42` — copied, because NumPy's vectorised sin/cos may differ from `Math.sin` in the
 * last ulp). The NumPy generator is replayed with `NumpyRandomState(42)` through the same draws (three
 * `randn(100)`, the split permutation, one permutation per epoch); the network's weights come from
 * `PythonRandom(42)` like the tutorial's `random.seed(42)`. The same run batched by `ValueDataLoader`
 * prints the same lines: its batches are the tutorial's, and its reused `Value`s change nothing.
 */
import { Value, noGrad, sum } from "@neurogebra/autograd";
import { NumpyRandomState, PythonRandom } from "@neurogebra/random";
import { describe, expect, it } from "vitest";
import { readSharedFixture } from "@neurogebra/internal/fixtures";

import { NeuralNetwork, SGD, ValueDataLoader, formatFixed, formatPercent } from "../src/index.js";

interface Spirals {
  X: [number, number][];
  y: number[];
  split_permutation: number[];
  next_permutation_240: number[];
}
const rngFixture = JSON.parse(readSharedFixture("python-rng.json")) as {
  tutorial_spirals_seed42: Spirals;
};
const spirals = rngFixture.tutorial_spirals_seed42;
const transcript = readSharedFixture("python-run-seed42.txt").split("\n");

/** The tutorial's `softmax_cross_entropy`, line for line (Step 3). */
function softmaxCrossEntropy(scores: Value[], target: number): Value {
  const maxScore = Math.max(...scores.map((s) => s.data));
  const expScores = scores.map((s) => s.sub(new Value(maxScore)).exp());
  const sumExp = sum(expScores);
  const probabilities = expScores.map((e) => e.mul(sumExp.pow(-1))); // Python's e / sum_exp
  return probabilities[target]!.log().neg();
}

function argmax(scores: readonly Value[]): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]!.data > scores[best]!.data) best = i;
  return best;
}

/**
 * One epoch's mini-batches as `[inputs, targets]`: the tutorial's own loop (`perm = np.random.permutation`,
 * `perm[start:start + batch_size]`, a fresh `Value` per feature), or a `ValueDataLoader` over the same data
 * and generator.
 */
type Batching = (
  np: NumpyRandomState,
  XTrain: [number, number][],
  yTrain: number[],
  batchSize: number,
) => (epoch: number) => Iterable<[Value[][], ArrayLike<number>]>;

const tutorialLoop: Batching = (np, XTrain, yTrain, batchSize) => (epoch) => {
  const perm = np.permutation(XTrain.length);
  if (epoch === 0) expect(Array.from(perm)).toEqual(spirals.next_permutation_240);
  const batches: [Value[][], number[]][] = [];
  for (let start = 0; start < XTrain.length; start += batchSize) {
    const batchIdx = Array.from(perm.subarray(start, start + batchSize));
    batches.push([
      batchIdx.map((idx) => [new Value(XTrain[idx]![0]), new Value(XTrain[idx]![1])]),
      batchIdx.map((idx) => yTrain[idx]!),
    ]);
  }
  return batches;
};

const valueDataLoader: Batching = (np, XTrain, yTrain, batchSize) => {
  const train = {
    X: Float64Array.from(XTrain.flat()),
    y: Int32Array.from(yTrain),
    nSamples: 240,
    nFeatures: 2,
  };
  const loader = new ValueDataLoader(train, { batchSize, shuffle: true, rng: np });
  return () => loader;
};

describe("the tutorial's from-scratch network, seed 42", () => {
  it.each([
    ["the tutorial's hand-written batching", tutorialLoop],
    ["ValueDataLoader", valueDataLoader],
  ])(
    "prints exactly the Python run's lines (summary, 7 epoch lines, accuracies) with %s",
    (_name, batching) => {
      const np = new NumpyRandomState(42);
      for (let classIdx = 0; classIdx < 3; classIdx++) np.randn(100); // generate_spirals' noise draws
      const indices = np.permutation(300);
      expect(Array.from(indices)).toEqual(spirals.split_permutation);
      const trainIdx = Array.from(indices.subarray(0, 240));
      const testIdx = Array.from(indices.subarray(240));
      const XTrain = trainIdx.map((i) => spirals.X[i]!);
      const yTrain = trainIdx.map((i) => spirals.y[i]!);

      const net = new NeuralNetwork([2, 16, 16, 3], {
        activations: ["relu", "relu", "linear"],
        rng: new PythonRandom(42),
      });
      const printed = [...net.summary().split("\n")];

      const optimizer = new SGD(net.parameters(), { lr: 0.05 });
      const epochs = 30;
      const batchSize = 16;
      let accuracy = 0;
      const batches = batching(np, XTrain, yTrain, batchSize);
      for (let epoch = 0; epoch < epochs; epoch++) {
        let epochLoss = 0;
        let correct = 0;
        let total = 0;
        for (const [inputs, targets] of batches(epoch)) {
          let batchLoss = new Value(0);
          inputs.forEach((xInput, k) => {
            const target = targets[k]!;
            const scores = net.forward(xInput);
            batchLoss = batchLoss.add(softmaxCrossEntropy(scores, target));
            if (argmax(scores) === target) correct++;
            total++;
          });
          batchLoss = batchLoss.div(inputs.length);
          net.zeroGrad();
          batchLoss.backward({ order: "depthFirst" }); // the Python Value's order: its gradients' bits
          optimizer.step(); // p.data -= learning_rate * p.grad
          epochLoss += batchLoss.data;
        }
        accuracy = correct / total;
        if (epoch % 5 === 0 || epoch === epochs - 1) {
          const e = String(epoch).padStart(3);
          printed.push(
            `  Epoch ${e}/${epochs}: Loss = ${formatFixed(epochLoss, 4)}, Accuracy = ${formatPercent(accuracy)}`,
          );
        }
      }
      printed.push(`Neurogebra final train acc: ${formatPercent(accuracy)}`);

      const testCorrect = noGrad(
        () =>
          testIdx.filter((i) => net.predict([spirals.X[i]![0], spirals.X[i]![1]]) === spirals.y[i]).length,
      );
      printed.push(`Neurogebra Test Accuracy: ${formatPercent(testCorrect / testIdx.length)}`);

      const expected = [
        ...transcript.slice(
          transcript.indexOf("Neural Network created:"),
          transcript.indexOf("Neural Network created:") + 4,
        ),
        ...transcript.filter((l) => l.startsWith("  Epoch")).slice(0, 7),
        ...transcript.filter((l) => l.startsWith("Neurogebra final") || l.startsWith("Neurogebra Test")),
      ];
      expect(expected).toHaveLength(13);
      expect(printed).toEqual(expected);
    },
  );
});
