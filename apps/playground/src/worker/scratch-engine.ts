import { Value, noGrad, trace } from "@neurogebra/autograd";
import { softmaxCrossEntropy } from "@neurogebra/losses";
import { NeuralNetwork, save } from "@neurogebra/nn";
import type { Rng } from "@neurogebra/random";

import type { PointSet } from "../lib/point-set.js";
import type { ActivationName } from "../lib/settings.js";
import { activate } from "./activation.js";
import type { Engine, EpochResult, Evaluation, LayerWeights } from "./engine.js";
import { stateWithKeys } from "./state-keys.js";

/** Index of the largest score; the first one wins a tie, like Python's `max(range(3), key=…)`. */
function argmax(scores: readonly Value[]): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]!.data > scores[best]!.data) best = i;
  return best;
}

/**
 * The tutorial's from-scratch network: `NeuralNetwork` of `Neuron`s of autograd `Value`s (each neuron one
 * fused `dot` node, bit-identical to micrograd's chain), trained with the tutorial's plain SGD,
 * `p.data -= lr * p.grad`, operation for operation — so the tutorial preset prints Python's digits. The
 * forward pass is traced once (`trace()`) and replayed per point, so wide networks cost what their work
 * costs.
 */
export class ScratchEngine implements Engine {
  readonly net: NeuralNetwork;
  readonly #activation: ActivationName;
  readonly #lr: number;
  readonly #batch: number;
  readonly #shuffleRng: Rng;
  /** `forward`, recorded once with `trace()` and replayed per point (same digits, no graph of objects). */
  readonly #traced: (x: readonly Value[]) => Value[];

  constructor(options: {
    sizes: readonly number[];
    activation: ActivationName;
    lr: number;
    batch: number;
    initRng: Rng;
    shuffleRng: Rng;
  }) {
    const hidden = options.sizes.length - 2;
    // nn's Neuron has relu/tanh/sigmoid; the leaky ReLU is applied here, after linear neurons.
    const act = options.activation === "leaky-relu" ? "linear" : options.activation;
    this.net = new NeuralNetwork(options.sizes, {
      activations: [...Array<typeof act>(hidden).fill(act), "linear"],
      rng: options.initRng,
    });
    this.#activation = options.activation;
    this.#lr = options.lr;
    this.#batch = options.batch;
    this.#shuffleRng = options.shuffleRng;
    const inputs = Array.from({ length: options.sizes[0]! }, () => new Value(0));
    this.#traced = trace((x) => this.forward(x), inputs);
  }

  /** The network's output scores for one point (a graph of `Value`s unless inside `noGrad`). */
  forward(x: readonly (Value | number)[]): Value[] {
    if (this.#activation !== "leaky-relu") return this.net.forward(x);
    let out: readonly (Value | number)[] = x;
    this.net.layers.forEach((layer, i) => {
      const z = layer.forward(out);
      out = i < this.net.layers.length - 1 ? z.map((v) => activate("leaky-relu", v)) : z;
    });
    return out as Value[];
  }

  trainEpoch(train: PointSet): EpochResult {
    const { X, y } = train;
    const batchSize = this.#batch;
    const learningRate = this.#lr;
    const perm = this.#shuffleRng.permutation(y.length);
    let epochLoss = 0;
    let correct = 0;
    let total = 0;
    let batches = 0;
    for (let start = 0; start < y.length; start += batchSize) {
      const batchIdx = perm.subarray(start, start + batchSize);
      let batchLoss = new Value(0);
      for (const idx of batchIdx) {
        const xInput = [new Value(X[2 * idx]!), new Value(X[2 * idx + 1]!)];
        const target = y[idx]!;
        const scores = this.#traced(xInput);
        const { loss } = softmaxCrossEntropy(scores, target);
        batchLoss = batchLoss.add(loss);
        if (argmax(scores) === target) correct++;
        total++;
      }
      // Python's `batch_loss / len(batch_idx)` is `batch_loss * len(batch_idx) ** -1`.
      batchLoss = batchLoss.mul(batchIdx.length ** -1);
      this.net.zeroGrad();
      // The Python Value's backward order (micrograd's build_topo), so every gradient has the Python run's bits.
      batchLoss.backward({ order: "depthFirst" });
      for (const p of this.net.parameters()) p.data -= learningRate * p.grad;
      epochLoss += batchLoss.data;
      batches++;
    }
    return { loss: epochLoss, accuracy: correct / total, batches };
  }

  evaluate(data: PointSet): Evaluation {
    const { X, y } = data;
    const predictions = new Int32Array(y.length);
    let correct = 0;
    let loss = 0;
    noGrad(() => {
      for (let i = 0; i < y.length; i++) {
        const scores = this.#traced([new Value(X[2 * i]!), new Value(X[2 * i + 1]!)]);
        predictions[i] = argmax(scores);
        if (predictions[i] === y[i]) correct++;
        loss += softmaxCrossEntropy(scores, y[i]!).loss.data;
      }
    });
    return {
      loss: y.length === 0 ? NaN : loss / y.length,
      accuracy: y.length === 0 ? NaN : correct / y.length,
      predictions,
    };
  }

  weights(): LayerWeights[] {
    return this.net.layers.map((layer) => ({
      inFeatures: layer.nIn,
      outFeatures: layer.nOut,
      weight: Float64Array.from(layer.neurons.flatMap((n) => n.w.map((w) => w.data))),
      bias: Float64Array.from(layer.neurons.map((n) => n.b.data)),
    }));
  }

  save(): string {
    return save(this.net);
  }

  load(state: unknown): void {
    this.net.loadStateDict(stateWithKeys(state, "scratch", this.net.layers.length));
  }
}
