/**
 * Symbolic differentiation. Each rule builds its result with the smart constructors, so results
 * come out simplified the way SymPy prints them:
 *
 *   d/dx Max(0, x) = Heaviside(x)      d/dx tanh(x) = 1 - tanh(x)**2      d/dx Abs(u) = sign(u)*u'
 *
 * Non-smooth functions are differentiated almost everywhere: Heaviside, sign and floor have
 * derivative 0 (SymPy would write DiracDelta terms, which are zero away from the jump), and a
 * Piecewise is differentiated branch by branch with its conditions unchanged.
 */
import { expected } from "@neurogebra/internal";

import type { Condition } from "./condition.js";
import { piecewiseOf } from "./piecewise.js";
import { call, callWith } from "./call.js";
import { add, addAll, div, mul, mulAll, neg, pow, sqrt, sub, sym } from "./construct.js";
import { HALF, NEG_ONE, ONE, PI, ZERO, assertNever } from "./expr.js";
import type { CallNode, Expr, SymbolNode } from "./expr.js";

/**
 * The partial derivative of `f(args)` with respect to its `i`-th argument — the local derivative
 * of each function, next to nothing else, so every rule reads on one screen.
 */
function partial(e: CallNode, i: number): Expr {
  const u = e.args[0]!;
  switch (e.fn) {
    case "exp":
      return e; // exp' = exp
    case "log":
      return pow(u, NEG_ONE);
    case "Abs":
      return call("sign", u);
    case "sin":
      return call("cos", u);
    case "cos":
      return neg(call("sin", u));
    case "tan":
      return add(pow(call("tan", u), 2), 1);
    case "asin":
      return pow(sub(1, pow(u, 2)), neg(HALF));
    case "acos":
      return neg(pow(sub(1, pow(u, 2)), neg(HALF)));
    case "atan":
      return pow(add(pow(u, 2), 1), NEG_ONE);
    case "atan2": {
      // atan2(y, x): ∂/∂y = x/(x² + y²), ∂/∂x = −y/(x² + y²)
      const [y, x] = e.args as [Expr, Expr];
      const r2 = add(pow(x, 2), pow(y, 2));
      return i === 0 ? div(x, r2) : div(neg(y), r2);
    }
    case "sinh":
      return call("cosh", u);
    case "cosh":
      return call("sinh", u);
    case "tanh":
      return sub(1, pow(e, 2));
    case "asinh":
      return pow(add(pow(u, 2), 1), neg(HALF));
    case "acosh":
      return pow(sub(pow(u, 2), 1), neg(HALF));
    case "atanh":
      return pow(sub(1, pow(u, 2)), NEG_ONE);
    case "erf":
      return div(mul(2, call("exp", neg(pow(u, 2)))), sqrt(PI));
    case "erfc":
      return neg(div(mul(2, call("exp", neg(pow(u, 2)))), sqrt(PI)));
    case "gamma":
      return mul(e, call("polygamma", 0, u));
    case "polygamma":
      // polygamma(n, x): only x may vary; ∂/∂x = polygamma(n + 1, x).
      return call("polygamma", add(u, 1), e.args[1]!);
    case "floor":
    case "sign":
    case "Heaviside":
      return ZERO; // almost everywhere
    case "Max":
    case "Min":
      return maxMinPartial(e, i);
    default:
      return assertNever(e.fn, "partial");
  }
}

/**
 * SymPy's rule: ∂Max(a, b)/∂a = Heaviside(a − b); with more arguments, Heaviside(aᵢ − Max(others)).
 * For Min the difference is reversed.
 */
function maxMinPartial(e: CallNode, i: number): Expr {
  const arg = e.args[i]!;
  const others = e.args.filter((_, j) => j !== i);
  const rest = others.length === 1 ? others[0]! : callWith(e.fn, others);
  return call("Heaviside", e.fn === "Max" ? sub(arg, rest) : sub(rest, arg));
}

/**
 * One derivative pass. `memo` holds the derivative of every node already seen, so a subtree that
 * occurs many times (derivatives share them: d(u*v) holds u and v again) is differentiated once.
 */
function derivative(e: Expr, x: string, memo: Map<Expr, Expr>): Expr {
  if (!e.symbols.has(x)) return ZERO;
  let d = memo.get(e);
  if (d === undefined) {
    d = derivativeOf(e, x, memo);
    memo.set(e, d);
  }
  return d;
}

/** The rules. The recursion is derivativeOf → derivative → derivativeOf: two frames a level. */
function derivativeOf(e: Expr, x: string, memo: Map<Expr, Expr>): Expr {
  switch (e.kind) {
    case "rational":
    case "float":
    case "constant":
      return ZERO;
    case "symbol":
      return e.name === x ? ONE : ZERO;
    case "add": {
      const terms: Expr[] = [];
      for (const t of e.terms) terms.push(derivative(t, x, memo));
      return addAll(terms);
    }
    case "mul": {
      // Product rule: Σᵢ fᵢ' · Πⱼ≠ᵢ fⱼ
      const terms: Expr[] = [];
      for (let i = 0; i < e.factors.length; i++) {
        const df = derivative(e.factors[i]!, x, memo);
        if (df !== ZERO) terms.push(mulAll([df, ...e.factors.filter((_, j) => j !== i)]));
      }
      return addAll(terms);
    }
    case "pow": {
      const { base: b, exponent: n } = e;
      const db = derivative(b, x, memo);
      if (!n.symbols.has(x)) return mul(n, pow(b, sub(n, 1)), db); // power rule
      const dn = derivative(n, x, memo);
      if (!b.symbols.has(x)) return mul(e, call("log", b), dn); // exponential rule
      // General: d(b**n) = b**n · (n' log b + n b'/b)
      return mul(e, add(mul(dn, call("log", b)), div(mul(n, db), b)));
    }
    case "call": {
      if (e.fn === "polygamma" && e.args[0]!.symbols.has(x)) {
        throw new RangeError(`diff: the order n of polygamma(n, ${x}) must not depend on ${x}`);
      }
      // Chain rule: Σᵢ ∂f/∂uᵢ · uᵢ'
      const start = e.fn === "polygamma" ? 1 : 0;
      const terms: Expr[] = [];
      for (let i = start; i < e.args.length; i++) {
        const du = derivative(e.args[i]!, x, memo);
        if (du !== ZERO) terms.push(mul(partial(e, i), du));
      }
      return addAll(terms);
    }
    case "piecewise": {
      const branches: (readonly [Expr, Condition])[] = [];
      for (const p of e.pieces) branches.push([derivative(p.value, x, memo), p.condition]);
      return piecewiseOf(branches);
    }
    default:
      return assertNever(e, "diff");
  }
}

/**
 * The derivative of `expr` with respect to `variable`, `order` times, simplified.
 *
 * @example
 * ```ts
 * diff(parse("Max(0, x)"), "x").toString(); // → "Heaviside(x)"
 * diff(parse("tanh(x)"), "x").toString();   // → "1 - tanh(x)**2"
 * diff(parse("Abs(x**2 - 1)"), "x").toString(); // → "2*x*sign(x**2 - 1)"
 * ```
 */
export function diff(expr: Expr, variable: string | SymbolNode, order = 1): Expr {
  const name = typeof variable === "string" ? sym(variable).name : variable.name;
  if (!Number.isInteger(order) || order < 0) {
    throw new RangeError(expected("diff", "order to be a non-negative integer", order));
  }
  let result = expr;
  for (let k = 0; k < order; k++) result = derivative(result, name, new Map());
  return result;
}
