import type { Value } from "@neurogebra/autograd";

import { Neuron, checkSize } from "./neuron.js";
import type { Activation, NeuronOptions } from "./neuron.js";

/**
 * A layer of `nOut` independent neurons that all see the same `nIn` inputs, as in the tutorial.
 * Neurons are created one after another, so their weights are drawn neuron by neuron, weight by weight.
 *
 * @example
 * ```ts
 * const layer = new Layer(2, 16, { activation: "relu", rng: new PythonRandom(42) });
 * layer.forward([new Value(0.1), new Value(0.2)]).length; // → 16
 * layer.parameters().length; // → 48
 * ```
 */
export class Layer {
  /** The neurons, in order. */
  readonly neurons: Neuron[];

  constructor(nIn: number, nOut: number, options: NeuronOptions = {}) {
    checkSize("Layer", "nIn", nIn);
    checkSize("Layer", "nOut", nOut);
    this.neurons = [];
    for (let i = 0; i < nOut; i++) this.neurons.push(new Neuron(nIn, options));
  }

  /** Number of inputs each neuron takes. */
  get nIn(): number {
    return this.neurons[0]!.nInputs;
  }

  /** Number of neurons (outputs). */
  get nOut(): number {
    return this.neurons.length;
  }

  /** The neurons' activation. */
  get activation(): Activation {
    return this.neurons[0]!.activation;
  }

  /**
   * Every neuron's output for one input vector.
   *
   * @example
   * ```ts
   * new Layer(2, 3, { rng }).forward([new Value(1), new Value(2)]).length; // → 3  (nOut Values)
   * ```
   */
  forward(x: readonly (Value | number)[]): Value[] {
    return this.neurons.map((neuron) => neuron.forward(x));
  }

  /**
   * The live parameters, neuron by neuron (each neuron's weights, then its bias).
   *
   * @example
   * ```ts
   * new Layer(16, 3, { rng }).parameters().length; // → 51
   * ```
   */
  parameters(): Value[] {
    return this.neurons.flatMap((neuron) => neuron.parameters());
  }
}
