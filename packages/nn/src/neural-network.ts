import { noGrad } from "@neurogebra/autograd";
import type { Value } from "@neurogebra/autograd";
import type { Rng } from "@neurogebra/random";
import { describe, formatGrouped } from "@neurogebra/internal";

import { Layer } from "./layer.js";
import { checkActivation, checkRng, checkSize } from "./neuron.js";
import type { Activation } from "./neuron.js";
import { applyStateDict, collectStateDict } from "./state-dict.js";
import type { StateDict, StateSlot } from "./state-dict.js";

/**
 * Options of {@link NeuralNetwork}.
 *
 * @example
 * ```ts
 * const options: NeuralNetworkOptions = { activations: ["relu", "linear"], rng: new PythonRandom(42) };
 * new NeuralNetwork([2, 8, 3], options).parameters().length; // → 51
 * ```
 */
export interface NeuralNetworkOptions {
  /** One activation per layer (default: `"relu"` for hidden layers, `"linear"` for the last). */
  activations?: readonly Activation[];
  /**
   * Source of the initial weights; `new PythonRandom(42)` reproduces the tutorial's network. Default:
   * the shared default generator (`manualSeed` of `@neurogebra/random`).
   */
  rng?: Rng;
}

/**
 * The tutorial's from-scratch multi-layer perceptron built from {@link Layer}s of {@link Neuron}s over
 * scalar `Value`s: every weight is a `Value`, every forward pass builds a graph you can inspect.
 *
 * @example
 * ```ts
 * const net = new NeuralNetwork([2, 16, 16, 3], { activations: ["relu", "relu", "linear"], rng: new PythonRandom(42) });
 * console.log(net.summary());
 * // Neural Network created:
 * //   Architecture: 2 → 16 → 16 → 3
 * //   Activations:  ['relu', 'relu', 'linear']
 * //   Parameters:   371
 * const scores = net.forward([new Value(0.5), new Value(-0.2)]); // 3 Values
 * ```
 */
export class NeuralNetwork {
  /** The layers, input side first. */
  readonly layers: Layer[];
  /** `[inputSize, hidden1, …, outputSize]`. */
  readonly layerSizes: readonly number[];
  /** One activation per layer. */
  readonly activations: readonly Activation[];

  constructor(layerSizes: readonly number[], options: NeuralNetworkOptions = {}) {
    const sizes: unknown = layerSizes;
    if (!Array.isArray(sizes) || sizes.length < 2) {
      throw new RangeError(
        `NeuralNetwork: expected layerSizes to list at least 2 sizes [input, …, output], got ${describe(layerSizes)}`,
      );
    }
    layerSizes.forEach((n, i) => checkSize("NeuralNetwork", `layerSizes[${i}]`, n));
    const rng = checkRng("NeuralNetwork", options);
    const nLayers = layerSizes.length - 1;
    const given: unknown = options.activations ?? [...Array<Activation>(nLayers - 1).fill("relu"), "linear"];
    if (!Array.isArray(given) || given.length !== nLayers) {
      throw new RangeError(
        `NeuralNetwork: expected ${nLayers} activations (one per layer), got ${describe(given)}`,
      );
    }
    const activations = (given as unknown[]).map((a, i) =>
      checkActivation("NeuralNetwork", `activations[${i}]`, a),
    );
    this.layerSizes = [...layerSizes];
    this.activations = activations;
    this.layers = [];
    for (let i = 0; i < nLayers; i++) {
      this.layers.push(new Layer(layerSizes[i]!, layerSizes[i + 1]!, { activation: activations[i]!, rng }));
    }
  }

  /**
   * Run one input vector through every layer; returns the last layer's outputs (the class scores).
   *
   * @example
   * ```ts
   * net.forward([new Value(0.5), new Value(-0.2)]).map((s) => s.data); // → [0.5825226290233281, 0.4375255146082964, 0.09920268631845888]
   * ```
   */
  forward(x: readonly (Value | number)[]): Value[] {
    let out: readonly (Value | number)[] = x;
    for (const layer of this.layers) out = layer.forward(out);
    return out as Value[];
  }

  /**
   * The index of the highest score (first one on ties, like Python's `max(range(n), key=…)`),
   * computed without recording a graph.
   *
   * @example
   * ```ts
   * net.predict([0.5, -0.2]); // → 0  (the class with the highest score)
   * ```
   */
  predict(x: readonly (Value | number)[]): number {
    const scores = noGrad(() => this.forward(x));
    let best = 0;
    for (let i = 1; i < scores.length; i++) if (scores[i]!.data > scores[best]!.data) best = i;
    return best;
  }

  /**
   * Every parameter, layer by layer, neuron by neuron (weights then bias) — the live `Value`s an
   * optimizer updates.
   *
   * @example
   * ```ts
   * net.parameters().length; // → 371  (for [2, 16, 16, 3])
   * ```
   */
  parameters(): Value[] {
    return this.layers.flatMap((layer) => layer.parameters());
  }

  /**
   * Set every parameter's gradient to 0 (the tutorial's `for p in params: p.grad = 0.0`).
   *
   * @example
   * ```ts
   * net.zeroGrad();
   * ```
   */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = 0;
  }

  /**
   * The four lines the tutorial's `NeuralNetwork.__init__` prints, joined with newlines.
   *
   * @example
   * ```ts
   * net.summary().split("\n")[1]; // → "  Architecture: 2 → 16 → 16 → 3"
   * ```
   */
  summary(): string {
    const activations = `[${this.activations.map((a) => `'${a}'`).join(", ")}]`;
    return [
      "Neural Network created:",
      `  Architecture: ${this.layerSizes.join(" → ")}`,
      `  Activations:  ${activations}`,
      `  Parameters:   ${formatGrouped(this.parameters().length)}`,
    ].join("\n");
  }

  /**
   * The parameters as a JSON-safe {@link StateDict}: per layer `layers.{i}.weight` with shape
   * `[nOut, nIn]` (row = neuron, like PyTorch's `Linear.weight`) and `layers.{i}.bias` with shape `[nOut]`.
   *
   * @example
   * ```ts
   * net.stateDict()["layers.0.weight"].shape; // → [16, 2]
   * ```
   */
  stateDict(): StateDict {
    return collectStateDict(this.#slots());
  }

  /**
   * Overwrite the parameters from a {@link StateDict}. Everything is checked first (missing and
   * unexpected keys, shapes, lengths, finite numbers); on any problem a `StateDictError` lists them all
   * and the network is left untouched.
   *
   * @example
   * ```ts
   * const other = new NeuralNetwork([2, 16, 16, 3], { rng: new PythonRandom(0) });
   * other.loadStateDict(net.stateDict());
   * other.predict([0.5, -0.2]) === net.predict([0.5, -0.2]); // → true
   * ```
   */
  loadStateDict(state: unknown): void {
    applyStateDict("NeuralNetwork.loadStateDict", this.#slots(), state);
  }

  #slots(): StateSlot[] {
    return this.layers.flatMap((layer, i): StateSlot[] => {
      const { neurons } = layer;
      const nIn = layer.nIn;
      return [
        {
          name: `layers.${i}.weight`,
          shape: [neurons.length, nIn],
          read: () => neurons.flatMap((n) => n.w.map((w) => w.data)),
          write: (data) => neurons.forEach((n, r) => n.w.forEach((w, c) => (w.data = data[r * nIn + c]!))),
        },
        {
          name: `layers.${i}.bias`,
          shape: [neurons.length],
          read: () => neurons.map((n) => n.b.data),
          write: (data) => neurons.forEach((n, r) => (n.b.data = data[r]!)),
        },
      ];
    });
  }
}

/**
 * Alias of {@link NeuralNetwork} under micrograd's name.
 *
 * @example
 * ```ts
 * const net = new MLP([2, 16, 16, 3], { rng: createRng(0) });
 * ```
 */
export const MLP = NeuralNetwork;
/** Alias of {@link NeuralNetwork} under micrograd's name. */
export type MLP = NeuralNetwork;
