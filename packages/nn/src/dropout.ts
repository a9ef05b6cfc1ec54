import { Tensor } from "@neurogebra/autograd";
import { defaultRng } from "@neurogebra/random";
import type { Rng } from "@neurogebra/random";

import { checkRng, expected, formatRepr } from "@neurogebra/internal";
import { expectTensor } from "./expect-tensor.js";
import { Module } from "./module.js";

/**
 * Options of {@link Dropout}.
 *
 * @example
 * ```ts
 * const options: DropoutOptions = { rng: createRng(0) };
 * new Dropout(0.5, options).forward(ones([4])).toArray(); // → [0, 2, 0, 2]
 * ```
 */
export interface DropoutOptions {
  /**
   * Where the masks are drawn from; default: the shared default generator at each forward pass (as
   * PyTorch's dropout draws from its default generator), seeded by `manualSeed` of `@neurogebra/random`.
   */
  rng?: Rng;
}

/**
 * Dropout (PyTorch's `nn.Dropout`): in training mode each element is zeroed with probability `p` and the
 * others are scaled by `1 / (1 − p)`, so the expected output is the input; in evaluation mode
 * (`model.eval()`) it is the identity. The mask takes one `rng.random()` per element in row-major order
 * (kept when the draw is below `1 − p`), and the output is `x · m` with `m` either 0 or `1 / (1 − p)`, as
 * PyTorch computes it — so a kept element equals PyTorch's to the last bit. The gradient is the same mask.
 *
 * @example
 * ```ts
 * const drop = new Dropout(0.5, { rng: createRng(0) });
 * drop.forward(ones([4])).toArray(); // → [0, 2, 0, 2]  (each 0 or 2)
 * drop.eval().forward(ones([4])).toArray(); // → [1, 1, 1, 1]
 * ```
 */
export class Dropout extends Module {
  /** Probability of zeroing an element, in [0, 1]. */
  readonly p: number;
  readonly #rng: Rng | undefined;

  constructor(p = 0.5, options: DropoutOptions = {}) {
    super();
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
      throw new RangeError(expected("Dropout", "p to be a probability in [0, 1]", p));
    }
    if (options === null || typeof options !== "object") {
      throw new TypeError(expected("Dropout", "an options object { rng? }", options));
    }
    const rng: unknown = options.rng;
    if (rng !== undefined) checkRng("Dropout", "options.rng", rng, ["random"]);
    this.p = p;
    this.#rng = options.rng;
  }

  /**
   * `x` with dropped elements zeroed and the rest scaled by `1 / (1 − p)` (training), or `x` itself
   * (evaluation, or `p = 0`).
   *
   * @example
   * ```ts
   * new Dropout(0.2).forward(x).shape; // → [2, 3]  (x.shape)
   * ```
   */
  forward(x: Tensor): Tensor {
    expectTensor("Dropout.forward", x);
    if (!this.training || this.p === 0) return x;
    const rng = this.#rng ?? defaultRng();
    const keep = 1 - this.p;
    // PyTorch: noise = bernoulli(1 − p) / (1 − p), output = input * noise; p = 1 multiplies by 0.
    const scale = keep === 0 ? 0 : 1 / keep;
    const mask = new Float64Array(x.numel());
    for (let i = 0; i < mask.length; i++) mask[i] = rng.random() < keep ? scale : 0;
    return x.mul(new Tensor(mask, x.shape));
  }

  /** PyTorch's representation, e.g. `Dropout(p=0.5, inplace=False)`. */
  override toString(): string {
    return `Dropout(p=${formatRepr(this.p)}, inplace=False)`;
  }
}
