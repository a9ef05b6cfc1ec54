/**
 * The functions the CAS knows, by their SymPy names, with how many arguments each takes.
 * `sqrt` is not here: like SymPy, `sqrt(u)` is the power `u**(1/2)`.
 *
 * @example
 * ```ts
 * FUNCTION_NAMES.includes("tanh"); // → true
 * FUNCTION_NAMES.length; // → 25
 * ```
 */
export const FUNCTION_NAMES = [
  "exp",
  "log",
  "Abs",
  "sin",
  "cos",
  "tan",
  "asin",
  "acos",
  "atan",
  "atan2",
  "sinh",
  "cosh",
  "tanh",
  "asinh",
  "acosh",
  "atanh",
  "erf",
  "erfc",
  "gamma",
  "polygamma",
  "floor",
  "sign",
  "Heaviside",
  "Max",
  "Min",
] as const;

/**
 * A function name of the CAS, spelled as SymPy prints it.
 *
 * @example
 * ```ts
 * const f: FunctionName = "Heaviside";
 * ```
 */
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** Argument count of each function; `"variadic"` means one or more (Max, Min). */
export const FUNCTION_ARITY: Readonly<Record<FunctionName, number | "variadic">> = {
  exp: 1,
  log: 1,
  Abs: 1,
  sin: 1,
  cos: 1,
  tan: 1,
  asin: 1,
  acos: 1,
  atan: 1,
  atan2: 2,
  sinh: 1,
  cosh: 1,
  tanh: 1,
  asinh: 1,
  acosh: 1,
  atanh: 1,
  erf: 1,
  erfc: 1,
  gamma: 1,
  polygamma: 2,
  floor: 1,
  sign: 1,
  Heaviside: 1,
  Max: "variadic",
  Min: "variadic",
};

/** Returns true when `name` is one of {@link FUNCTION_NAMES}. */
export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTION_ARITY, name);
}

/**
 * Other spellings the parser accepts for a function (NumPy / Python / textbook names).
 * Names that are not a single function (sqrt, cbrt, digamma, two-argument log) are handled by the parser.
 */
export const FUNCTION_ALIASES: Readonly<Record<string, FunctionName>> = {
  abs: "Abs",
  ln: "log",
  arcsin: "asin",
  arccos: "acos",
  arctan: "atan",
  arctan2: "atan2",
  arcsinh: "asinh",
  arccosh: "acosh",
  arctanh: "atanh",
  max: "Max",
  min: "Min",
  heaviside: "Heaviside",
  sgn: "sign",
  gamma_func: "gamma",
};
