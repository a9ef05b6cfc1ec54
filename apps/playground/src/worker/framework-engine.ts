import { noGrad, tensor } from "@neurogebra/autograd";
import type { Tensor } from "@neurogebra/autograd";
import { CrossEntropyLoss } from "@neurogebra/losses";
import { Adam, Linear, SGD, Sequential, save } from "@neurogebra/nn";
import type { Module, Optimizer } from "@neurogebra/nn";
import type { Rng } from "@neurogebra/random";

import type { PointSet } from "../lib/point-set.js";
import type { ActivationName, OptimizerName } from "../lib/settings.js";
import { activationModule } from "./activation.js";
import type { Engine, EpochResult, Evaluation, LayerWeights } from "./engine.js";
import { stateWithKeys } from "./state-keys.js";

/**
 * The tutorial's framework way: `Sequential(Linear, act, …, Linear)` of `Tensor`s with PyTorch's init,
 * a fused cross-entropy and `SGD` or `Adam` — one batched forward per mini-batch, as the tutorial's PyTorch
 * loop (`zero_grad(); loss.backward(); step()`).
 */
export class FrameworkEngine implements Engine {
  readonly model: Sequential;
  readonly linears: Linear[];
  readonly #optimizer: Optimizer;
  readonly #criterion = new CrossEntropyLoss();
  readonly #batch: number;
  readonly #shuffleRng: Rng;
  #trainTensor: { data: PointSet; tensor: Tensor } | null = null;

  constructor(options: {
    sizes: readonly number[];
    activation: ActivationName;
    optimizer: OptimizerName;
    lr: number;
    batch: number;
    rng: Rng;
  }) {
    const { sizes, rng } = options;
    this.linears = [];
    const modules: Module[] = [];
    for (let i = 0; i + 1 < sizes.length; i++) {
      const linear = new Linear(sizes[i]!, sizes[i + 1]!, { rng });
      this.linears.push(linear);
      modules.push(linear);
      if (i + 2 < sizes.length) modules.push(activationModule(options.activation));
    }
    this.model = new Sequential(...modules);
    this.#optimizer =
      options.optimizer === "adam"
        ? new Adam(this.model.parameters(), { lr: options.lr })
        : new SGD(this.model.parameters(), { lr: options.lr });
    this.#batch = options.batch;
    this.#shuffleRng = rng;
  }

  /** The training points as one [n, 2] tensor, made once per data set. */
  #points(data: PointSet): Tensor {
    if (this.#trainTensor?.data !== data)
      this.#trainTensor = { data, tensor: tensor(data.X, [data.y.length, 2]) };
    return this.#trainTensor.tensor;
  }

  trainEpoch(train: PointSet): EpochResult {
    const XTrain = this.#points(train);
    const yTrain = train.y;
    const batchSize = this.#batch;
    const perm = this.#shuffleRng.permutation(yTrain.length);
    let epochLoss = 0;
    let correct = 0;
    let total = 0;
    let batches = 0;
    for (let start = 0; start < yTrain.length; start += batchSize) {
      const batchIdx = perm.subarray(start, start + batchSize);
      const XBatch = XTrain.indexSelect(0, batchIdx);
      const yBatch = batchIdx.map((i) => yTrain[i]!);
      const outputs = this.model.forward(XBatch);
      const loss = this.#criterion.forward(outputs, yBatch);
      this.#optimizer.zeroGrad();
      loss.backward();
      this.#optimizer.step();
      epochLoss += loss.item();
      const predicted = outputs.argmax(1);
      for (let k = 0; k < yBatch.length; k++) if (predicted[k] === yBatch[k]) correct++;
      total += yBatch.length;
      batches++;
    }
    return { loss: epochLoss, accuracy: correct / total, batches };
  }

  evaluate(data: PointSet): Evaluation {
    const n = data.y.length;
    if (n === 0) return { loss: NaN, accuracy: NaN, predictions: new Int32Array(0) };
    const outputs = noGrad(() => this.model.forward(tensor(data.X, [n, 2])));
    const loss = noGrad(() => this.#criterion.forward(outputs, data.y)).item();
    const predictions = outputs.argmax(1);
    let correct = 0;
    for (let i = 0; i < n; i++) if (predictions[i] === data.y[i]) correct++;
    return { loss, accuracy: correct / n, predictions };
  }

  weights(): LayerWeights[] {
    return this.linears.map((l) => ({
      inFeatures: l.inFeatures,
      outFeatures: l.outFeatures,
      weight: l.weight.data.slice(),
      bias: l.bias!.data.slice(),
    }));
  }

  save(): string {
    return save(this.model);
  }

  load(state: unknown): void {
    this.model.loadStateDict(stateWithKeys(state, "framework", this.linears.length));
  }
}
