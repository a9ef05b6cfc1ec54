/**
 * The canonical order of factors in a product and of terms in a sum. It approximates SymPy's
 * printing order: in products numbers come first, then constants, symbols (and their powers, by
 * name), sums, functions; in sums higher powers come first and the number last
 * (`a*x**2 + b*x + c`, `exp(x) + 1`).
 */
import { ONE, assertNever } from "./expr.js";
import type { Expr } from "./expr.js";
import { ratCompare } from "./rational.js";
import { ratToNumber } from "./rational.js";

function rank(e: Expr): number {
  switch (e.kind) {
    case "rational":
    case "float":
      return 0;
    case "constant":
      return 1;
    case "symbol":
      return 2;
    case "add":
      return 3;
    case "mul":
      return 4;
    case "pow":
      return rank(e.base);
    case "call":
      return 5;
    case "piecewise":
      return 6;
    default:
      return assertNever(e, "rank");
  }
}

/** Splits `b**e` into `[b, e]`; any other node is `[node, 1]`. */
export function asBaseExp(e: Expr): readonly [Expr, Expr] {
  return e.kind === "pow" ? [e.base, e.exponent] : [e, ONE];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLists(a: readonly Expr[], b: readonly Expr[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareExpr(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function numericValue(e: Expr): number {
  return e.kind === "rational" ? ratToNumber(e.ratio) : e.kind === "float" ? e.value : NaN;
}

/**
 * A total order on expressions, used to sort the factors of a product and the arguments of
 * `Max`/`Min`. Returns a negative number when `a` sorts first.
 */
export function compareExpr(a: Expr, b: Expr): number {
  if (a === b) return 0;
  if (a.kind === "pow" || b.kind === "pow") {
    const [ab, ae] = asBaseExp(a);
    const [bb, be] = asBaseExp(b);
    const c = compareExpr(ab, bb);
    if (c !== 0) return c;
    const d = compareExpr(ae, be);
    if (d !== 0) return d;
    return compareStrings(a.key, b.key);
  }
  const r = rank(a) - rank(b);
  if (r !== 0) return r;
  let c = 0;
  if (a.kind === "rational" && b.kind === "rational") c = ratCompare(a.ratio, b.ratio);
  else if ((a.kind === "rational" || a.kind === "float") && (b.kind === "rational" || b.kind === "float")) {
    c = numericValue(a) - numericValue(b);
    if (Number.isNaN(c)) c = 0;
  } else if ((a.kind === "symbol" || a.kind === "constant") && a.kind === b.kind) {
    c = compareStrings(a.name, b.name);
  } else if (a.kind === "add" && b.kind === "add") c = compareLists(a.terms, b.terms);
  else if (a.kind === "mul" && b.kind === "mul") c = compareLists(a.factors, b.factors);
  else if (a.kind === "call" && b.kind === "call") {
    c = compareStrings(a.fn, b.fn);
    if (c === 0) c = compareLists(a.args, b.args);
  }
  return c !== 0 ? Math.sign(c) : compareStrings(a.key, b.key);
}

function isNumber(e: Expr): boolean {
  return e.kind === "rational" || e.kind === "float";
}

/** The non-numeric factors of a term (`-3*x**2*y` → `[x**2, y]`). */
function termFactors(t: Expr): readonly Expr[] {
  if (t.kind !== "mul") return [t];
  return isNumber(t.factors[0]!) ? t.factors.slice(1) : t.factors;
}

/**
 * The order of terms in a sum: by their factors' bases, higher powers first, more factors first,
 * numbers last.
 */
export function compareTerms(a: Expr, b: Expr): number {
  const na = isNumber(a);
  const nb = isNumber(b);
  if (na || nb) return na && nb ? compareExpr(a, b) : na ? 1 : -1;
  const fa = termFactors(a);
  const fb = termFactors(b);
  for (let i = 0; i < Math.min(fa.length, fb.length); i++) {
    const [ba, ea] = asBaseExp(fa[i]!);
    const [bb, eb] = asBaseExp(fb[i]!);
    const c = compareExpr(ba, bb);
    if (c !== 0) return c;
    const d = compareExpr(eb, ea); // higher power first
    if (d !== 0) return d;
  }
  if (fa.length !== fb.length) return fb.length - fa.length;
  return compareStrings(a.key, b.key);
}
