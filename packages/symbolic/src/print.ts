/**
 * Text output in SymPy's `str()` style: `Max(0, x)`, `1/(exp(-x) + 1)`, `1 - tanh(x)**2`,
 * `x**5/120`, `sqrt(2)*x/2`, `Piecewise((x, x > 0), (0, True))`. The text parses back to an
 * equal tree (`parse(e.toString()).equals(e)`).
 */
import type { Condition } from "./condition.js";
import { hasNegativeCoefficient, neg, pow } from "./construct.js";
import { assertNever } from "./expr.js";
import type { AddNode, Expr, MulNode, PowNode } from "./expr.js";

/** Printing precedence, as in SymPy's `precedence.py`. */
export const PRECEDENCE = { add: 40, mul: 50, pow: 60, atom: 1000 } as const;

/** Formats a float so that it reads back as a float: `2.0`, `0.5`, `1.0e-8`, `oo`, `nan`. */
export function formatFloat(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (v === Infinity) return "oo";
  if (v === -Infinity) return "-oo";
  // Like SymPy: scientific notation for tiny and huge magnitudes (1.0e-5, 1.0e+16).
  const a = Math.abs(v);
  const s = a !== 0 && (a < 1e-4 || a >= 1e16) ? v.toExponential() : String(v);
  const e = s.indexOf("e");
  if (e >= 0) {
    const mantissa = s.slice(0, e);
    return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}e${s.slice(e + 1)}`;
  }
  return s.includes(".") ? s : `${s}.0`;
}

/** True for a power printed as a fraction `1/…` (negative exponent). */
export function isReciprocalPow(e: Expr): boolean {
  return e.kind === "pow" && hasNegativeCoefficient(e.exponent);
}

/** SymPy's precedence of a node as printed. */
export function precedence(e: Expr): number {
  switch (e.kind) {
    case "rational":
      return e.p < 0n ? PRECEDENCE.add : e.q !== 1n ? PRECEDENCE.mul : PRECEDENCE.atom;
    case "float":
      return e.value < 0 ? PRECEDENCE.add : PRECEDENCE.atom;
    case "symbol":
    case "constant":
    case "call":
    case "piecewise":
      return PRECEDENCE.atom;
    case "add":
      return PRECEDENCE.add;
    case "mul":
      return hasNegativeCoefficient(e) ? PRECEDENCE.add : PRECEDENCE.mul;
    case "pow":
      if (
        e.exponent.kind === "rational" &&
        e.exponent.q === 2n &&
        (e.exponent.p === 1n || e.exponent.p === -1n)
      ) {
        return e.exponent.p === 1n ? PRECEDENCE.atom : PRECEDENCE.mul;
      }
      return isReciprocalPow(e) ? PRECEDENCE.mul : PRECEDENCE.pow;
    default:
      return assertNever(e, "precedence");
  }
}

/**
 * `s` (the text of `e`) in parentheses when `e` binds no tighter than `level`. Callers write
 * `wrap(e, toSympyString(e), level)` so the recursion adds no frame of its own: every frame per
 * level of nesting counts against MAX_DEPTH fitting a browser worker's stack.
 */
function wrap(e: Expr, s: string, level: number): string {
  return precedence(e) <= level ? `(${s})` : s;
}

/**
 * The order terms are printed in: the canonical order, except that `c - t` (a positive number and
 * one negative term) prints number first, as SymPy does (`1 - x`, `1 - tanh(x)**2`).
 */
export function printedTerms(e: AddNode): readonly Expr[] {
  const [a, b] = e.terms;
  if (e.terms.length === 2 && hasNegativeCoefficient(a!) && (b!.kind === "rational" || b!.kind === "float")) {
    if (!hasNegativeCoefficient(b!)) return [b!, a!];
  }
  return e.terms;
}

function printAdd(e: AddNode): string {
  let out = "";
  const terms = printedTerms(e);
  for (let i = 0; i < terms.length; i++) {
    let s = toSympyString(terms[i]!);
    const negative = s.startsWith("-");
    if (negative) s = s.slice(1);
    out += i === 0 ? (negative ? `-${s}` : s) : negative ? ` - ${s}` : ` + ${s}`;
  }
  return out;
}

/**
 * Splits a product into sign, numerator and denominator parts, the way both printers need it.
 */
export function splitFraction(e: MulNode): {
  negative: boolean;
  coefficient: { numerator: string; denominator: string } | undefined;
  numerator: Expr[];
  denominator: Expr[];
} {
  let negative = false;
  let coefficient: { numerator: string; denominator: string } | undefined;
  const numerator: Expr[] = [];
  const denominator: Expr[] = [];
  for (const f of e.factors) {
    if (f.kind === "rational") {
      negative = f.p < 0n;
      const p = negative ? -f.p : f.p;
      coefficient = { numerator: p === 1n ? "" : String(p), denominator: f.q === 1n ? "" : String(f.q) };
    } else if (f.kind === "float") {
      negative = f.value < 0;
      const v = Math.abs(f.value);
      coefficient = { numerator: v === 1 ? "" : formatFloat(v), denominator: "" };
    } else if (f.kind === "pow" && isReciprocalPow(f)) {
      denominator.push(pow(f.base, neg(f.exponent)));
    } else {
      numerator.push(f);
    }
  }
  return { negative, coefficient, numerator, denominator };
}

function printMul(e: MulNode): string {
  const { negative, coefficient, numerator, denominator } = splitFraction(e);
  const num: string[] = [];
  const den: string[] = [];
  if (coefficient?.numerator) num.push(coefficient.numerator);
  if (coefficient?.denominator) den.push(coefficient.denominator);
  for (const f of numerator) num.push(wrap(f, toSympyString(f), PRECEDENCE.mul - 1));
  for (const f of denominator) den.push(wrap(f, toSympyString(f), PRECEDENCE.mul));
  const top = num.length === 0 ? "1" : num.join("*");
  const sign = negative ? "-" : "";
  if (den.length === 0) return sign + top;
  return `${sign}${top}/${den.length === 1 ? den[0]! : `(${den.join("*")})`}`;
}

function printPow(e: PowNode): string {
  const x = e.exponent;
  if (x.kind === "rational" && x.q === 2n && x.p === 1n) return `sqrt(${toSympyString(e.base)})`;
  if (isReciprocalPow(e)) {
    const d = pow(e.base, neg(x));
    return `1/${wrap(d, toSympyString(d), PRECEDENCE.mul)}`;
  }
  const base = wrap(e.base, toSympyString(e.base), PRECEDENCE.pow);
  return `${base}**${wrap(x, toSympyString(x), PRECEDENCE.pow)}`;
}

function printList(items: readonly Expr[]): string {
  let out = "";
  for (let i = 0; i < items.length; i++) out += (i === 0 ? "" : ", ") + toSympyString(items[i]!);
  return out;
}

/**
 * SymPy-style text of an expression.
 *
 * @example
 * ```ts
 * toSympyString(parse("1/(1 + exp(-x))")); // → "1/(exp(-x) + 1)"
 * ```
 */
export function toSympyString(e: Expr): string {
  switch (e.kind) {
    case "rational":
      return e.q === 1n ? String(e.p) : `${e.p}/${e.q}`;
    case "float":
      return formatFloat(e.value);
    case "symbol":
    case "constant":
      return e.name;
    case "add":
      return printAdd(e);
    case "mul":
      return printMul(e);
    case "pow":
      return printPow(e);
    case "call":
      return `${e.fn}(${printList(e.args)})`;
    case "piecewise": {
      let out = "Piecewise(";
      for (let i = 0; i < e.pieces.length; i++) {
        const p = e.pieces[i]!;
        out += `${i === 0 ? "" : ", "}(${toSympyString(p.value)}, ${conditionToString(p.condition)})`;
      }
      return `${out})`;
    }
    default:
      return assertNever(e, "toSympyString");
  }
}

/**
 * SymPy-style text of a condition: `x > 0`, `Eq(x, 0)`, `Ne(x, 0)`, `True`.
 *
 * @example
 * ```ts
 * conditionToString(relation("==", sym("x"), 0)); // → "Eq(x, 0)"
 * ```
 */
export function conditionToString(c: Condition): string {
  switch (c.kind) {
    case "boolean":
      return c.value ? "True" : "False";
    case "relation":
      if (c.op === "==" || c.op === "!=") {
        return `${c.op === "==" ? "Eq" : "Ne"}(${toSympyString(c.lhs)}, ${toSympyString(c.rhs)})`;
      }
      return `${toSympyString(c.lhs)} ${c.op} ${toSympyString(c.rhs)}`;
    default:
      return assertNever(c, "conditionToString");
  }
}
