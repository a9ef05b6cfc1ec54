import { Tensor, Value } from "@neurogebra/autograd";
import { describe, expected } from "@neurogebra/internal";

/** This package's autograd classes: a look-alike that is not one of them comes from another copy. */
export const AUTOGRAD = { Value, Tensor } as const;

/**
 * Throw a `TypeError` unless `x` is a `Tensor` of this package's `@neurogebra/autograd`, saying how to
 * make one (the usual slip: passing nested arrays, as `nn.Module(x)` is given a tensor in PyTorch).
 *
 * @example
 * ```ts
 * expectTensor("Sequential.forward", [[1, 2]]);
 * // TypeError: Sequential.forward: expected x to be a Tensor, got an array [[1,2]] — make one with
 * // tensor([[1,2]]) from @neurogebra/autograd
 * ```
 */
export function expectTensor(fn: string, x: unknown, name = "x"): asserts x is Tensor {
  if (x instanceof Tensor) return;
  const got = describe(x, AUTOGRAD);
  let hint = " — make one with tensor(data) from @neurogebra/autograd";
  if (Array.isArray(x)) {
    if ((x as unknown[]).some((v) => v instanceof Value)) {
      hint = " — Modules take Tensors; lists of Values go to Neuron, Layer or NeuralNetwork";
    } else if (got.startsWith("an array [")) {
      hint = ` — make one with tensor(${got.slice("an array ".length)}) from @neurogebra/autograd`;
    }
  } else if (x instanceof Float64Array) {
    hint = " — make one with tensor(x, [rows, columns]) from @neurogebra/autograd";
  } else if (got.includes("from another copy")) {
    hint = "";
  }
  throw new TypeError(`${expected(fn, `${name} to be a Tensor`, x, AUTOGRAD)}${hint}`);
}
