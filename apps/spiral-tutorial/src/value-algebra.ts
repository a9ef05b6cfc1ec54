import { Value } from "@neurogebra/autograd";
import type { Algebra } from "@neurogebra/symbolic";

/**
 * `@neurogebra/autograd`'s `Value` as an algebra for `@neurogebra/symbolic`: evaluating a formula on
 * `Value`s builds an autograd graph, so any catalogue expression becomes a trainable op whose
 * `backward()` gradients equal its symbolic derivative. (symbolic does not import autograd; this app
 * wires the two.)
 *
 * @example
 * ```ts
 * const x = new Value(0.5);
 * const y = evaluateWith(parse("x*exp(x)"), valueAlgebra, { x });
 * y.backward(); // x.grad === (1 + 0.5) * Math.exp(0.5)
 * ```
 */
export const valueAlgebra: Algebra<Value> = {
  constant: (c) => new Value(c),
  valueOf: (a) => a.data,
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  neg: (a) => a.neg(),
  pow: (a, k) => a.pow(k),
  exp: (a) => a.exp(),
  log: (a) => a.log(),
  sqrt: (a) => a.pow(0.5),
  abs: (a) => a.abs(),
  tanh: (a) => a.tanh(),
  sinh: (a) => a.exp().sub(a.neg().exp()).mul(0.5),
  cosh: (a) => a.exp().add(a.neg().exp()).mul(0.5),
};
