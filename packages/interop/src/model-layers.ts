import {
  BatchNorm1d,
  Dropout,
  LeakyReLU,
  Linear,
  LogSoftmax,
  NeuralNetwork,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Tanh,
} from "@neurogebra/nn";
import type { StateDict } from "@neurogebra/nn";
import { expected } from "@neurogebra/internal";

/**
 * A model the exporters take: a `Sequential` of supported layers, or the from-scratch `NeuralNetwork`.
 *
 * @example
 * ```ts
 * const models: ExportableModel[] = [model, net];
 * models.map((m) => Object.keys(exportStateDict(m)).length); // → [4, 6]
 * ```
 */
export type ExportableModel = Sequential | NeuralNetwork;

/**
 * One layer of a model as the exporters see it, in PyTorch's terms, under its `nn.Sequential` index: a
 * `Linear` (weight `[out, in]` row-major, as `nn.Linear.weight`), an activation, a `Dropout`, a
 * `BatchNorm1d` (its running statistics are what inference uses), or a `Softmax` / `LogSoftmax`.
 *
 * @example
 * ```ts
 * const layers: ExportLayer[] = modelLayers(model);
 * layers.map((l) => l.kind); // → ["linear", "relu", "linear"]
 * ```
 */
export type ExportLayer =
  | {
      kind: "linear";
      /** The `nn.Sequential` index: parameters are `${name}.weight` and `${name}.bias`. */
      name: string;
      inFeatures: number;
      outFeatures: number;
      weight: Float64Array;
      bias: Float64Array | null;
    }
  | { kind: "relu"; name: string }
  | { kind: "tanh"; name: string }
  | { kind: "sigmoid"; name: string }
  | { kind: "leakyRelu"; name: string; negativeSlope: number }
  | { kind: "dropout"; name: string; p: number }
  | {
      kind: "batchNorm1d";
      name: string;
      numFeatures: number;
      eps: number;
      momentum: number | null;
      /** `null` without `affine`. */
      weight: Float64Array | null;
      bias: Float64Array | null;
      /** `null` without `trackRunningStats` (then inference uses batch statistics: no ONNX export). */
      runningMean: Float64Array | null;
      runningVar: Float64Array | null;
    }
  | { kind: "softmax" | "logSoftmax"; name: string; dim: number };

const copy = (t: { data: ArrayLike<number> } | null): Float64Array | null =>
  t === null ? null : Float64Array.from(t.data);

const EXPORTABLE = "Linear, ReLU, Tanh, Sigmoid, LeakyReLU, Dropout, BatchNorm1d, Softmax or LogSoftmax";

function fromSequential(fn: string, model: Sequential): ExportLayer[] {
  return model.namedChildren().map(([name, child]): ExportLayer => {
    if (child instanceof Linear) {
      return {
        kind: "linear",
        name,
        inFeatures: child.inFeatures,
        outFeatures: child.outFeatures,
        weight: Float64Array.from(child.weight.data),
        bias: copy(child.bias),
      };
    }
    if (child instanceof ReLU) return { kind: "relu", name };
    if (child instanceof Tanh) return { kind: "tanh", name };
    if (child instanceof Sigmoid) return { kind: "sigmoid", name };
    if (child instanceof LeakyReLU) return { kind: "leakyRelu", name, negativeSlope: child.negativeSlope };
    if (child instanceof Dropout) return { kind: "dropout", name, p: child.p };
    if (child instanceof Softmax) return { kind: "softmax", name, dim: child.dim };
    if (child instanceof LogSoftmax) return { kind: "logSoftmax", name, dim: child.dim };
    if (child instanceof BatchNorm1d) {
      return {
        kind: "batchNorm1d",
        name,
        numFeatures: child.numFeatures,
        eps: child.eps,
        momentum: child.momentum,
        weight: copy(child.weight),
        bias: copy(child.bias),
        runningMean: copy(child.runningMean),
        runningVar: copy(child.runningVar),
      };
    }
    throw new TypeError(
      `${fn}: expected the model's layers to be ${EXPORTABLE}, got ${child.constructor.name} at index ${name}`,
    );
  });
}

/** Where each from-scratch layer's parameters go in the equivalent `nn.Sequential`. */
function networkIndices(net: NeuralNetwork): number[] {
  let index = 0;
  return net.activations.map((activation) => {
    const at = index;
    index += activation === "linear" ? 1 : 2;
    return at;
  });
}

function fromNetwork(net: NeuralNetwork): ExportLayer[] {
  const indices = networkIndices(net);
  return net.layers.flatMap((layer, i): ExportLayer[] => {
    const at = indices[i]!;
    const linear: ExportLayer = {
      kind: "linear",
      name: String(at),
      inFeatures: layer.nIn,
      outFeatures: layer.nOut,
      weight: Float64Array.from(layer.neurons.flatMap((n) => n.w.map((w) => w.data))),
      bias: Float64Array.from(layer.neurons, (n) => n.b.data),
    };
    const activation = net.activations[i]!;
    const name = String(at + 1);
    switch (activation) {
      case "linear":
        return [linear];
      case "relu":
        return [linear, { kind: "relu", name }];
      case "tanh":
        return [linear, { kind: "tanh", name }];
      case "sigmoid":
        return [linear, { kind: "sigmoid", name }];
      default: {
        const never: never = activation;
        throw new TypeError(`modelLayers: unknown activation ${String(never)}`);
      }
    }
  });
}

/**
 * The layers of `model` in order, as the equivalent PyTorch `nn.Sequential` has them. The from-scratch
 * `NeuralNetwork([2, 16, 16, 3])` (ReLU, ReLU, linear) becomes `Linear(2, 16), ReLU(), Linear(16, 16),
 * ReLU(), Linear(16, 3)` at indices 0–4, each neuron a row of the weight. Weights are copies.
 *
 * @example
 * ```ts
 * modelLayers(new NeuralNetwork([2, 16, 3], { rng })).map((l) => `${l.name}:${l.kind}`); // → ["0:linear", "1:relu", "2:linear"]
 * ```
 */
export function modelLayers(model: ExportableModel, fn = "modelLayers"): ExportLayer[] {
  const layers =
    model instanceof Sequential
      ? fromSequential(fn, model)
      : model instanceof NeuralNetwork
        ? fromNetwork(model)
        : null;
  if (layers === null) {
    throw new TypeError(expected(fn, "a Sequential or a NeuralNetwork", model));
  }
  if (!layers.some((l) => l.kind === "linear"))
    throw new RangeError(`${fn}: expected the model to have at least one Linear layer`);
  // each Linear and BatchNorm1d takes the features the layer before it gives
  let features: { count: number; from: string } | null = null;
  for (const l of layers) {
    const takes = l.kind === "linear" ? l.inFeatures : l.kind === "batchNorm1d" ? l.numFeatures : null;
    if (takes === null) continue;
    if (features !== null && takes !== features.count) {
      throw new RangeError(
        `${fn}: layer ${l.name} takes ${takes} features but layer ${features.from} gives ${features.count}`,
      );
    }
    features = { count: l.kind === "linear" ? l.outFeatures : takes, from: l.name };
  }
  return layers;
}

/**
 * The model's parameters under the names of the equivalent PyTorch `nn.Sequential` (`"0.weight"` of
 * shape `[out, in]`, `"0.bias"`, `"2.weight"`, …): for a `Sequential` its own `stateDict()`, for the
 * from-scratch `NeuralNetwork` its `layers.{i}.*` renamed. Feed it to {@link toSafetensors}.
 *
 * @example
 * ```ts
 * Object.keys(exportStateDict(new NeuralNetwork([2, 16, 16, 3], { rng }))); // → ["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"]
 * ```
 */
export function exportStateDict(model: ExportableModel): StateDict {
  const layers = modelLayers(model, "exportStateDict"); // checks that every layer is exportable
  if (model instanceof Sequential) return model.stateDict(); // the same names, one copy fewer
  const state: StateDict = {};
  for (const layer of layers) {
    if (layer.kind !== "linear") continue;
    state[`${layer.name}.weight`] = {
      shape: [layer.outFeatures, layer.inFeatures],
      data: Array.from(layer.weight),
    };
    if (layer.bias !== null)
      state[`${layer.name}.bias`] = { shape: [layer.outFeatures], data: Array.from(layer.bias) };
  }
  return state;
}

/**
 * Load parameters named as the equivalent PyTorch `nn.Sequential` names them (what
 * {@link exportStateDict} writes and a PyTorch `model.state_dict()` holds) into `model`, through its own
 * `loadStateDict`: everything is checked first, and on any problem a `StateDictError` lists them all
 * and the model is untouched.
 *
 * @example
 * ```ts
 * writeFileSync("trained.safetensors", toSafetensors(exportStateDict(net))); // after training
 * loadExportedStateDict(net, fromSafetensors(readFileSync("trained.safetensors")));
 * ```
 */
export function loadExportedStateDict(model: ExportableModel, state: StateDict): void {
  if (model instanceof Sequential) {
    model.loadStateDict(state);
    return;
  }
  modelLayers(model, "loadExportedStateDict");
  if (state === null || typeof state !== "object") {
    model.loadStateDict(state); // its StateDictError names the problem
    return;
  }
  const renamed = new Map<string, string>();
  networkIndices(model).forEach((at, i) => {
    renamed.set(`${at}.weight`, `layers.${i}.weight`);
    renamed.set(`${at}.bias`, `layers.${i}.bias`);
  });
  const ours: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(state)) ours[renamed.get(name) ?? name] = entry;
  model.loadStateDict(ours);
}
