import type { Tensor } from "@neurogebra/autograd";

import { Module } from "./module.js";

/**
 * `max(0, x)` elementwise, as a module (PyTorch's `nn.ReLU`).
 *
 * @example
 * ```ts
 * new ReLU().forward(tensor([-1, 2])).toArray(); // [0, 2]
 * ```
 */
export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return x.relu();
  }

  override toString(): string {
    return "ReLU()";
  }
}

/**
 * `tanh(x)` elementwise, as a module (PyTorch's `nn.Tanh`).
 *
 * @example
 * ```ts
 * new Tanh().forward(tensor([0])).toArray(); // [0]
 * ```
 */
export class Tanh extends Module {
  forward(x: Tensor): Tensor {
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
 * new Sigmoid().forward(tensor([0])).toArray(); // [0.5]
 * ```
 */
export class Sigmoid extends Module {
  forward(x: Tensor): Tensor {
    return x.sigmoid();
  }

  override toString(): string {
    return "Sigmoid()";
  }
}
