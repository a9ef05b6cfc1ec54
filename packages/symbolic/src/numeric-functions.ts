/**
 * The float64 implementation of every function, shared by `evaluate`, `compile` and the
 * constructors' constant folding so that all three give bit-identical results.
 */
import type { ConstantNode } from "./expr.js";
import type { FunctionName } from "./functions.js";
import { erf, erfc, gamma, heaviside, polygamma } from "./special-functions.js";

/** Float64 implementation of each {@link FunctionName}. */
export const NUMERIC_FUNCTIONS: Readonly<Record<FunctionName, (...args: number[]) => number>> = {
  exp: Math.exp,
  log: Math.log,
  Abs: Math.abs,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  atan2: Math.atan2,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  erf,
  erfc,
  gamma,
  polygamma,
  floor: Math.floor,
  sign: Math.sign,
  Heaviside: heaviside,
  Max: Math.max,
  Min: Math.min,
};

/** The float64 value of a named constant; `zoo` (complex infinity) has no real value: NaN. */
export function constantValue(name: ConstantNode["name"]): number {
  switch (name) {
    case "pi":
      return Math.PI;
    case "E":
      return Math.E;
    case "zoo":
      return NaN;
    default: {
      const never: never = name;
      throw new TypeError(`constantValue: unknown constant ${String(never)}`);
    }
  }
}

/**
 * `base ** exponent` with the fast paths `compile` emits (square, reciprocal, square root), so
 * that `evaluate` and compiled functions agree to the last bit.
 */
export function powNumber(base: number, exponent: number): number {
  if (exponent === 2) return base * base;
  if (exponent === -1) return 1 / base;
  if (exponent === 0.5) return Math.sqrt(base);
  if (exponent === -0.5) return 1 / Math.sqrt(base);
  return Math.pow(base, exponent);
}
