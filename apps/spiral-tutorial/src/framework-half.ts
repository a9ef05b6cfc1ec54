import { noGrad, tensor } from "@neurogebra/autograd";
import type { Tensor } from "@neurogebra/autograd";
import { CrossEntropyLoss } from "@neurogebra/losses";
import { Adam, Linear, ReLU, Sequential } from "@neurogebra/nn";
import type { Rng } from "@neurogebra/random";
import type { TrainingHistory } from "@neurogebra/internal";

import type { Evaluation, LabelledData, TrainSettings } from "./from-scratch-half.js";

/**
 * The tutorial's framework network (Step 2, right half): `Sequential(Linear(2, 16), ReLU(), Linear(16, 16),
 * ReLU(), Linear(16, 3))` with PyTorch's default init, U(−1/√fan_in, 1/√fan_in), drawn from `rng` —
 * PyTorch's scheme, not torch's generator, so the weights differ from the Python run's.
 *
 * @example
 * ```ts
 * const model = buildFrameworkNetwork(createRng("42:framework"));
 * ```
 */
export function buildFrameworkNetwork(rng: Rng, classes = 3): Sequential {
  // #region network
  return new Sequential(
    new Linear(2, 16, { rng }),
    new ReLU(),
    new Linear(16, 16, { rng }),
    new ReLU(),
    new Linear(16, classes, { rng }),
  );
  // #endregion
}

/** Row-major n×2 points as an [n, 2] tensor. */
function pointsTensor(X: Float64Array): Tensor {
  return tensor(X, [X.length / 2, 2]);
}

/**
 * Step 4, right half: mini-batch Adam over `Tensor`s with a fused, stable cross-entropy — the
 * tutorial's PyTorch loop (`optimizer.zero_grad(); loss.backward(); optimizer.step()`), one batched
 * forward per mini-batch. `settings.learningRate` is Adam's.
 *
 * @example
 * ```ts
 * const history = trainFramework(model, train, { epochs: 30, learningRate: 0.01, batchSize: 16, shuffleRng, onEpoch });
 * ```
 */
export function trainFramework(
  model: Sequential,
  data: LabelledData,
  settings: TrainSettings,
): TrainingHistory {
  const XTrain = pointsTensor(data.X);
  const yTrain = data.y;
  const { epochs, batchSize } = settings;
  const history: TrainingHistory = { loss: [], accuracy: [] };
  // #region loss
  const criterion = new CrossEntropyLoss();
  // #endregion
  // #region training-loop
  const optimizer = new Adam(model.parameters(), { lr: settings.learningRate });
  for (let epoch = 0; epoch < epochs; epoch++) {
    const perm = settings.shuffleRng.permutation(yTrain.length);
    let epochLoss = 0;
    let correct = 0;
    let total = 0;
    for (let start = 0; start < yTrain.length; start += batchSize) {
      const batchIdx = perm.subarray(start, start + batchSize);
      const XBatch = XTrain.indexSelect(0, batchIdx);
      const yBatch = batchIdx.map((i) => yTrain[i]!);
      const outputs = model.forward(XBatch);
      const loss = criterion.forward(outputs, yBatch);
      optimizer.zeroGrad();
      loss.backward();
      optimizer.step();
      epochLoss += loss.item();
      const predicted = outputs.argmax(1);
      for (let k = 0; k < yBatch.length; k++) if (predicted[k] === yBatch[k]) correct++;
      total += yBatch.length;
    }
    const accuracy = correct / total;
    history.loss.push(epochLoss);
    history.accuracy.push(accuracy);
    settings.onEpoch(epoch, epochLoss, accuracy);
  }
  // #endregion
  return history;
}

/**
 * Step 6, right half: one batched forward pass without a graph, then the argmax of each row.
 *
 * @example
 * ```ts
 * const { accuracy } = evaluateFramework(model, test);
 * ```
 */
export function evaluateFramework(model: Sequential, data: LabelledData): Evaluation {
  // #region evaluation
  const predictions = noGrad(() => model.forward(pointsTensor(data.X))).argmax(1);
  let correct = 0;
  for (let i = 0; i < data.y.length; i++) if (predictions[i] === data.y[i]) correct++;
  return { predictions, accuracy: correct / data.y.length };
  // #endregion
}
