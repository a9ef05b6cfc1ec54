import type { Tensor } from "@neurogebra/autograd";

import { expected } from "@neurogebra/internal";
import { expectTensor } from "./expect-tensor.js";
import { Module } from "./module.js";

/**
 * `max(0, x)` elementwise, as a module (PyTorch's `nn.ReLU`).
 *
 * @example
 * ```ts
 * new ReLU().forward(tensor([-1, 2])).toArray(); // → [0, 2]
 * ```
 */
export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    expectTensor("ReLU.forward", x);
    return x.relu();
  }

  override toString(): string {
    return "ReLU()";
  }
}

/**
 * `x` where x > 0, else `negativeSlope·x`, elementwise (PyTorch's `nn.LeakyReLU`, default slope 0.01).
 *
 * @example
 * ```ts
 * new LeakyReLU(0.1).forward(tensor([-2, 3])).toArray(); // → [-0.2, 3]
 * ```
 */
export class LeakyReLU extends Module {
  readonly negativeSlope: number;

  constructor(negativeSlope = 0.01) {
    super();
    if (typeof negativeSlope !== "number" || !Number.isFinite(negativeSlope)) {
      throw new RangeError(expected("LeakyReLU", "negativeSlope to be a finite number", negativeSlope));
    }
    this.negativeSlope = negativeSlope;
  }

  forward(x: Tensor): Tensor {
    expectTensor("LeakyReLU.forward", x);
    return x.leakyRelu(this.negativeSlope);
  }

  override toString(): string {
    return `LeakyReLU(negative_slope=${this.negativeSlope})`;
  }
}

/**
 * `tanh(x)` elementwise, as a module (PyTorch's `nn.Tanh`).
 *
 * @example
 * ```ts
 * new Tanh().forward(tensor([0])).toArray(); // → [0]
 * ```
 */
export class Tanh extends Module {
  forward(x: Tensor): Tensor {
    expectTensor("Tanh.forward", x);
    return x.tanh();
  }

  override toString(): string {
    return "Tanh()";
  }
}

/**
 * `1 / (1 + e^−x)` elementwise, as a module (PyTorch's `nn.Sigmoid`).
 *
 * @example
 * ```ts
 * new Sigmoid().forward(tensor([0])).toArray(); // → [0.5]
 * ```
 */
export class Sigmoid extends Module {
  forward(x: Tensor): Tensor {
    expectTensor("Sigmoid.forward", x);
    return x.sigmoid();
  }

  override toString(): string {
    return "Sigmoid()";
  }
}
