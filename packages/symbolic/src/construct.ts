/**
 * Smart constructors: the only way trees are built (those of Piecewise and its conditions are in
 * `piecewise.ts`). Like SymPy's automatic evaluation they keep
 * every tree canonical — sums and products flattened and sorted, numbers folded (exactly for
 * rationals), like terms and equal bases combined, trivial function values evaluated — so that
 * derivatives come out already simplified and structurally equal trees print the same.
 */
import { expected } from "@neurogebra/internal";

import {
  AddNode,
  BaseExpr,
  FloatNode,
  HALF,
  MulNode,
  NAN,
  NEG_ONE,
  ONE,
  PowNode,
  RationalNode,
  SymbolNode,
  ZERO,
  ZOO,
} from "./expr.js";
import type { Expr } from "./expr.js";
import { ExprMap } from "./expr-map.js";
import { call } from "./call.js";
import { asBaseExp, compareExpr, compareTerms } from "./order.js";
import { addOneTerm } from "./sum-insertion.js";
import { LimitExceededError, MAX_RATIONAL_BITS } from "./limits.js";
import { bitLength, isInteger, ratAdd, ratMul, ratPowInt, ratRoot, ratToNumber, ratio } from "./rational.js";
import type { Ratio } from "./rational.js";

/**
 * A numeric leaf: an exact rational or a float.
 *
 * @example
 * ```ts
 * const n: Numeric = num(3) as Numeric;
 * ```
 */
export type Numeric = RationalNode | FloatNode;

/**
 * What the constructors accept as an operand: a tree or a plain number.
 *
 * @example
 * ```ts
 * const a: ExprLike = 2;
 * ```
 */
export type ExprLike = Expr | number;

const RESERVED_NAMES = new Set(["pi", "E", "I", "oo", "nan", "zoo", "True", "False"]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Returns true for a rational or float leaf. */
export function isNumeric(e: Expr): e is Numeric {
  return e.kind === "rational" || e.kind === "float";
}

/** The float64 value of a numeric leaf. */
export function numericValue(e: Numeric): number {
  return e.kind === "rational" ? ratToNumber(e.ratio) : e.value;
}

/** Exact numbers up to MAX_RATIONAL_BITS: compared, never measured (bit length costs O(n)). */
const RATIONAL_BOUND = 1n << BigInt(MAX_RATIONAL_BITS);

export function rationalNode(r: Ratio): RationalNode {
  if (r.p >= RATIONAL_BOUND || -r.p >= RATIONAL_BOUND || r.q >= RATIONAL_BOUND) {
    const bits = Math.max(bitLength(r.p), bitLength(r.q));
    throw new LimitExceededError("rational bits", MAX_RATIONAL_BITS, `a result of ${bits} bits`);
  }
  if (r.q === 1n) {
    if (r.p === 0n) return ZERO;
    if (r.p === 1n) return ONE;
    if (r.p === -1n) return NEG_ONE;
  }
  if (r.p === 1n && r.q === 2n) return HALF;
  return new RationalNode(r.p, r.q);
}

export function isZeroNumber(e: Expr): boolean {
  return (e.kind === "rational" && e.p === 0n) || (e.kind === "float" && e.value === 0);
}

export function isOneNumber(e: Expr): boolean {
  return (e.kind === "rational" && e.p === 1n && e.q === 1n) || (e.kind === "float" && e.value === 1);
}

export function isNaNNumber(e: Expr): boolean {
  return e.kind === "float" && Number.isNaN(e.value);
}

export function isZoo(e: Expr): boolean {
  return e.kind === "constant" && e.name === "zoo";
}

/** `zoo` or a product with a factor `zoo` (which has absorbed any numeric coefficient). */
export function isZooTerm(e: Expr): boolean {
  return isZoo(e) || (e.kind === "mul" && e.factors.some(isZoo));
}

export function isIntegerRational(e: Expr): e is RationalNode {
  return e.kind === "rational" && e.q === 1n;
}

/** True when `e` is a number below zero or a product with a negative numeric coefficient. */
export function hasNegativeCoefficient(e: Expr): boolean {
  if (e.kind === "rational") return e.p < 0n;
  if (e.kind === "float") return e.value < 0;
  return e.kind === "mul" && hasNegativeCoefficient(e.factors[0]!);
}

export function addNumeric(a: Numeric, b: Numeric): Numeric {
  if (a.kind === "rational" && b.kind === "rational") return rationalNode(ratAdd(a.ratio, b.ratio));
  return new FloatNode(numericValue(a) + numericValue(b));
}

function mulNumeric(a: Numeric, b: Numeric): Numeric {
  if (a.kind === "rational" && b.kind === "rational") return rationalNode(ratMul(a.ratio, b.ratio));
  return new FloatNode(numericValue(a) * numericValue(b));
}

/** Accepts a tree or a plain number; anything else is a TypeError naming `where`. */
export function toExpr(x: unknown, where: string): Expr {
  if (x instanceof BaseExpr) return x as Expr;
  if (typeof x === "number") return num(x);
  if (typeof x === "bigint") return rationalNode({ p: x, q: 1n });
  throw new TypeError(expected(where, "an expression or a number", x));
}

/**
 * A number leaf: integer-valued numbers and bigints become exact integers, other numbers floats.
 *
 * @example
 * ```ts
 * num(3).toString();   // → "3"
 * num(0.25).toString(); // → "0.25"
 * ```
 */
export function num(value: number | bigint): Numeric {
  if (typeof value === "bigint") return rationalNode({ p: value, q: 1n });
  if (typeof value !== "number") {
    throw new TypeError(expected("num", "a number or bigint", value));
  }
  if (Number.isInteger(value)) return rationalNode({ p: BigInt(value), q: 1n });
  return new FloatNode(value);
}

/**
 * The exact rational `p/q`.
 *
 * @example
 * ```ts
 * rational(2, 6).toString(); // → "1/3"
 * ```
 */
export function rational(p: number | bigint, q: number | bigint = 1): RationalNode {
  const asBig = (v: number | bigint, name: string): bigint => {
    if (typeof v === "bigint") return v;
    if (typeof v === "number" && Number.isInteger(v)) return BigInt(v);
    throw new TypeError(expected("rational", `${name} to be an integer`, v));
  };
  const den = asBig(q, "q");
  if (den === 0n) throw new RangeError("rational: expected a non-zero denominator q, got 0");
  return rationalNode(ratio(asBig(p, "p"), den));
}

/**
 * An inexact float leaf (printed with a decimal point, e.g. `2.0`).
 *
 * @example
 * ```ts
 * float(2).toString(); // → "2.0"
 * ```
 */
export function float(value: number): FloatNode {
  if (typeof value !== "number") {
    throw new TypeError(expected("float", "a number", value));
  }
  return new FloatNode(value);
}

/**
 * A real-valued symbol. Names are identifiers; `pi`, `E`, `I`, `oo`, `nan`, `True`, `False` are reserved.
 *
 * @example
 * ```ts
 * sym("lambda_reg").toLatex(); // → "\\lambda_{reg}"
 * ```
 */
export function sym(name: string): SymbolNode {
  if (typeof name !== "string" || !IDENTIFIER.test(name)) {
    throw new TypeError(expected("sym", `an identifier like "x" or "y_pred"`, name));
  }
  if (RESERVED_NAMES.has(name)) {
    throw new TypeError(`sym: "${name}" is reserved (a constant), choose another symbol name`);
  }
  return new SymbolNode(name);
}

export function splitCoefficient(e: Expr): readonly [Numeric, Expr] {
  if (e.kind === "mul" && isNumeric(e.factors[0]!)) {
    const rest = e.factors.length === 2 ? e.factors[1]! : new MulNode(e.factors.slice(1));
    return [e.factors[0], rest];
  }
  return [ONE, e];
}

export function withCoefficient(c: Numeric, rest: Expr): Expr {
  if (isOneNumber(c)) return rest;
  return new MulNode(rest.kind === "mul" ? [c, ...rest.factors] : [c, rest]);
}

/**
 * The sum of the operands, flattened, with like terms and numbers combined.
 *
 * @example
 * ```ts
 * add(sym("x"), sym("x"), 1).toString(); // → "2*x + 1"
 * ```
 */
export function add(...operands: readonly ExprLike[]): Expr {
  return addAll(operands);
}

/** {@link add} of an array (no spread, so a sum of any length fits on the call stack). */
export function addAll(operands: readonly ExprLike[]): Expr {
  if (operands.length === 2) {
    const [a, b] = operands;
    if (a instanceof AddNode && b instanceof BaseExpr) {
      const sum = addOneTerm(a, b);
      if (sum !== undefined) return sum;
    }
  }
  let constant: Numeric = ZERO;
  const groups = new ExprMap<{ rest: Expr; coeff: Numeric }>();
  const zooTerms: Expr[] = [];
  const visit = (e: Expr): void => {
    if (e.kind === "add") {
      for (const t of e.terms) visit(t);
    } else if (isNumeric(e)) {
      constant = addNumeric(constant, e);
    } else if (isZooTerm(e)) {
      zooTerms.push(e);
    } else {
      const [coeff, rest] = splitCoefficient(e);
      const g = groups.get(rest);
      if (g === undefined) groups.set(rest, { rest, coeff });
      else g.coeff = addNumeric(g.coeff, coeff);
    }
  };
  for (const o of operands) visit(toExpr(o, "add"));
  // As in SymPy: nan + u = nan; zoo + zoo and zoo + oo have no value (nan); zoo + finite = zoo.
  if (isNaNNumber(constant)) return NAN;
  if (zooTerms.length > 1 || (zooTerms.length === 1 && !Number.isFinite(numericValue(constant)))) return NAN;
  if (zooTerms.length === 1 && isZoo(zooTerms[0]!)) constant = ZERO; // zoo + 1 = zoo
  const terms: Expr[] = [...zooTerms];
  for (const { rest, coeff } of groups.values()) {
    if (!isZeroNumber(coeff)) terms.push(withCoefficient(coeff, rest));
  }
  if (terms.length === 0) return constant;
  if (!isZeroNumber(constant)) terms.push(constant);
  if (terms.length === 1) return terms[0]!;
  terms.sort(compareTerms);
  return new AddNode(terms);
}

/**
 * `a - b`.
 *
 * @example
 * ```ts
 * sub(sym("x"), 1).toString(); // → "x - 1"
 * ```
 */
export function sub(a: ExprLike, b: ExprLike): Expr {
  return add(a, mul(NEG_ONE, toExpr(b, "sub")));
}

/**
 * `-a`.
 *
 * @example
 * ```ts
 * neg(sym("x")).toString(); // → "-x"
 * ```
 */
export function neg(a: ExprLike): Expr {
  return mul(NEG_ONE, toExpr(a, "neg"));
}

/**
 * The product of the operands, flattened: numbers folded, equal bases combined into powers
 * (`x*x` → `x**2`), `exp(a)*exp(b)` → `exp(a + b)`, and a number times a sum distributed.
 *
 * @example
 * ```ts
 * mul(2, sym("x"), sym("x")).toString(); // → "2*x**2"
 * ```
 */
export function mul(...operands: readonly ExprLike[]): Expr {
  return mulAll(operands);
}

/** {@link mul} of an array (no spread, so a product of any length fits on the call stack). */
export function mulAll(operands: readonly ExprLike[]): Expr {
  let coeff: Numeric = ONE;
  const groups = new ExprMap<{ base: Expr; exponents: Expr[] }>();
  const expArgs: Expr[] = [];
  let zoo = false;
  const visit = (e: Expr): void => {
    if (e.kind === "mul") {
      for (const f of e.factors) visit(f);
    } else if (isNumeric(e)) {
      coeff = mulNumeric(coeff, e);
    } else if (isZoo(e)) {
      zoo = true;
    } else if (e.kind === "call" && e.fn === "exp") {
      expArgs.push(e.args[0]!);
    } else {
      const [base, exponent] = asBaseExp(e);
      const g = groups.get(base);
      if (g === undefined) groups.set(base, { base, exponents: [exponent] });
      else g.exponents.push(exponent);
    }
  };
  for (const o of operands) visit(toExpr(o, "mul"));
  // As in SymPy: nan·u = nan, 0·zoo = nan, and zoo absorbs every other number (2·zoo = zoo).
  if (isNaNNumber(coeff) || (zoo && isZeroNumber(coeff))) return NAN;
  if (isZeroNumber(coeff)) return coeff;
  if (zoo) coeff = ONE;

  const factors: Expr[] = zoo ? [ZOO] : [];
  let renormalise = false;
  const push = (f: Expr): void => {
    if (isOneNumber(f) && f.kind === "rational") return;
    if (isNumeric(f) || f.kind === "mul") renormalise = true;
    factors.push(f);
  };
  for (const { base, exponents } of groups.values()) {
    push(exponents.length === 1 ? combinePow(base, exponents[0]!) : pow(base, addAll(exponents)));
  }
  if (expArgs.length > 0) {
    const e = call("exp", expArgs.length === 1 ? expArgs[0]! : addAll(expArgs));
    if (!(e.kind === "call" && e.fn === "exp")) renormalise = true;
    push(e);
  }
  if (renormalise) return mulAll([coeff, ...factors]);

  factors.sort(compareExpr);
  if (factors.length === 0) return coeff;
  if (!isOneNumber(coeff) && factors.length === 1 && factors[0]!.kind === "add") {
    const c = coeff;
    return addAll(factors[0]!.terms.map((t) => mul(c, t)));
  }
  if (isOneNumber(coeff) && factors.length === 1) return factors[0]!;
  return new MulNode(isOneNumber(coeff) ? factors : [coeff, ...factors]);
}

/** A single factor that was already a canonical `base**exponent` (or bare base): keep it as is. */
function combinePow(base: Expr, exponent: Expr): Expr {
  return exponent === ONE ? base : pow(base, exponent);
}

/**
 * `a / b` (a product with `b**-1`, as in SymPy).
 *
 * @example
 * ```ts
 * div(1, add(1, call("exp", neg(sym("x"))))).toString(); // → "1/(exp(-x) + 1)"
 * ```
 */
export function div(a: ExprLike, b: ExprLike): Expr {
  return mul(a, pow(toExpr(b, "div"), NEG_ONE));
}

/**
 * `sqrt(a)`, i.e. `a**(1/2)`.
 *
 * @example
 * ```ts
 * sqrt(4).toString(); // → "2"
 * ```
 */
export function sqrt(a: ExprLike): Expr {
  return pow(toExpr(a, "sqrt"), HALF);
}

function numericPow(b: Numeric, e: Numeric): Expr {
  if (b.kind === "rational" && e.kind === "rational") {
    if (isInteger(e.ratio)) {
      const r = ratPowInt(b.ratio, e.p);
      if (r !== undefined) return rationalNode(r);
      if (b.p === 0n) return ZOO; // 0**-n, as in SymPy
      return new PowNode(b, e); // too large to write out: kept exact as a power (3**5000)
    }
    const root = ratRoot(b.ratio, e.q);
    if (root !== undefined) return numericPow(rationalNode(root), rationalNode({ p: e.p, q: 1n }));
    return new PowNode(b, e);
  }
  const v = Math.pow(numericValue(b), numericValue(e));
  return Number.isNaN(v) ? new PowNode(b, e) : new FloatNode(v);
}

/**
 * `base ** exponent`, simplified: `x**0 = 1`, `x**1 = x`, exact rational powers and roots,
 * `(x**a)**n = x**(a*n)` and `(x*y)**n = x**n*y**n` for integer `n`, `E**u = exp(u)`.
 *
 * @example
 * ```ts
 * pow(sym("x"), rational(1, 2)).toString(); // → "sqrt(x)"
 * ```
 */
export function pow(base: ExprLike, exponent: ExprLike): Expr {
  const b = toExpr(base, "pow");
  const e = toExpr(exponent, "pow");
  if (isZeroNumber(e) && e.kind === "rational") return ONE;
  if (isNaNNumber(e) || isZoo(e) || isNaNNumber(b)) return NAN; // as in SymPy: x**zoo, 1**nan
  if (isOneNumber(e) && e.kind === "rational") return b;
  if (b.kind === "rational" && b.p === 1n && b.q === 1n) return ONE;
  if (isZoo(b) && isNumeric(e)) {
    const k = numericValue(e);
    return k > 0 ? ZOO : k < 0 ? ZERO : ONE; // zoo**2 = zoo, 1/zoo = 0
  }
  if (isNumeric(b) && isNumeric(e)) return numericPow(b, e);
  if (b.kind === "constant" && b.name === "E") return call("exp", e);
  if (isIntegerRational(e)) {
    if (b.kind === "pow") return pow(b.base, mul(b.exponent, e));
    if (b.kind === "mul") return mulAll(b.factors.map((f) => pow(f, e)));
  }
  if (b.kind === "call" && b.fn === "exp" && e.kind === "rational") return call("exp", mul(e, b.args[0]!));
  return new PowNode(b, e);
}
