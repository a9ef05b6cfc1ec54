/**
 * A tiny forward-mode dual-number algebra (value + derivative), written independently of the CAS:
 * each op carries its own textbook derivative. Evaluating a tree on it must match `diff`.
 */
import type { Algebra } from "../src/index.js";
import { erf, gamma, polygamma } from "../src/index.js";

export class Dual {
  constructor(
    readonly v: number,
    readonly d: number,
  ) {}
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

export const dualAlgebra: Algebra<Dual> = {
  constant: (c) => new Dual(c, 0),
  valueOf: (a) => a.v,
  add: (a, b) => new Dual(a.v + b.v, a.d + b.d),
  sub: (a, b) => new Dual(a.v - b.v, a.d - b.d),
  mul: (a, b) => new Dual(a.v * b.v, a.d * b.v + a.v * b.d),
  div: (a, b) => new Dual(a.v / b.v, (a.d * b.v - a.v * b.d) / (b.v * b.v)),
  neg: (a) => new Dual(-a.v, -a.d),
  pow: (a, k) => new Dual(Math.pow(a.v, k), k === 0 ? 0 : k * Math.pow(a.v, k - 1) * a.d),
  exp: (a) => new Dual(Math.exp(a.v), Math.exp(a.v) * a.d),
  log: (a) => new Dual(Math.log(a.v), a.d / a.v),
  sqrt: (a) => new Dual(Math.sqrt(a.v), a.d / (2 * Math.sqrt(a.v))),
  abs: (a) => new Dual(Math.abs(a.v), Math.sign(a.v) * a.d),
  sin: (a) => new Dual(Math.sin(a.v), Math.cos(a.v) * a.d),
  cos: (a) => new Dual(Math.cos(a.v), -Math.sin(a.v) * a.d),
  tan: (a) => new Dual(Math.tan(a.v), a.d / Math.cos(a.v) ** 2),
  asin: (a) => new Dual(Math.asin(a.v), a.d / Math.sqrt(1 - a.v * a.v)),
  acos: (a) => new Dual(Math.acos(a.v), -a.d / Math.sqrt(1 - a.v * a.v)),
  atan: (a) => new Dual(Math.atan(a.v), a.d / (1 + a.v * a.v)),
  atan2: (y, x) => new Dual(Math.atan2(y.v, x.v), (x.v * y.d - y.v * x.d) / (x.v * x.v + y.v * y.v)),
  sinh: (a) => new Dual(Math.sinh(a.v), Math.cosh(a.v) * a.d),
  cosh: (a) => new Dual(Math.cosh(a.v), Math.sinh(a.v) * a.d),
  tanh: (a) => new Dual(Math.tanh(a.v), (1 - Math.tanh(a.v) ** 2) * a.d),
  asinh: (a) => new Dual(Math.asinh(a.v), a.d / Math.sqrt(a.v * a.v + 1)),
  acosh: (a) => new Dual(Math.acosh(a.v), a.d / Math.sqrt(a.v * a.v - 1)),
  atanh: (a) => new Dual(Math.atanh(a.v), a.d / (1 - a.v * a.v)),
  erf: (a) => new Dual(erf(a.v), TWO_OVER_SQRT_PI * Math.exp(-a.v * a.v) * a.d),
  erfc: (a) => new Dual(1 - erf(a.v), -TWO_OVER_SQRT_PI * Math.exp(-a.v * a.v) * a.d),
  gamma: (a) => new Dual(gamma(a.v), gamma(a.v) * polygamma(0, a.v) * a.d),
  polygamma: (n, a) => new Dual(polygamma(n, a.v), polygamma(n + 1, a.v) * a.d),
};
