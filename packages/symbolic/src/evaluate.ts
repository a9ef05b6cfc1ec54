/**
 * Numeric evaluation: `evaluate` on float64 numbers, and `evaluateWith` on any {@link Algebra}
 * (dual numbers, autograd `Value`s, …). Both refuse to guess: a symbol without a value throws an
 * `UnboundSymbolError` naming it — never a silent 0 or NaN.
 */
import { expected } from "@neurogebra/internal";

import type { Condition, RelationOperator } from "./condition.js";
import type { Algebra } from "./algebra.js";
import { assertNever } from "./expr.js";
import type { Bindings, Expr } from "./expr.js";
import type { FunctionName } from "./functions.js";
import { NUMERIC_FUNCTIONS, constantValue, powNumber } from "./numeric-functions.js";
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
    throw new TypeError(expected(where, "vars to be an object like { x: 1 }", vars));
  }
  for (const [k, v] of Object.entries(vars)) {
    if (typeof v !== "number") {
      throw new TypeError(expected(where, `vars.${k} to be a number`, v));
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

/**
 * The value of `e`. With a `memo`, every compound node is computed once however often it is
 * shared (`compile` folds constant subtrees so); without, the tree is walked as written.
 */
function ev(e: Expr, vars: Bindings, memo?: Map<Expr, number>): number {
  if (memo === undefined || e.depth === 1) return evNode(e, vars, memo);
  let v = memo.get(e);
  if (v === undefined) {
    v = evNode(e, vars, memo);
    memo.set(e, v);
  }
  return v;
}

function evNode(e: Expr, vars: Bindings, memo: Map<Expr, number> | undefined): number {
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
      return constantValue(e.name);
    case "add": {
      let s = ev(e.terms[0]!, vars, memo);
      for (let i = 1; i < e.terms.length; i++) s += ev(e.terms[i]!, vars, memo);
      return s;
    }
    case "mul": {
      let p = ev(e.factors[0]!, vars, memo);
      for (let i = 1; i < e.factors.length; i++) p *= ev(e.factors[i]!, vars, memo);
      return p;
    }
    case "pow":
      return powNumber(ev(e.base, vars, memo), ev(e.exponent, vars, memo));
    case "call": {
      const f = NUMERIC_FUNCTIONS[e.fn];
      if (e.args.length === 1) return f(ev(e.args[0]!, vars, memo));
      if (e.args.length === 2) return f(ev(e.args[0]!, vars, memo), ev(e.args[1]!, vars, memo));
      // Max/Min of many arguments, pairwise (no spread: any number of arguments fits the stack).
      let r = ev(e.args[0]!, vars, memo);
      for (let i = 1; i < e.args.length; i++) r = f(r, ev(e.args[i]!, vars, memo));
      return r;
    }
    case "piecewise":
      for (const p of e.pieces) if (holds(p.condition, vars, memo)) return ev(p.value, vars, memo);
      throw noBranchError("evaluate");
    default:
      return assertNever(e, "evaluate");
  }
}

function holds(c: Condition, vars: Bindings, memo: Map<Expr, number> | undefined): boolean {
  switch (c.kind) {
    case "boolean":
      return c.value;
    case "relation":
      return compare(c.op, ev(c.lhs, vars, memo), ev(c.rhs, vars, memo));
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
 * evaluate(parse("Max(0, x)"), { x: -2 }); // → 0
 * ```
 */
export function evaluate(expr: Expr, vars: Bindings = {}): number {
  return ev(expr, checkBindings("evaluate", vars));
}

/** The value of a tree without symbols, each shared subtree computed once (the doubles of `evaluate`). */
export function evaluateConstant(expr: Expr): number {
  return ev(expr, {}, new Map());
}

/** An algebra element, boxed so it is never confused with a plain number (T may be number). */
class Lifted<T> {
  constructor(readonly v: T) {}
}

type Item<T> = number | Lifted<T>;

class AlgebraEvaluator<T> {
  constructor(
    private readonly alg: Algebra<T>,
    private readonly vars: Readonly<Record<string, T | number>>,
  ) {}

  private lift(a: Item<T>): T {
    return typeof a === "number" ? this.alg.constant(a) : a.v;
  }

  private value(a: Item<T>): number {
    return typeof a === "number" ? a : this.alg.valueOf(a.v);
  }

  private missing(method: string, e: Expr): never {
    throw new TypeError(`evaluateWith: the algebra has no ${method}() method, needed by ${e.toString()}`);
  }

  private add(a: Item<T>, b: Item<T>): Item<T> {
    return typeof a === "number" && typeof b === "number"
      ? a + b
      : new Lifted(this.alg.add(this.lift(a), this.lift(b)));
  }

  private mul(a: Item<T>, b: Item<T>): Item<T> {
    return typeof a === "number" && typeof b === "number"
      ? a * b
      : new Lifted(this.alg.mul(this.lift(a), this.lift(b)));
  }

  private div(a: Item<T>, b: Item<T>): Item<T> {
    return typeof a === "number" && typeof b === "number"
      ? a / b
      : new Lifted(this.alg.div(this.lift(a), this.lift(b)));
  }

  private pow(a: Item<T>, k: Item<T>): Item<T> {
    if (typeof k !== "number") {
      // A varying exponent: a**k = exp(k log a).
      return new Lifted(this.alg.exp(this.alg.mul(k.v, this.alg.log(this.lift(a)))));
    }
    if (typeof a === "number") return powNumber(a, k);
    if (k === 1) return a;
    if (k === 0.5 && this.alg.sqrt) return new Lifted(this.alg.sqrt(a.v));
    return new Lifted(this.alg.pow(a.v, k));
  }

  run(e: Expr): Item<T> {
    switch (e.kind) {
      case "rational":
        return ratToNumber(e.ratio);
      case "float":
        return e.value;
      case "constant":
        return constantValue(e.name);
      case "symbol": {
        if (!Object.hasOwn(this.vars, e.name)) {
          throw new UnboundSymbolError("evaluateWith", e.name, Object.keys(this.vars));
        }
        const v = this.vars[e.name]!;
        return typeof v === "number" ? v : new Lifted(v);
      }
      case "add": {
        let s = this.run(e.terms[0]!);
        for (let i = 1; i < e.terms.length; i++) s = this.add(s, this.run(e.terms[i]!));
        return s;
      }
      case "mul": {
        let p: Item<T> | undefined;
        for (const f of e.factors) {
          // A factor b**(-k) divides (so Value graphs use div, as a person would write them).
          if (f.kind === "pow" && f.exponent.kind === "rational" && f.exponent.p < 0n) {
            const denominator = this.pow(this.run(f.base), -ratToNumber(f.exponent.ratio));
            p = this.div(p ?? 1, denominator);
          } else {
            const v = this.run(f);
            p = p === undefined ? v : this.mul(p, v);
          }
        }
        return p!;
      }
      case "pow":
        return this.pow(this.run(e.base), this.run(e.exponent));
      case "call": {
        const args: Item<T>[] = [];
        for (const a of e.args) args.push(this.run(a));
        return this.call(e.fn, args, e);
      }
      case "piecewise":
        for (const p of e.pieces) if (this.holds(p.condition)) return this.run(p.value);
        throw noBranchError("evaluateWith");
      default:
        return assertNever(e, "evaluateWith");
    }
  }

  private holds(c: Condition): boolean {
    switch (c.kind) {
      case "boolean":
        return c.value;
      case "relation":
        return compare(c.op, this.value(this.run(c.lhs)), this.value(this.run(c.rhs)));
      default:
        return assertNever(c, "evaluateWith");
    }
  }

  private call(fn: FunctionName, args: readonly Item<T>[], e: Expr): Item<T> {
    if (args.every((a) => typeof a === "number")) return NUMERIC_FUNCTIONS[fn](...(args as number[]));
    const alg = this.alg;
    const a = args[0]!;
    const u = (): T => this.lift(a);
    const one = (f: ((x: T) => T) | undefined, name: string): Item<T> =>
      f === undefined ? this.missing(name, e) : new Lifted(f.call(alg, u()));
    switch (fn) {
      case "exp":
        return new Lifted(alg.exp(u()));
      case "log":
        return new Lifted(alg.log(u()));
      case "Abs":
        if (alg.abs) return new Lifted(alg.abs(u()));
        return this.value(a) < 0 ? new Lifted(alg.neg(u())) : a;
      case "sin":
        return one(alg.sin, "sin");
      case "cos":
        return one(alg.cos, "cos");
      case "tan":
        return one(alg.tan, "tan");
      case "asin":
        return one(alg.asin, "asin");
      case "acos":
        return one(alg.acos, "acos");
      case "atan":
        return one(alg.atan, "atan");
      case "erf":
        return one(alg.erf, "erf");
      case "erfc":
        return one(alg.erfc, "erfc");
      case "gamma":
        return one(alg.gamma, "gamma");
      case "atan2":
        if (!alg.atan2) return this.missing("atan2", e);
        return new Lifted(alg.atan2(this.lift(a), this.lift(args[1]!)));
      case "polygamma": {
        if (typeof a !== "number") return this.missing("polygamma with a constant order", e);
        if (!alg.polygamma) return this.missing("polygamma", e);
        return new Lifted(alg.polygamma(a, this.lift(args[1]!)));
      }
      case "tanh": {
        if (alg.tanh) return new Lifted(alg.tanh(u()));
        // tanh(a) = 1 − 2/(exp(2a) + 1): saturates cleanly at ±1 without overflow.
        const e2 = this.add(new Lifted(alg.exp(alg.mul(alg.constant(2), u()))), 1);
        return this.add(1, this.mul(-2, this.div(1, e2)));
      }
      case "sinh":
      case "cosh": {
        const own = fn === "sinh" ? alg.sinh : alg.cosh;
        if (own) return new Lifted(own.call(alg, u()));
        const ep = new Lifted(alg.exp(u()));
        const em = new Lifted(alg.exp(alg.neg(u())));
        return this.mul(0.5, this.add(ep, fn === "sinh" ? this.mul(-1, em) : em));
      }
      case "asinh":
      case "acosh": {
        const own = fn === "asinh" ? alg.asinh : alg.acosh;
        if (own) return new Lifted(own.call(alg, u()));
        const root = this.pow(this.add(this.mul(a, a), fn === "asinh" ? 1 : -1), 0.5);
        return new Lifted(alg.log(this.lift(this.add(a, root))));
      }
      case "atanh": {
        if (alg.atanh) return new Lifted(alg.atanh(u()));
        const ratio = this.div(this.add(1, a), this.add(1, this.mul(-1, a)));
        return this.mul(0.5, new Lifted(alg.log(this.lift(ratio))));
      }
      case "floor":
      case "sign":
      case "Heaviside":
        return NUMERIC_FUNCTIONS[fn](this.value(a)); // piecewise constant
      case "Max":
      case "Min": {
        let best = a;
        let bestValue = this.value(a);
        for (let i = 1; i < args.length; i++) {
          const v = this.value(args[i]!);
          if (fn === "Max" ? v > bestValue : v < bestValue) {
            best = args[i]!;
            bestValue = v;
          }
        }
        return best;
      }
      default:
        return assertNever(fn, "evaluateWith");
    }
  }
}

/**
 * Evaluates `expr` over an {@link Algebra}. Each symbol is bound in `vars` either to an algebra
 * element (it varies: gradients flow to it) or to a plain number (a constant). Subtrees without
 * algebra elements are computed on plain numbers; the result is always lifted into the algebra.
 *
 * @throws UnboundSymbolError when a symbol has no value; TypeError when the algebra lacks a needed method.
 * @example
 * ```ts
 * // forward-mode dual numbers, Value-style reverse mode, intervals, … — here plain numbers:
 * evaluateWith(parse("x*exp(y)"), numberAlgebra, { x: 2, y: 0 }); // → 2
 * ```
 */
export function evaluateWith<T>(
  expr: Expr,
  algebra: Algebra<T>,
  vars: Readonly<Record<string, T | number>>,
): T {
  if (typeof algebra !== "object" || algebra === null) {
    throw new TypeError(expected("evaluateWith", "an algebra object", algebra));
  }
  for (const m of ["constant", "valueOf", "add", "mul", "div", "neg", "pow", "exp", "log"] as const) {
    if (typeof algebra[m] !== "function") {
      throw new TypeError(expected("evaluateWith", `the algebra to have a ${m}() method`, algebra[m]));
    }
  }
  if (typeof vars !== "object" || vars === null) {
    throw new TypeError(expected("evaluateWith", "vars to be an object", vars));
  }
  const r = new AlgebraEvaluator(algebra, vars).run(expr);
  return typeof r === "number" ? algebra.constant(r) : r.v;
}
