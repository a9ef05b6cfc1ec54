import { noGrad, trace, Value } from "@neurogebra/autograd";
import { softmaxCrossEntropy } from "@neurogebra/losses";
import { NeuralNetwork } from "@neurogebra/nn";
import type { Rng } from "@neurogebra/random";
import type { TrainingHistory } from "@neurogebra/internal";

/** Labelled 2-D points, row-major `X` (n×2). */
export interface LabelledData {
  X: Float64Array;
  y: Int32Array;
}

/** Settings of a training run. */
export interface TrainSettings {
  epochs: number;
  learningRate: number;
  batchSize: number;
  /** Draws each epoch's `permutation(n)`. */
  shuffleRng: Rng;
  /** Called after every epoch with its summed batch loss and training accuracy. */
  onEpoch: (epoch: number, loss: number, accuracy: number) => void;
}

/** Index of the largest score; the first one wins a tie, like Python's `max(range(3), key=…)`. */
function argmax(scores: readonly Value[]): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]!.data > scores[best]!.data) best = i;
  return best;
}

/**
 * The tutorial's from-scratch network (Step 2): 2 → 16 → 16 → 3, ReLU, ReLU, linear, Xavier-uniform
 * init drawn from `rng` (with `PythonRandom(seed)`, Python's `random.seed(seed)` weights).
 *
 * @example
 * ```ts
 * const net = buildFromScratchNetwork(new PythonRandom(42));
 * ```
 */
export function buildFromScratchNetwork(rng: Rng, classes = 3): NeuralNetwork {
  // #region network
  return new NeuralNetwork([2, 16, 16, classes], { activations: ["relu", "relu", "linear"], rng });
  // #endregion
}

/**
 * The network's forward pass recorded once with `trace()` and replayed on flat arrays: the same
 * operations in the same order (so the same digits), without a graph of objects per sample.
 *
 * @example
 * ```ts
 * const forward = tracedForward(net);
 * forward([new Value(0.5), new Value(-1)]); // three scores, as net.forward gives them
 * ```
 */
export function tracedForward(net: NeuralNetwork): (x: readonly Value[]) => Value[] {
  const inputs = net.layerSizes[0]!;
  return trace(
    (x) => net.forward(x),
    Array.from({ length: inputs }, () => new Value(0)),
  );
}

/**
 * Step 4, left half: mini-batch SGD over `Value`s, operation for operation as the tutorial writes it
 * (same float operations in the same order, so seed 42 prints Python's digits). The network's forward
 * pass is traced once (`tracedForward`) and replayed for every sample; the loss is built as usual.
 *
 * @example
 * ```ts
 * const history = trainFromScratch(net, train, { epochs: 30, learningRate: 0.05, batchSize: 16, shuffleRng, onEpoch });
 * ```
 */
export function trainFromScratch(
  net: NeuralNetwork,
  data: LabelledData,
  settings: TrainSettings,
): TrainingHistory {
  const { X, y } = data;
  const { epochs, learningRate, batchSize } = settings;
  const history: TrainingHistory = { loss: [], accuracy: [] };
  const forward = tracedForward(net); // net.forward, recorded once and replayed
  // #region training-loop
  for (let epoch = 0; epoch < epochs; epoch++) {
    const perm = settings.shuffleRng.permutation(y.length);
    let epochLoss = 0;
    let correct = 0;
    let total = 0;
    for (let start = 0; start < y.length; start += batchSize) {
      const batchIdx = perm.subarray(start, start + batchSize);
      let batchLoss = new Value(0);
      for (const idx of batchIdx) {
        const xInput = [new Value(X[2 * idx]!), new Value(X[2 * idx + 1]!)];
        const target = y[idx]!;
        const scores = forward(xInput);
        const { loss } = softmaxCrossEntropy(scores, target);
        batchLoss = batchLoss.add(loss);
        if (argmax(scores) === target) correct++;
        total++;
      }
      // Python's `batch_loss / len(batch_idx)` is `batch_loss * len(batch_idx) ** -1`.
      batchLoss = batchLoss.mul(batchIdx.length ** -1);
      net.zeroGrad();
      // The Python Value's backward order (micrograd's build_topo), so every gradient has the Python run's bits.
      batchLoss.backward({ order: "depthFirst" });
      for (const p of net.parameters()) p.data -= learningRate * p.grad;
      epochLoss += batchLoss.data;
    }
    const accuracy = correct / total;
    history.loss.push(epochLoss);
    history.accuracy.push(accuracy);
    settings.onEpoch(epoch, epochLoss, accuracy);
  }
  // #endregion
  return history;
}

/** Predictions and accuracy on a labelled set. */
export interface Evaluation {
  predictions: Int32Array;
  accuracy: number;
}

/**
 * Step 6, left half: the predicted class of every point, one `Value` forward pass each (no graph),
 * and the share predicted right.
 *
 * @example
 * ```ts
 * const { accuracy } = evaluateFromScratch(net, test); // 0.9333… for seed 42
 * ```
 */
export function evaluateFromScratch(net: NeuralNetwork, data: LabelledData): Evaluation {
  const { X, y } = data;
  // #region evaluation
  const predictions = new Int32Array(y.length);
  let correct = 0;
  const forward = tracedForward(net);
  noGrad(() => {
    for (let i = 0; i < y.length; i++) {
      predictions[i] = argmax(forward([new Value(X[2 * i]!), new Value(X[2 * i + 1]!)]));
      if (predictions[i] === y[i]) correct++;
    }
  });
  return { predictions, accuracy: correct / y.length };
  // #endregion
}
