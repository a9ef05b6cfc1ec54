/**
 * LaTeX output in the style of SymPy's `latex()`: `\max\left(0, x\right)`, `\theta\left(x\right)`,
 * `\frac{1}{e^{- x} + 1}`, `\tanh^{2}{\left(x \right)}`, Greek names and subscripts
 * (`lambda_reg` → `\lambda_{reg}`, `x0` → `x_{0}`).
 */
import type { Condition } from "./condition.js";
import { neg, pow } from "./construct.js";
import { assertNever } from "./expr.js";
import type { AddNode, CallNode, Expr, MulNode, PowNode } from "./expr.js";
import type { FunctionName } from "./functions.js";
import {
  PRECEDENCE,
  formatFloat,
  isReciprocalPow,
  precedence,
  printedTerms,
  splitFraction,
} from "./print.js";

const GREEK = new Set([
  "alpha",
  "beta",
  "gamma",
  "delta",
  "epsilon",
  "zeta",
  "eta",
  "theta",
  "iota",
  "kappa",
  "lambda",
  "mu",
  "nu",
  "xi",
  "pi",
  "rho",
  "sigma",
  "tau",
  "upsilon",
  "phi",
  "chi",
  "psi",
  "omega",
  "Gamma",
  "Delta",
  "Theta",
  "Lambda",
  "Xi",
  "Pi",
  "Sigma",
  "Upsilon",
  "Phi",
  "Psi",
  "Omega",
]);

function word(w: string): string {
  return GREEK.has(w) ? `\\${w}` : w;
}

/**
 * The LaTeX form of a symbol name: Greek letters get a backslash, `_` parts and trailing digits
 * become a subscript (as in SymPy). A name with a leading, trailing or doubled underscore is
 * written out with escaped underscores, so that `x_`, `x__` and `x` print distinctly.
 *
 * @example
 * ```ts
 * latexSymbolName("lambda_reg"); // → "\\lambda_{reg}"
 * latexSymbolName("x0");         // → "x_{0}"
 * latexSymbolName("x_");         // → "x\\_"
 * ```
 */
export function latexSymbolName(name: string): string {
  const parts = name.split("_");
  if (parts.some((p) => p.length === 0)) return parts.map(word).join("\\_");
  let base = parts[0]!;
  const subs = parts.slice(1);
  const digits = /^(.*[^\d])(\d+)$/.exec(base);
  if (digits !== null) {
    base = digits[1]!;
    subs.unshift(digits[2]!);
  }
  return subs.length === 0 ? word(base) : `${word(base)}_{${subs.map(word).join(" ")}}`;
}

function formatFloatLatex(v: number): string {
  const s = formatFloat(v);
  const e = s.indexOf("e");
  if (e < 0) return s === "oo" ? "\\infty" : s === "-oo" ? "-\\infty" : s === "nan" ? "\\text{NaN}" : s;
  return `${s.slice(0, e)} \\cdot 10^{${Number(s.slice(e + 1))}}`;
}

function paren(s: string): string {
  return `\\left(${s}\\right)`;
}

/** `s` (the LaTeX of `e`) in parentheses when `e` binds no tighter than `level` (see print.ts's wrap). */
function wrap(e: Expr, s: string, level: number): string {
  return precedence(e) <= level ? paren(s) : s;
}

function latexAdd(e: AddNode): string {
  let out = "";
  const terms = printedTerms(e);
  for (let i = 0; i < terms.length; i++) {
    let s = toLatex(terms[i]!);
    const negative = s.startsWith("-");
    if (negative) s = s.slice(1).trimStart();
    out += i === 0 ? (negative ? `- ${s}` : s) : negative ? ` - ${s}` : ` + ${s}`;
  }
  return out;
}

function joinFactors(parts: readonly string[]): string {
  let out = "";
  parts.forEach((p, i) => {
    out += i === 0 ? p : /^[\d.]/.test(p) ? ` \\cdot ${p}` : ` ${p}`;
  });
  return out;
}

function latexMul(e: MulNode): string {
  const { negative, coefficient, numerator, denominator } = splitFraction(e);
  const num: string[] = [];
  const den: string[] = [];
  if (coefficient?.numerator)
    num.push(coefficient.numerator.replace(/e(.*)$/, (_m, x: string) => ` \\cdot 10^{${Number(x)}}`));
  if (coefficient?.denominator) den.push(coefficient.denominator);
  for (const f of numerator) num.push(wrap(f, toLatex(f), PRECEDENCE.mul - 1));
  for (const f of denominator) {
    const s = toLatex(f);
    den.push(denominator.length + den.length > 1 ? wrap(f, s, PRECEDENCE.mul - 1) : s);
  }
  const top = num.length === 0 ? "1" : joinFactors(num);
  const body = den.length === 0 ? top : `\\frac{${top}}{${joinFactors(den)}}`;
  return negative ? `- ${body}` : body;
}

/** Functions printed as `\name{\left(x \right)}` whose powers print as `\name^{2}{\left(x \right)}`. */
const OPERATOR_FUNCTIONS = new Set<FunctionName>(["sin", "cos", "tan", "sinh", "cosh", "tanh", "log"]);
const OPERATORNAME_FUNCTIONS = new Set<FunctionName>([
  "asin",
  "acos",
  "atan",
  "asinh",
  "acosh",
  "atanh",
  "erf",
  "erfc",
  "sign",
]);

function latexCall(e: CallNode, exponent?: string): string {
  const args: string[] = [];
  for (const a of e.args) args.push(toLatex(a));
  const a = args[0]!;
  const power = exponent === undefined ? "" : `^{${exponent}}`;
  switch (e.fn) {
    case "exp":
      return `e^{${a}}`;
    case "sin":
    case "cos":
    case "tan":
    case "sinh":
    case "cosh":
    case "tanh":
    case "log":
      return `\\${e.fn}${power}{\\left(${a} \\right)}`;
    case "asin":
    case "acos":
    case "atan":
    case "asinh":
    case "acosh":
    case "atanh":
    case "erf":
    case "erfc":
    case "sign":
      return `\\operatorname{${e.fn}}${power}{\\left(${a} \\right)}`;
    case "atan2":
      return `\\operatorname{atan}_{2}{\\left(${args.join(",")} \\right)}`;
    case "gamma":
      return `\\Gamma\\left(${a}\\right)`;
    case "polygamma":
      return `\\psi^{\\left(${a}\\right)}\\left(${args[1]!}\\right)`;
    case "floor":
      return `\\left\\lfloor{${a}}\\right\\rfloor`;
    case "Abs":
      return `\\left|{${a}}\\right|`;
    case "Heaviside":
      return `\\theta\\left(${a}\\right)`;
    case "Max":
    case "Min":
      return `\\${e.fn === "Max" ? "max" : "min"}\\left(${args.join(", ")}\\right)`;
    default:
      return assertNever(e.fn, "latexCall");
  }
}

function latexPow(e: PowNode): string {
  const x = e.exponent;
  if (x.kind === "rational" && x.p === 1n && x.q !== 1n) {
    return x.q === 2n ? `\\sqrt{${toLatex(e.base)}}` : `\\sqrt[${x.q}]{${toLatex(e.base)}}`;
  }
  if (isReciprocalPow(e)) return `\\frac{1}{${toLatex(pow(e.base, neg(x)))}}`;
  const b = e.base;
  if (b.kind === "call" && (OPERATOR_FUNCTIONS.has(b.fn) || OPERATORNAME_FUNCTIONS.has(b.fn))) {
    if (x.kind === "rational" && x.q === 1n && x.p > 0n) return latexCall(b, toLatex(x));
  }
  const needsParens = precedence(b) <= PRECEDENCE.pow || (b.kind === "call" && b.fn === "exp");
  return `${needsParens ? paren(toLatex(b)) : toLatex(b)}^{${toLatex(x)}}`;
}

/**
 * LaTeX for an expression, in SymPy's style.
 *
 * @example
 * ```ts
 * toLatex(parse("Max(0, x)")); // → "\\max\\left(0, x\\right)"
 * toLatex(parse("Heaviside(x)")); // → "\\theta\\left(x\\right)"
 * ```
 */
export function toLatex(e: Expr): string {
  switch (e.kind) {
    case "rational": {
      if (e.q === 1n) return String(e.p);
      const p = e.p < 0n ? -e.p : e.p;
      return `${e.p < 0n ? "- " : ""}\\frac{${p}}{${e.q}}`;
    }
    case "float":
      return formatFloatLatex(e.value);
    case "symbol":
      return latexSymbolName(e.name);
    case "constant":
      return e.name === "pi" ? "\\pi" : e.name === "E" ? "e" : "\\tilde{\\infty}";
    case "add":
      return latexAdd(e);
    case "mul":
      return latexMul(e);
    case "pow":
      return latexPow(e);
    case "call":
      return latexCall(e);
    case "piecewise": {
      const rows: string[] = [];
      for (const p of e.pieces) {
        const value = toLatex(p.value);
        rows.push(
          p.condition.kind === "boolean" && p.condition.value
            ? `${value} & \\text{otherwise}`
            : `${value} & \\text{for}\\: ${conditionToLatex(p.condition)}`,
        );
      }
      return `\\begin{cases} ${rows.join(" \\\\ ")} \\end{cases}`;
    }
    default:
      return assertNever(e, "toLatex");
  }
}

const RELATION_LATEX = {
  "<": "<",
  "<=": "\\leq",
  ">": ">",
  ">=": "\\geq",
  "==": "=",
  "!=": "\\neq",
} as const;

/**
 * LaTeX for a Piecewise condition: `x > 0`, `x \leq 1`, `x = 0`, `\text{True}`.
 *
 * @example
 * ```ts
 * conditionToLatex(relation("<=", sym("x"), 1)); // → "x \\leq 1"
 * ```
 */
export function conditionToLatex(c: Condition): string {
  switch (c.kind) {
    case "boolean":
      return c.value ? "\\text{True}" : "\\text{False}";
    case "relation":
      return `${toLatex(c.lhs)} ${RELATION_LATEX[c.op]} ${toLatex(c.rhs)}`;
    default:
      return assertNever(c, "conditionToLatex");
  }
}
