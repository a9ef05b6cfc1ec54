/**
 * Free-function forms of Tensor ops that PyTorch users reach for as functions
 * (`torch.where`, `torch.maximum`, `torch.matmul`, `F.linear`).
 */
import { expected } from "@neurogebra/internal";

import { Tensor } from "./tensor.js";

function asTensor(x: Tensor | number, op: string, name: string): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === "number") return new Tensor(Float64Array.of(x), []);
  throw new TypeError(expected(op, `${name} to be a Tensor or a number`, x));
}

/**
 * `x` where `condition` is non-zero, else `y`, broadcasting all three (`torch.where`).
 *
 * @example
 * ```ts
 * const x = tensor([-1, 2, -3]);
 * where(x.gt(0), x, 0).toArray(); // → [0, 2, 0]
 * ```
 */
export function where(condition: Tensor, x: Tensor | number, y: Tensor | number): Tensor {
  return asTensor(x, "where", "x").where(condition, y);
}

/** Elementwise maximum with broadcasting (`torch.maximum`). @example `maximum(tensor([1, 5]), 3).toArray() // → [3, 5]` */
export function maximum(a: Tensor | number, b: Tensor | number): Tensor {
  return asTensor(a, "maximum", "a").maximum(b);
}

/** Elementwise minimum with broadcasting (`torch.minimum`). @example `minimum(tensor([1, 5]), 3).toArray() // → [1, 3]` */
export function minimum(a: Tensor | number, b: Tensor | number): Tensor {
  return asTensor(a, "minimum", "a").minimum(b);
}

/** Matrix product (`torch.matmul`), see `Tensor.matmul`. @example `matmul(ones([2, 3]), ones([3, 4])).shape // → [2, 4]` */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (!(a instanceof Tensor)) throw new TypeError(expected("matmul", "a to be a Tensor", a));
  return a.matmul(b);
}

/**
 * Fused affine map `input · weightᵀ + bias` with weight shape `(out, in)` (`torch.nn.functional.linear`).
 *
 * @example
 * ```ts
 * linear(tensor([[1, 2]]), tensor([[1, 1]]), tensor([0.5])).toArray(); // → [[3.5]]
 * ```
 */
export function linear(input: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  if (!(input instanceof Tensor)) throw new TypeError(expected("linear", "input to be a Tensor", input));
  return input.linear(weight, bias);
}
