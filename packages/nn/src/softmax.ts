import type { Tensor } from "@neurogebra/autograd";

import { expected } from "@neurogebra/internal";
import { expectTensor } from "./expect-tensor.js";
import { Module } from "./module.js";

function checkDim(fn: string, dim: unknown): number {
  if (typeof dim !== "number" || !Number.isInteger(dim)) {
    throw new TypeError(expected(fn, "dim to be an integer", dim));
  }
  return dim;
}

/**
 * Softmax over dimension `dim`, as a module (PyTorch's `nn.Softmax`): `exp(x − max) / Σ exp(x − max)`,
 * each slice along `dim` summing to 1. PyTorch's implicit `dim=None` is deprecated; here `dim` defaults
 * to the last dimension (the class scores of an `(N, C)` batch).
 *
 * @example
 * ```ts
 * new Softmax(1).forward(tensor([[0, 0]])).toArray(); // → [[0.5, 0.5]]
 * ```
 */
export class Softmax extends Module {
  /** The dimension the probabilities are taken over (negative counts from the end). */
  readonly dim: number;

  constructor(dim = -1) {
    super();
    this.dim = checkDim("Softmax", dim);
  }

  forward(x: Tensor): Tensor {
    expectTensor("Softmax.forward", x);
    return x.softmax(this.dim);
  }

  /** PyTorch's representation, e.g. `Softmax(dim=1)`. */
  override toString(): string {
    return `Softmax(dim=${this.dim})`;
  }
}

/**
 * `log softmax(x)` over dimension `dim`, as a module (PyTorch's `nn.LogSoftmax`), computed as
 * `x − logSumExp(x)` so it stays finite where softmax underflows.
 *
 * @example
 * ```ts
 * new LogSoftmax(1).forward(tensor([[0, 0]])).toArray(); // → [[-0.693…, -0.693…]]
 * ```
 */
export class LogSoftmax extends Module {
  /** The dimension the log-probabilities are taken over (negative counts from the end). */
  readonly dim: number;

  constructor(dim = -1) {
    super();
    this.dim = checkDim("LogSoftmax", dim);
  }

  forward(x: Tensor): Tensor {
    expectTensor("LogSoftmax.forward", x);
    return x.logSoftmax(this.dim);
  }

  /** PyTorch's representation, e.g. `LogSoftmax(dim=1)`. */
  override toString(): string {
    return `LogSoftmax(dim=${this.dim})`;
  }
}
