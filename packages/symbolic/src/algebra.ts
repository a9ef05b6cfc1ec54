import { NUMERIC_FUNCTIONS as F, powNumber } from "./numeric-functions.js";

/**
 * The structural interface a number system implements so that `evaluateWith` can run a formula
 * on it: plain numbers, dual numbers (forward-mode derivatives), autograd `Value`s (reverse mode),
 * intervals, … This package never imports autograd; the shape is enough.
 *
 * Required operations are the ones every differentiable number system has. The optional ones
 * fall back to compositions of the required ones (`sub` = `add(a, neg(b))`, `sqrt` = `pow(a, 1/2)`,
 * `tanh` via `exp`, …); a function with no fallback (sin, erf, gamma, …) throws a `TypeError`
 * naming the missing method when a formula needs it.
 *
 * Non-smooth pieces are decided on `valueOf`: `Max`/`Min` pick an argument (ties → the first in
 * canonical order), `Abs` is `a` or `neg(a)`, `Piecewise` picks a branch, and `Heaviside`, `sign`,
 * `floor` become constants (their derivative is 0 almost everywhere).
 *
 * @example
 * ```ts
 * // Wiring autograd's Value (in an app or test — not in this package):
 * const valueAlgebra: Algebra<Value> = {
 *   constant: (c) => new Value(c),
 *   valueOf: (a) => a.data,
 *   add: (a, b) => a.add(b),
 *   mul: (a, b) => a.mul(b),
 *   div: (a, b) => a.div(b),
 *   neg: (a) => a.neg(),
 *   pow: (a, k) => a.pow(k),
 *   exp: (a) => a.exp(),
 *   log: (a) => a.log(),
 *   tanh: (a) => a.tanh(),
 * };
 * ```
 */
export interface Algebra<T> {
  /** Lifts a float64 constant into the algebra. */
  constant: (value: number) => T;
  /** The float64 value of an element (for branch decisions and piecewise-constant functions). */
  valueOf: (a: T) => number;
  add: (a: T, b: T) => T;
  mul: (a: T, b: T) => T;
  div: (a: T, b: T) => T;
  neg: (a: T) => T;
  /** `a ** k` for a constant exponent `k`. */
  pow: (a: T, k: number) => T;
  exp: (a: T) => T;
  log: (a: T) => T;
  sub?: (a: T, b: T) => T;
  sqrt?: (a: T) => T;
  abs?: (a: T) => T;
  sin?: (a: T) => T;
  cos?: (a: T) => T;
  tan?: (a: T) => T;
  asin?: (a: T) => T;
  acos?: (a: T) => T;
  atan?: (a: T) => T;
  atan2?: (y: T, x: T) => T;
  sinh?: (a: T) => T;
  cosh?: (a: T) => T;
  tanh?: (a: T) => T;
  asinh?: (a: T) => T;
  acosh?: (a: T) => T;
  atanh?: (a: T) => T;
  erf?: (a: T) => T;
  erfc?: (a: T) => T;
  gamma?: (a: T) => T;
  /** polygamma(n, x) for a constant integer order `n`. */
  polygamma?: (n: number, x: T) => T;
}

/**
 * Plain float64 numbers as an {@link Algebra} (mostly useful as a reference implementation —
 * `expr.evaluate` and `expr.compile` are faster ways to get numbers).
 *
 * @example
 * ```ts
 * parse("sin(x)**2").evaluateWith(numberAlgebra, { x: 1 }); // → 0.7080734182735712
 * ```
 */
export const numberAlgebra: Algebra<number> = {
  constant: (c) => c,
  valueOf: (a) => a,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  neg: (a) => -a,
  // The same float64 functions `evaluate` and `compile` use, so all three agree to the last bit.
  pow: powNumber,
  exp: F.exp,
  log: F.log,
  sqrt: (a) => powNumber(a, 0.5),
  abs: F.Abs,
  sin: F.sin,
  cos: F.cos,
  tan: F.tan,
  asin: F.asin,
  acos: F.acos,
  atan: F.atan,
  atan2: F.atan2,
  sinh: F.sinh,
  cosh: F.cosh,
  tanh: F.tanh,
  asinh: F.asinh,
  acosh: F.acosh,
  atanh: F.atanh,
  erf: F.erf,
  erfc: F.erfc,
  gamma: F.gamma,
  polygamma: F.polygamma,
};
