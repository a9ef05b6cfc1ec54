/**
 * The canonical order of factors in a product and of terms in a sum. It approximates SymPy's
 * printing order: in products numbers come first, then constants, symbols (and their powers, by
 * name), sums, functions; in sums higher powers come first and the number last
 * (`a*x**2 + b*x + c`, `exp(x) + 1`).
 */
import type { Condition } from "./condition.js";
import { ONE, assertNever } from "./expr.js";
import type { Expr, Piece } from "./expr.js";
import { ratCompare, ratToNumber } from "./rational.js";

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

/** Numbers by value; NaN last; at equal values a float before a rational (`1.0` before `1`). */
function compareNumbers(a: Expr, b: Expr): number {
  if (a.kind === "rational" && b.kind === "rational") return ratCompare(a.ratio, b.ratio);
  const va = numericValue(a);
  const vb = numericValue(b);
  if (Number.isNaN(va) || Number.isNaN(vb)) return Number(Number.isNaN(va)) - Number(Number.isNaN(vb));
  if (va !== vb) return va < vb ? -1 : 1;
  return a.kind === b.kind ? 0 : a.kind === "float" ? -1 : 1;
}

function compareConditions(a: Condition, b: Condition): number {
  if (a.kind === "boolean") return b.kind === "boolean" ? Number(a.value) - Number(b.value) : -1;
  if (b.kind === "boolean") return 1;
  return compareStrings(a.op, b.op) || compareExpr(a.lhs, b.lhs) || compareExpr(a.rhs, b.rhs);
}

function comparePieces(a: readonly Piece[], b: readonly Piece[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareExpr(a[i]!.value, b[i]!.value) || compareConditions(a[i]!.condition, b[i]!.condition);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * A total order on expressions, used to sort the factors of a product and the arguments of
 * `Max`/`Min`. Returns a negative number when `a` sorts first, 0 exactly when `a` equals `b`.
 */
export function compareExpr(a: Expr, b: Expr): number {
  if (a === b) return 0;
  if (a.kind === "pow" || b.kind === "pow") {
    const [ab, ae] = asBaseExp(a);
    const [bb, be] = asBaseExp(b);
    return compareExpr(ab, bb) || compareExpr(ae, be);
  }
  const r = rank(a) - rank(b);
  if (r !== 0) return r;
  let c: number;
  if (a.kind === "rational" || a.kind === "float") c = compareNumbers(a, b);
  else if ((a.kind === "symbol" || a.kind === "constant") && a.kind === b.kind) {
    c = compareStrings(a.name, b.name);
  } else if (a.kind === "add" && b.kind === "add") c = compareLists(a.terms, b.terms);
  else if (a.kind === "mul" && b.kind === "mul") c = compareLists(a.factors, b.factors);
  else if (a.kind === "call" && b.kind === "call") {
    c = compareStrings(a.fn, b.fn) || compareLists(a.args, b.args);
  } else if (a.kind === "piecewise" && b.kind === "piecewise") c = comparePieces(a.pieces, b.pieces);
  else throw new TypeError(`compareExpr: unexpected kinds ${a.kind} and ${b.kind} of equal rank`);
  return Math.sign(c);
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
  return compareExpr(a, b);
}
