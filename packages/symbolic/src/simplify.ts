/**
 * `expand` (distribute products and integer powers of sums) and `simplify` (the smallest of a few
 * equivalent forms). The constructors already do SymPy's automatic simplification; these go
 * further on request.
 */
import { addAll, mul, mulAll } from "./construct.js";
import { ONE, assertNever } from "./expr.js";
import type { Expr } from "./expr.js";
import { transform } from "./substitute.js";

/** Beyond this many terms `expand` leaves a product alone instead of blowing up. */
const MAX_EXPANDED_TERMS = 2000;
const MAX_EXPANDED_POWER = 16;

function termsOf(e: Expr): readonly Expr[] {
  return e.kind === "add" ? e.terms : [e];
}

function distribute(factors: readonly Expr[]): Expr | undefined {
  let acc: Expr[] = [ONE];
  for (const f of factors) {
    const ts = termsOf(f);
    if (acc.length * ts.length > MAX_EXPANDED_TERMS) return undefined;
    acc = acc.flatMap((a) => ts.map((t) => mul(a, t)));
  }
  return addAll(acc);
}

function expandNode(e: Expr): Expr {
  if (e.kind === "mul" && e.factors.some((f) => f.kind === "add")) return distribute(e.factors) ?? e;
  if (
    e.kind === "pow" &&
    e.base.kind === "add" &&
    e.exponent.kind === "rational" &&
    e.exponent.q === 1n &&
    e.exponent.p > 1n &&
    e.exponent.p <= BigInt(MAX_EXPANDED_POWER)
  ) {
    return distribute(Array.from({ length: Number(e.exponent.p) }, () => e.base)) ?? e;
  }
  return e;
}

/**
 * Multiplies out products of sums and positive integer powers of sums, recursively.
 *
 * @example
 * ```ts
 * expand(parse("(x + 1)**2")).toString(); // → "x**2 + 2*x + 1"
 * ```
 */
export function expand(expr: Expr): Expr {
  return transform(expr, expandNode);
}

/**
 * The number of nodes in a tree (conditions included) — the measure `simplify` minimises. A
 * subtree that occurs several times counts each time, but is walked once.
 *
 * @example
 * ```ts
 * countNodes(parse("x + 1")); // → 3
 * ```
 */
export function countNodes(e: Expr): number {
  return count(e, new Map());
}

/** The recursion is count → countOf → count: two frames a level. */
function count(e: Expr, memo: Map<Expr, number>): number {
  let n = memo.get(e);
  if (n === undefined) {
    n = countOf(e, memo);
    memo.set(e, n);
  }
  return n;
}

function countOf(e: Expr, memo: Map<Expr, number>): number {
  let children: readonly Expr[];
  switch (e.kind) {
    case "rational":
    case "float":
    case "constant":
    case "symbol":
      return 1;
    case "add":
      children = e.terms;
      break;
    case "mul":
      children = e.factors;
      break;
    case "pow":
      children = [e.base, e.exponent];
      break;
    case "call":
      children = e.args;
      break;
    case "piecewise": {
      let n = 1;
      for (const { value, condition: c } of e.pieces) {
        n += count(value, memo) + (c.kind === "relation" ? 1 + count(c.lhs, memo) + count(c.rhs, memo) : 1);
      }
      return n;
    }
    default:
      return assertNever(e, "countNodes");
  }
  let n = 1;
  for (const c of children) n += count(c, memo);
  return n;
}

/** sin(u)**2 + cos(u)**2 → 1 and cosh(u)**2 − sinh(u)**2 → 1 inside a sum (with equal coefficients). */
function pythagoras(e: Expr): Expr {
  if (e.kind !== "add") return e;
  const square = (t: Expr, fn: string): { coeff: Expr; arg: Expr } | undefined => {
    const factors = t.kind === "mul" ? t.factors : [t];
    const i = factors.findIndex(
      (f) =>
        f.kind === "pow" &&
        f.base.kind === "call" &&
        f.base.fn === fn &&
        f.exponent.kind === "rational" &&
        f.exponent.p === 2n &&
        f.exponent.q === 1n,
    );
    if (i < 0) return undefined;
    const f = factors[i]!;
    if (f.kind !== "pow" || f.base.kind !== "call") return undefined;
    return { coeff: mulAll(factors.filter((_, j) => j !== i)), arg: f.base.args[0]! };
  };
  for (const [a, b, sign] of [
    ["sin", "cos", 1],
    ["cosh", "sinh", -1],
  ] as const) {
    for (let i = 0; i < e.terms.length; i++) {
      const sa = square(e.terms[i]!, a);
      if (sa === undefined) continue;
      for (let j = 0; j < e.terms.length; j++) {
        const sb = square(e.terms[j]!, b);
        if (sb === undefined || !sb.arg.equals(sa.arg)) continue;
        if (!mul(sign, sb.coeff).equals(sa.coeff)) continue;
        const rest = e.terms.filter((_, k) => k !== i && k !== j);
        return addAll([...rest, sa.coeff]);
      }
    }
  }
  return e;
}

/**
 * A simpler equivalent form: rebuilds the tree (applying the Pythagorean identities
 * sin² + cos² = 1, cosh² − sinh² = 1) and keeps whichever of it and its expansion has fewer nodes.
 *
 * @example
 * ```ts
 * simplify(parse("sin(x)**2 + cos(x)**2")).toString(); // → "1"
 * simplify(parse("(x + 1)**2 - x**2")).toString();     // → "2*x + 1"
 * ```
 */
export function simplify(expr: Expr): Expr {
  const rebuilt = transform(expr, pythagoras);
  const expanded = transform(expand(rebuilt), pythagoras);
  return countNodes(expanded) < countNodes(rebuilt) ? expanded : rebuilt;
}
