/**
 * Numeric evaluation on float64 numbers. It refuses to guess: a symbol without a value throws an
 * `UnboundSymbolError` naming it — never a silent 0 or NaN.
 */
import { assertNever } from "./expr.js";
import type { Bindings, Condition, Expr, RelationOperator } from "./expr.js";
import { NUMERIC_FUNCTIONS, powNumber } from "./numeric-functions.js";
import { ratToNumber } from "./rational.js";

/**
 * Thrown when an expression is evaluated or compiled without a value for one of its symbols.
 *
 * @example
 * ```ts
 * try { parse("x + y").evaluate({ x: 1 }); } catch (e) { (e as UnboundSymbolError).symbol; } // "y"
 * ```
 */
export class UnboundSymbolError extends TypeError {
  /** The symbol that had no value. */
  readonly symbol: string;
  constructor(where: string, symbol: string, bound: readonly string[]) {
    super(
      `${where}: no value for symbol "${symbol}" (bound: ${bound.length === 0 ? "nothing" : bound.join(", ")})`,
    );
    this.name = "UnboundSymbolError";
    this.symbol = symbol;
  }
}

/** Checks that `vars` is a plain record of numbers; returns it. */
export function checkBindings(where: string, vars: unknown): Bindings {
  if (typeof vars !== "object" || vars === null || Array.isArray(vars)) {
    throw new TypeError(`${where}: expected vars to be an object like { x: 1 }, received ${String(vars)}`);
  }
  for (const [k, v] of Object.entries(vars)) {
    if (typeof v !== "number") {
      throw new TypeError(`${where}: expected vars.${k} to be a number, received ${typeof v}`);
    }
  }
  return vars as Bindings;
}

function compare(op: RelationOperator, l: number, r: number): boolean {
  switch (op) {
    case "<":
      return l < r;
    case "<=":
      return l <= r;
    case ">":
      return l > r;
    case ">=":
      return l >= r;
    case "==":
      return l === r;
    case "!=":
      return l !== r;
    default:
      return assertNever(op, "compare");
  }
}

/** The error for a Piecewise none of whose conditions holds (SymPy would return nan). */
export function noBranchError(where: string): RangeError {
  return new RangeError(`${where}: no Piecewise condition holds for these values (the result is undefined)`);
}

function ev(e: Expr, vars: Bindings): number {
  switch (e.kind) {
    case "rational":
      return ratToNumber(e.ratio);
    case "float":
      return e.value;
    case "symbol": {
      // Own properties only: a symbol named "constructor" must not find Object.prototype's.
      if (!Object.hasOwn(vars, e.name)) throw new UnboundSymbolError("evaluate", e.name, Object.keys(vars));
      return vars[e.name]!;
    }
    case "constant":
      return e.name === "pi" ? Math.PI : Math.E;
    case "add": {
      let s = ev(e.terms[0]!, vars);
      for (let i = 1; i < e.terms.length; i++) s += ev(e.terms[i]!, vars);
      return s;
    }
    case "mul": {
      let p = ev(e.factors[0]!, vars);
      for (let i = 1; i < e.factors.length; i++) p *= ev(e.factors[i]!, vars);
      return p;
    }
    case "pow":
      return powNumber(ev(e.base, vars), ev(e.exponent, vars));
    case "call": {
      const f = NUMERIC_FUNCTIONS[e.fn];
      if (e.args.length === 1) return f(ev(e.args[0]!, vars));
      return f(...e.args.map((a) => ev(a, vars)));
    }
    case "piecewise":
      for (const p of e.pieces) if (holds(p.condition, vars)) return ev(p.value, vars);
      throw noBranchError("evaluate");
    default:
      return assertNever(e, "evaluate");
  }
}

function holds(c: Condition, vars: Bindings): boolean {
  switch (c.kind) {
    case "boolean":
      return c.value;
    case "relation":
      return compare(c.op, ev(c.lhs, vars), ev(c.rhs, vars));
    default:
      return assertNever(c, "holds");
  }
}

/**
 * The float64 value of `expr` with its symbols bound by `vars`. IEEE semantics (`log(0)` is
 * `-Infinity`); `Heaviside(0)` is 1/2 as in SymPy.
 *
 * @throws UnboundSymbolError when a symbol has no value; RangeError when no Piecewise branch applies.
 * @example
 * ```ts
 * evaluate(parse("Max(0, x)"), { x: -2 }); // 0
 * ```
 */
export function evaluate(expr: Expr, vars: Bindings = {}): number {
  return ev(expr, checkBindings("evaluate", vars));
}
