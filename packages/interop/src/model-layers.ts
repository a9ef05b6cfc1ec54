import { LeakyReLU, Linear, NeuralNetwork, ReLU, Sequential, Sigmoid, Tanh } from "@neurogebra/nn";
import type { StateDict } from "@neurogebra/nn";

/** A model the exporters take: a `Sequential` of supported layers, or the from-scratch `NeuralNetwork`. */
export type ExportableModel = Sequential | NeuralNetwork;

/**
 * One layer of a model as the exporters see it, in PyTorch's terms: a `Linear` (weight `[out, in]`
 * row-major, as `nn.Linear.weight`) under its `nn.Sequential` index, or an activation.
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
  | { kind: "leakyRelu"; name: string; negativeSlope: number };

function fromSequential(fn: string, model: Sequential): ExportLayer[] {
  return model.namedChildren().map(([name, child]): ExportLayer => {
    if (child instanceof Linear) {
      return {
        kind: "linear",
        name,
        inFeatures: child.inFeatures,
        outFeatures: child.outFeatures,
        weight: Float64Array.from(child.weight.data),
        bias: child.bias === null ? null : Float64Array.from(child.bias.data),
      };
    }
    if (child instanceof ReLU) return { kind: "relu", name };
    if (child instanceof Tanh) return { kind: "tanh", name };
    if (child instanceof Sigmoid) return { kind: "sigmoid", name };
    if (child instanceof LeakyReLU) return { kind: "leakyRelu", name, negativeSlope: child.negativeSlope };
    throw new TypeError(
      `${fn}: expected the model's layers to be Linear, ReLU, Tanh, Sigmoid or LeakyReLU, got ${child.constructor.name} at index ${name}`,
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
 * modelLayers(new NeuralNetwork([2, 16, 3], { rng })).map((l) => `${l.name}:${l.kind}`); // ["0:linear", "1:relu", "2:linear"]
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
    const got =
      model === null ? "null" : typeof model === "object" ? (model as object).constructor.name : typeof model;
    throw new TypeError(`${fn}: expected a Sequential or a NeuralNetwork, got ${got}`);
  }
  const linears = layers.filter((l) => l.kind === "linear");
  if (linears.length === 0)
    throw new RangeError(`${fn}: expected the model to have at least one Linear layer`);
  linears.forEach((l, i) => {
    const next = linears[i + 1];
    if (next !== undefined && next.inFeatures !== l.outFeatures) {
      throw new RangeError(
        `${fn}: layer ${next.name} takes ${next.inFeatures} features but layer ${l.name} gives ${l.outFeatures}`,
      );
    }
  });
  return layers;
}

/**
 * The model's parameters under the names of the equivalent PyTorch `nn.Sequential` (`"0.weight"` of
 * shape `[out, in]`, `"0.bias"`, `"2.weight"`, …): for a `Sequential` its own `stateDict()`, for the
 * from-scratch `NeuralNetwork` its `layers.{i}.*` renamed. Feed it to {@link toSafetensors}.
 *
 * @example
 * ```ts
 * Object.keys(exportStateDict(new NeuralNetwork([2, 16, 16, 3], { rng }))); // ["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"]
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
