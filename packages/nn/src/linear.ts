import { uniform } from "@neurogebra/autograd";
import type { Tensor } from "@neurogebra/autograd";
import type { Rng } from "@neurogebra/random";

import { MAX_TENSOR_SIZE, expected, tooManyElements } from "@neurogebra/internal";
import { expectTensor } from "./expect-tensor.js";
import { Module } from "./module.js";
import { checkRng, checkSize } from "./neuron.js";

/**
 * Options of {@link Linear}.
 *
 * @example
 * ```ts
 * const options: LinearOptions = { bias: false, rng: createRng(0) };
 * new Linear(2, 16, options).parameters().length; // → 1
 * ```
 */
export interface LinearOptions {
  /**
   * Source of the initial weights (e.g. `createRng(0)`); default: the shared default generator, which
   * `manualSeed(seed)` of `@neurogebra/random` seeds (PyTorch's `torch.manual_seed`).
   */
  rng?: Rng;
  /** Whether to learn an additive bias (default true). */
  bias?: boolean;
}

/**
 * A fully connected layer `y = x · Wᵀ + b` (PyTorch's `nn.Linear`): weight of shape `(out, in)`, bias of
 * shape `(out)`. Initialised like PyTorch: every weight, then every bias, drawn from U(−1/√in, 1/√in)
 * in row-major order.
 *
 * @example
 * ```ts
 * const layer = new Linear(2, 16, { rng: createRng(0) });
 * layer.weight.shape; // → [16, 2]
 * manualSeed(0);
 * new Linear(2, 16).weight.shape; // → [16, 2]  (drawn from the default generator)
 * layer.forward(tensor([[0.5, -0.2]])).shape; // → [1, 16]
 * ```
 */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** Weight, shape `(outFeatures, inFeatures)`. */
  readonly weight: Tensor;
  /** Bias, shape `(outFeatures)`, or `null` with `{ bias: false }`. */
  readonly bias: Tensor | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    this.inFeatures = checkSize("Linear", "inFeatures", inFeatures);
    this.outFeatures = checkSize("Linear", "outFeatures", outFeatures);
    const rng = checkRng("Linear", options);
    if (options.bias !== undefined && typeof options.bias !== "boolean") {
      throw new TypeError(expected("Linear", "options.bias to be a boolean", options.bias));
    }
    if (inFeatures * outFeatures > MAX_TENSOR_SIZE) {
      throw tooManyElements("Linear", `a weight of ${outFeatures} × ${inFeatures}`, inFeatures * outFeatures);
    }
    const bound = 1 / Math.sqrt(inFeatures);
    this.weight = this.registerParameter("weight", uniform([outFeatures, inFeatures], -bound, bound, rng));
    this.bias =
      options.bias === false
        ? null
        : this.registerParameter("bias", uniform([outFeatures], -bound, bound, rng));
  }

  /**
   * `x · Wᵀ + b` for a batch `(…, inFeatures)` → `(…, outFeatures)` (one fused graph node).
   *
   * @example
   * ```ts
   * layer.forward(tensor([[1, 2]])).shape; // → [1, 16]  ([1, outFeatures])
   * ```
   */
  forward(x: Tensor): Tensor {
    expectTensor("Linear.forward", x);
    return x.linear(this.weight, this.bias);
  }

  /** PyTorch's representation, e.g. `Linear(in_features=2, out_features=16, bias=True)`. */
  override toString(): string {
    return `Linear(in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${this.bias === null ? "False" : "True"})`;
  }
}
