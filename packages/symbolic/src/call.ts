/**
 * `call`: applying a function, with what SymPy evaluates automatically — exact values at exact
 * arguments, special values (`exp(0) = 1`, `cos(pi) = -1`), floats, inverse pairs, symmetry and
 * nested Max/Min.
 */
import { expected } from "@neurogebra/internal";

import {
  hasNegativeCoefficient,
  isIntegerRational,
  isNaNNumber,
  isNumeric,
  isZeroNumber,
  neg,
  numericValue,
  rationalNode,
  toExpr,
} from "./construct.js";
import type { ExprLike, Numeric } from "./construct.js";
import { CallNode, FloatNode, HALF, NAN, NEG_ONE, ONE, ZERO } from "./expr.js";
import type { Expr } from "./expr.js";
import { FUNCTION_ARITY, isFunctionName } from "./functions.js";
import type { FunctionName } from "./functions.js";
import { NUMERIC_FUNCTIONS } from "./numeric-functions.js";
import { compareExpr } from "./order.js";
import { isInteger, ratCompare, ratFloor } from "./rational.js";

const ODD_FUNCTIONS = new Set<FunctionName>([
  "sin",
  "tan",
  "asin",
  "atan",
  "sinh",
  "tanh",
  "asinh",
  "atanh",
  "erf",
  "sign",
]);
const EVEN_FUNCTIONS = new Set<FunctionName>(["cos", "cosh", "Abs"]);

/** Values at exact arguments that SymPy also evaluates: f(0), cos(pi), log(1), … */
function specialValue(fn: FunctionName, u: Expr): Expr | undefined {
  const zero = isZeroNumber(u) && u.kind === "rational";
  const one = u.kind === "rational" && u.p === 1n && u.q === 1n;
  const isPi = u.kind === "constant" && u.name === "pi";
  switch (fn) {
    case "sin":
    case "tan":
      return zero || (isPi && fn === "sin") ? ZERO : undefined;
    case "cos":
      return zero ? ONE : isPi ? NEG_ONE : undefined;
    case "asin":
    case "atan":
    case "sinh":
    case "tanh":
    case "asinh":
    case "atanh":
    case "erf":
      return zero ? ZERO : undefined;
    case "cosh":
    case "exp":
    case "erfc":
      return zero ? ONE : undefined;
    case "acos":
    case "acosh":
      return one ? ZERO : undefined;
    case "log":
      return one ? ZERO : u.kind === "constant" && u.name === "E" ? ONE : undefined;
    default:
      return undefined;
  }
}

function foldMaxMin(fn: "Max" | "Min", args: readonly Expr[]): Expr {
  const flat: Expr[] = [];
  let best: Numeric | undefined;
  const better = (a: Numeric, b: Numeric): boolean => {
    const c =
      a.kind === "rational" && b.kind === "rational"
        ? ratCompare(a.ratio, b.ratio)
        : numericValue(a) - numericValue(b);
    return fn === "Max" ? c > 0 : c < 0;
  };
  const visit = (e: Expr): void => {
    if (e.kind === "call" && e.fn === fn) e.args.forEach(visit);
    else if (isNumeric(e)) best = best === undefined || better(e, best) ? e : best;
    else if (!flat.some((f) => f.equals(e))) flat.push(e);
  };
  args.forEach(visit);
  if (best !== undefined) flat.push(best);
  if (flat.length === 1) return flat[0]!;
  flat.sort(compareExpr);
  return new CallNode(fn, flat);
}

/**
 * Applies a function, evaluating what SymPy evaluates automatically: numbers in Abs/sign/floor/
 * Heaviside/Max/Min, special values (`exp(0) = 1`, `cos(pi) = -1`), floats, `exp(log(u)) = u`,
 * `log(exp(u)) = u`, symmetry (`sin(-x) = -sin(x)`, `Abs(-x) = Abs(x)`), nested Max/Min.
 *
 * @example
 * ```ts
 * call("Max", 0, sym("x")).toString(); // → "Max(0, x)"
 * call("Heaviside", 0).toString();     // → "1/2"
 * ```
 */
export function call(fn: FunctionName, ...operands: readonly ExprLike[]): Expr {
  return callWith(fn, operands);
}

/** {@link call} with the arguments as an array. */
export function callWith(fn: FunctionName, operands: readonly ExprLike[]): Expr {
  if (typeof fn !== "string" || !isFunctionName(fn)) {
    throw new TypeError(expected("call", `a function name such as "exp" or "Max"`, fn));
  }
  const args = operands.map((o) => toExpr(o, fn));
  const arity = FUNCTION_ARITY[fn];
  if (arity === "variadic" ? args.length === 0 : args.length !== arity) {
    const expected =
      arity === "variadic" ? "at least 1 argument" : `${arity} argument${arity === 1 ? "" : "s"}`;
    throw new TypeError(`call: ${fn} expects ${expected}, got ${args.length}`);
  }
  if (args.some(isNaNNumber)) return NAN; // f(nan) = nan
  if (fn === "Max" || fn === "Min") return foldMaxMin(fn, args);
  const u = args[0]!;

  if (fn === "polygamma") {
    const n = u;
    if (isNumeric(n) && !(n.kind === "rational" && isInteger(n.ratio) && n.p >= 0n)) {
      throw new RangeError(`call: polygamma expects a non-negative integer order, got ${n.toString()}`);
    }
  }
  // Exact values on exact arguments.
  if (u.kind === "rational" && args.length === 1) {
    switch (fn) {
      case "Abs":
        return rationalNode({ p: u.p < 0n ? -u.p : u.p, q: u.q });
      case "sign":
        return u.p > 0n ? ONE : u.p < 0n ? NEG_ONE : ZERO;
      case "Heaviside":
        return u.p > 0n ? ONE : u.p < 0n ? ZERO : HALF;
      case "floor":
        return rationalNode(ratFloor(u.ratio));
      case "gamma":
        if (isInteger(u.ratio) && u.p > 0n && u.p <= 171n) {
          let f = 1n;
          for (let k = 2n; k < u.p; k++) f *= k;
          return rationalNode({ p: f, q: 1n });
        }
        break;
      default:
        break;
    }
  }
  const special = args.length === 1 ? specialValue(fn, u) : undefined;
  if (special !== undefined) return special;
  // Floats are evaluated numerically (when the result is a real number).
  if (args.every(isNumeric) && args.some((a) => a.kind === "float")) {
    const v = NUMERIC_FUNCTIONS[fn](...args.map(numericValue));
    if (!Number.isNaN(v)) return new FloatNode(v);
  }
  if (args.length === 1) {
    if (fn === "exp" && u.kind === "call" && u.fn === "log") return u.args[0]!;
    if (fn === "log" && u.kind === "call" && u.fn === "exp") return u.args[0]!;
    if ((fn === "Abs" || fn === "floor") && u.kind === "call" && u.fn === fn) return u;
    if (fn === "Abs" && u.kind === "call" && u.fn === "exp") return u;
    if (fn === "Abs" && u.kind === "pow" && isIntegerRational(u.exponent) && u.exponent.p % 2n === 0n) {
      return u;
    }
    if (hasNegativeCoefficient(u)) {
      if (ODD_FUNCTIONS.has(fn)) return neg(call(fn, neg(u)));
      if (EVEN_FUNCTIONS.has(fn)) return call(fn, neg(u));
    }
  }
  return new CallNode(fn, args);
}
