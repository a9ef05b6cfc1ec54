import type { Tensor } from "@neurogebra/autograd";

import { expected } from "@neurogebra/internal";
import { expectTensor } from "./expect-tensor.js";
import { Module } from "./module.js";

/**
 * A chain of modules applied in order (PyTorch's `nn.Sequential`); children are named `"0"`, `"1"`, …
 * so parameter names match PyTorch's (`"0.weight"`, `"2.bias"`).
 *
 * @example
 * ```ts
 * const model = new Sequential(
 *   new Linear(2, 16, { rng }), new ReLU(),
 *   new Linear(16, 16, { rng }), new ReLU(),
 *   new Linear(16, 3, { rng }),
 * );
 * countParameters(model.parameters()); // → 371
 * ```
 */
export class Sequential extends Module {
  readonly #layers: readonly Module[];

  constructor(...layers: Module[]) {
    super();
    layers.forEach((layer, i) => {
      if (!(layer instanceof Module)) {
        throw new TypeError(expected("Sequential", `layers[${i}] to be a Module`, layer));
      }
      this.registerModule(String(i), layer);
    });
    this.#layers = layers;
  }

  /** Number of layers. */
  get length(): number {
    return this.#layers.length;
  }

  /**
   * The layer at `index` (negative counts from the end).
   *
   * @example
   * ```ts
   * model.at(-1) instanceof Linear; // → true  (the last layer)
   * ```
   */
  at(index: number): Module {
    const layer = Number.isInteger(index) ? this.#layers.at(index) : undefined;
    if (layer === undefined) {
      throw new RangeError(
        expected("Sequential.at", `an integer index in [-${this.length}, ${this.length - 1}]`, index),
      );
    }
    return layer;
  }

  /**
   * Apply each layer to the previous one's output.
   *
   * @example
   * ```ts
   * model.forward(tensor([[0.5, -0.2]])).shape; // → [1, 3]
   * ```
   */
  forward(x: Tensor): Tensor {
    expectTensor("Sequential.forward", x);
    let out = x;
    for (const layer of this.#layers) out = layer.forward(out);
    return out;
  }

  /** PyTorch-style representation listing the layers. */
  override toString(): string {
    const lines = this.#layers.map((layer, i) => `  (${i}): ${String(layer).split("\n").join("\n  ")}`);
    return `Sequential(\n${lines.join("\n")}\n)`;
  }
}
