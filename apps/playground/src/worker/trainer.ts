import { Value, dot, toDot, toMermaid } from "@neurogebra/autograd";
import { accuracyText, formatEpochLine, isPrintedEpoch } from "@neurogebra/internal";

import { planeView } from "../lib/plane.js";
import { activate } from "./activation.js";
import type { Engine, LayerWeights } from "./engine.js";
import { FrameworkEngine } from "./framework-engine.js";
import { layerOutputs, mapImages } from "./maps.js";
import { makeRunData } from "./run-data.js";
import type { RunData } from "./run-data.js";
import { createRunRngs } from "./run-rngs.js";
import type { EpochRecord, NeuronView, RunInfo, RunRequest, Snapshot } from "./run-types.js";
import { ScratchEngine } from "./scratch-engine.js";
import { sizesOfState } from "./state-keys.js";

/**
 * One training run as the page sees it: the data, the engine, the epochs trained and their records.
 * It runs in the Web Worker (see `training.worker.ts`) but knows nothing of workers, so tests drive it
 * directly in Node.
 */
export class Trainer {
  readonly request: RunRequest;
  readonly data: RunData;
  readonly info: RunInfo;
  #engine: Engine;
  #epoch = 0;
  #pending: EpochRecord[] = [];
  #last: EpochRecord | null = null;
  #lastEpochMs = 0;

  constructor(request: RunRequest) {
    this.request = request;
    const { settings } = request;
    const rngs = createRunRngs(settings.seed, settings.rng);
    this.data = makeRunData(settings, rngs.data, request.imported);
    const sizes = [2, ...settings.layers, this.data.nClasses];
    this.#engine =
      settings.engine === "scratch"
        ? new ScratchEngine({
            sizes,
            activation: settings.activation,
            lr: settings.lr,
            batch: settings.batch,
            initRng: rngs.scratchInit,
            shuffleRng: rngs.data, // the tutorial's np.random stream goes on from the split
          })
        : new FrameworkEngine({
            sizes,
            activation: settings.activation,
            optimizer: settings.optimizer,
            lr: settings.lr,
            batch: settings.batch,
            rng: rngs.framework,
          });
    this.info = {
      train: this.data.train,
      test: this.data.test,
      nClasses: this.data.nClasses,
      view: planeView([this.data.train, this.data.test]),
      sizes,
    };
  }

  get epoch(): number {
    return this.#epoch;
  }

  get done(): boolean {
    return this.#epoch >= this.request.settings.epochs;
  }

  /** Trains one epoch (unless done) and records it. */
  trainEpoch(): void {
    if (this.done) return;
    const start = performance.now();
    const result = this.#engine.trainEpoch(this.data.train);
    this.#lastEpochMs = performance.now() - start;
    const test = this.#engine.evaluate(this.data.test);
    const epochs = this.request.settings.epochs;
    const epoch = this.#epoch;
    const record: EpochRecord = {
      epoch,
      loss: result.loss,
      meanLoss: result.loss / result.batches,
      accuracy: result.accuracy,
      testLoss: test.loss,
      testAccuracy: test.accuracy,
      line: isPrintedEpoch(epoch, epochs)
        ? formatEpochLine(epoch, epochs, result.loss, result.accuracy)
        : null,
    };
    this.#pending.push(record);
    this.#last = record;
    this.#epoch++;
  }

  /** The state since the last snapshot; with `pictures`, the decision and neuron maps too. */
  snapshot(pictures: boolean): Snapshot {
    const weights = this.#engine.weights();
    const records = this.#pending;
    this.#pending = [];
    return {
      epoch: this.#epoch,
      epochs: this.request.settings.epochs,
      done: this.done,
      records,
      trainAccuracyText: accuracyText(this.#last?.accuracy ?? NaN),
      testAccuracyText: accuracyText(this.#last?.testAccuracy ?? NaN),
      weights,
      maps: pictures ? mapImages(weights, this.request.settings.activation, this.info.view) : null,
      epochMs: this.#lastEpochMs,
    };
  }

  /** The model as `@neurogebra/nn`'s state-dict JSON. */
  exportModel(): string {
    return this.#engine.save();
  }

  /**
   * Loads a state dict (JSON text) into the network. Its layer sizes must be this run's; the message of
   * the error thrown otherwise says what differs. Test numbers are recomputed for the loaded weights.
   */
  importModel(json: string): void {
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch (error) {
      throw new Error(`model file: not JSON (${(error as Error).message})`, { cause: error });
    }
    const sizes = sizesOfState(state);
    const want = this.info.sizes.join(" → ");
    if (sizes === null)
      throw new Error(
        "model file: not a state dict of a network with 2 inputs (expected layers' weight and bias)",
      );
    if (sizes.join(" → ") !== want) {
      throw new Error(
        `model file: its network is ${sizes.join(" → ")}, this one is ${want} — set the layers (and classes) to match first`,
      );
    }
    this.#engine.load(state);
    const test = this.#engine.evaluate(this.data.test);
    const train = this.#engine.evaluate(this.data.train);
    this.#last = {
      epoch: this.#epoch,
      loss: NaN,
      meanLoss: train.loss,
      accuracy: train.accuracy,
      testLoss: test.loss,
      testAccuracy: test.accuracy,
      line: null,
    };
  }

  /** The first training point (of the first 200) where the neuron's pre-activation is positive, else the first. */
  #activePoint(layer: number, index: number): [number, number] {
    const { X, y } = this.data.train;
    const n = Math.min(y.length, 200);
    if (n === 0) return [0, 0];
    const weights = this.#engine.weights();
    const below = weights.slice(0, layer - 1);
    const spec = weights[layer - 1];
    if (spec === undefined) return [X[0]!, X[1]!];
    const points = X.subarray(0, 2 * n);
    const h =
      below.length === 0
        ? points
        : layerOutputs(below, this.request.settings.activation, points, false).at(-1)!.data;
    const width = spec.inFeatures;
    for (let i = 0; i < n; i++) {
      let z = spec.bias[index]!;
      for (let j = 0; j < width; j++) z += spec.weight[index * width + j]! * h[i * width + j]!;
      if (z > 0) return [X[2 * i]!, X[2 * i + 1]!];
    }
    return [X[0]!, X[1]!];
  }

  /** Predicted class of each test point (for checking an imported model). */
  testPredictions(): Int32Array {
    return this.#engine.evaluate(this.data.test).predictions;
  }

  /**
   * Neuron `index` of layer `layer` (1-based; the last layer is the output) for the input point `(x1, x2)`:
   * its weights, the `Value` graph `act(dot(w, inputs, b))` with its gradients from `backward()`, and
   * that graph drawn with fused nodes expanded into micrograd's `*` and `+` chain. Without a point, the
   * first training point where the neuron is active (z > 0), so its gradients are not all zero.
   */
  inspect(layer: number, index: number, point: readonly [number, number] | null): NeuronView {
    if (point === null) return this.inspect(layer, index, this.#activePoint(layer, index));
    const weights = this.#engine.weights();
    const spec: LayerWeights | undefined = weights[layer - 1];
    if (spec === undefined || !Number.isInteger(index) || index < 0 || index >= spec.outFeatures) {
      throw new RangeError(`inspect: no neuron ${index} in layer ${layer}`);
    }
    const activation = this.request.settings.activation;
    const below = weights.slice(0, layer - 1);
    const inputs =
      layer === 1
        ? [...point]
        : Array.from(layerOutputs(below, activation, Float64Array.from(point), false).at(-1)!.data);
    const row = Array.from(spec.weight.subarray(index * spec.inFeatures, (index + 1) * spec.inFeatures));
    const w = row.map((v, j) => new Value(v, `w${j + 1}`));
    const x = inputs.map((v, j) => new Value(v, layer === 1 ? `x${j + 1}` : `h${j + 1}`));
    const b = new Value(spec.bias[index]!, "b");
    const z = dot(w, x, b);
    const isOutput = layer === weights.length;
    const a = isOutput ? z : activate(activation, z);
    a.label = isOutput ? "z (logit)" : "a";
    a.backward();
    return {
      layer,
      index,
      point: [point[0], point[1]],
      weights: row,
      bias: b.data,
      inputs,
      z: z.data,
      a: a.data,
      weightGrads: w.map((v) => v.grad),
      biasGrad: b.grad,
      mermaid: toMermaid(a, { expandFused: true, digits: 3 }),
      dot: toDot(a, { expandFused: true, digits: 3 }),
    };
  }
}
