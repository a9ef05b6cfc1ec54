/**
 * Fuzz properties of fuzz.test.ts, run in a worker (isolated.ts) so that the no-hang bound is
 * enforced from outside: each case reports progress before it runs, and the harness stops the
 * worker when one case takes longer than its bound — naming that case's input.
 *
 * Two generators: expression strings (a grammar plus junk characters, so that most inputs are
 * near-misses of valid syntax) and expression trees built with the constructors (extreme numbers,
 * zoo and nan, every function, long chains of nested operations).
 */
import fc from "fast-check";

import {
  LimitExceededError,
  ParseError,
  add,
  call,
  diff,
  div,
  float,
  kinks,
  mul,
  neg,
  num,
  parse,
  piecewise,
  pow,
  rational,
  relation,
  sqrt,
  sub,
  sym,
} from "../src/index.js";
import type { Expr } from "../src/index.js";
import { centralDifference, nearKink } from "./numeric.js";

type Progress = (info: unknown) => void;

// ---------------------------------------------------------------------------------------------
// Expression strings
// ---------------------------------------------------------------------------------------------

const NAMES = [
  "x",
  "y",
  "x",
  "y",
  "alpha",
  "x_",
  "x__",
  "y_pred",
  "lambda_1",
  "pi",
  "E",
  "oo",
  "nan",
  "zoo",
  "I",
  "True",
];
const FUNCTIONS = [
  "exp", "log", "ln", "sqrt", "cbrt", "Abs", "abs", "sin", "cos", "tan", "asin", "acos", "atan",
  "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "gamma", "polygamma",
  "digamma", "floor", "sign", "Heaviside", "Max", "Min", "max", "constructor", "__proto__", "nope",
]; // prettier-ignore
const NUMBERS = [
  "0", "1", "2", "3", "10", "0.5", "1.0", "1.5", "-1.0", ".25", "1e-8", "1e400", "2**4000", "3**5000", "0**-1",
  "123456789012345678901234567890",
]; // prettier-ignore
const OPERATORS = [" + ", " - ", "*", "/", "**", "^", " / ", "**-"];
const RELATIONS = [" > ", " < ", " >= ", " <= ", " == ", " != "];
const JUNK = [
  "(",
  ")",
  ",",
  "+",
  "*",
  "**",
  "/",
  "-",
  ".",
  "e",
  "_",
  "#",
  " ",
  "\t",
  "1",
  "x",
  "exp(",
  "Eq(",
  "Piecewise(",
];

const exprText: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", maxDepth: 6, withCrossShrink: true },
    fc.constantFrom(...NAMES),
    fc.constantFrom(...NUMBERS),
    fc.tuple(fc.constantFrom("-", "+", "--"), tie("e")).map(([s, a]) => `${s}${a}`),
    fc.tuple(tie("e"), fc.constantFrom(...OPERATORS), tie("e")).map(([a, op, b]) => `${a}${op}${b}`),
    tie("e").map((a) => `(${a})`),
    fc
      .tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie("e"), { minLength: 0, maxLength: 3 }))
      .map(([f, args]) => `${f}(${args.join(", ")})`),
    fc
      .tuple(tie("e"), tie("e"), fc.constantFrom(...RELATIONS), tie("e"), tie("e"))
      .map(([v, l, r, rhs, w]) => `Piecewise((${v}, ${l}${r}${rhs}), (${w}, True))`),
  ),
})).e;

/** A grammatical string with, sometimes, junk spliced in at a random place. */
const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: exprText },
  {
    weight: 2,
    arbitrary: fc
      .tuple(exprText, fc.nat(), fc.array(fc.constantFrom(...JUNK), { minLength: 1, maxLength: 3 }))
      .map(([s, at, junk]) => s.slice(0, at % (s.length + 1)) + junk.join("") + s.slice(at % (s.length + 1))),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...JUNK, ...NAMES, ...NUMBERS), { maxLength: 12 })
      .map((a) => a.join("")),
  },
);

/** Values for every symbol of `e`: x and y as given, any other symbol 0.5. */
function bindings(e: Expr, at: { x: number; y: number }): Record<string, number> {
  const vars: Record<string, number> = {};
  for (const s of e.symbols)
    Object.defineProperty(vars, s, { value: s === "x" ? at.x : s === "y" ? at.y : 0.5, enumerable: true });
  return vars;
}

function sameNumber(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

/** `evaluate` and the compiled function give the same double, or both refuse with a RangeError. */
function checkEvaluation(e: Expr, at: { x: number; y: number }): void {
  const vars = bindings(e, at);
  const names = Object.keys(vars);
  let interpreted: number | Error;
  let compiled: number | Error;
  try {
    interpreted = e.evaluate(vars);
  } catch (error) {
    interpreted = error as Error;
  }
  try {
    compiled = e.compile(names)(...names.map((n) => vars[n]!));
  } catch (error) {
    compiled = error as Error;
  }
  if (typeof interpreted === "number") {
    if (typeof compiled !== "number" || !sameNumber(compiled, interpreted)) {
      throw new Error(`compile gave ${String(compiled)}, evaluate ${interpreted}`);
    }
  } else if (!(interpreted instanceof RangeError) || !(compiled instanceof RangeError)) {
    throw new Error(`evaluate threw ${String(interpreted)}, compile ${String(compiled)}`);
  }
}

/** Printing parses back to an equal tree; LaTeX is produced. */
function checkPrinting(e: Expr, what: string): void {
  const s = e.toString();
  const back = parse(s);
  if (!back.equals(e)) throw new Error(`${what} printed as ${s} parses back to ${back.toString()}`);
  if (typeof e.toLatex() !== "string") throw new Error(`${what}: toLatex gave no string`);
}

const ALLOWED_DIFF_ERRORS = ["LimitExceededError"];

// ---------------------------------------------------------------------------------------------
// Expression trees
// ---------------------------------------------------------------------------------------------

const x = sym("x");
const y = sym("y");
const positive = (a: Expr): Expr => add(pow(a, 2), 1);

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.constantFrom<Expr>(x, y, x, y, rational(1, 3), float(0.75), float(-0), float(1e-300), float(1e300)),
  fc.integer({ min: -5, max: 5 }).map((n) => num(n)),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }).map((n) => num(n)),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((v) => float(v)),
  fc.constantFrom("zoo", "nan", "oo", "2**4000", "1/3**5000", "sqrt(2)", "pi", "E").map((t) => parse(t)),
);

const UNARY: readonly ((a: Expr) => Expr)[] = [
  neg,
  ...(
    ["sin", "cos", "tanh", "atan", "erf", "Abs", "sign", "floor", "Heaviside", "asinh", "sinh"] as const
  ).map((f) => (a: Expr) => call(f, a)),
  (a) => call("exp", call("sin", a)),
  (a) => call("log", positive(a)),
  (a) => sqrt(positive(a)),
  (a) => pow(a, 2),
  (a) => pow(a, 3),
  (a) => pow(a, -1),
  (a) => call("log", a),
  ...[1.5, 0.5, -0.5, 1, -1, 2].map((k) => (a: Expr) => pow(a, float(k))),
  (a) => call("gamma", add(div(pow(a, 2), 4), 1)),
];

const BINARY: readonly ((a: Expr, b: Expr) => Expr)[] = [
  add,
  sub,
  mul,
  div,
  pow,
  (a, b) => pow(positive(a), div(b, 2)),
  (a, b) => call("Max", a, b),
  (a, b) => call("Min", a, b, 0),
  (a, b) => call("atan2", a, positive(b)),
  (a, b) => piecewise([a, relation(">", a, b)], [mul(2, b), true]),
  (a, b) => piecewise([a, relation("<=", b, rational(1, 2))], [sub(a, b), relation("==", a, b)], [b, true]),
];

const shallow = fc.letrec<{ tree: Expr }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", maxDepth: 5, withCrossShrink: true },
    leaf,
    fc.tuple(fc.nat(UNARY.length - 1), tie("tree")).map(([i, a]) => UNARY[i]!(a)),
    fc.tuple(fc.nat(BINARY.length - 1), tie("tree"), tie("tree")).map(([i, a, b]) => BINARY[i]!(a, b)),
  ),
})).tree;

/** A shallow tree wrapped in a chain of up to 60 unary operations (long, deep, but in bounds). */
const tree: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 3, arbitrary: shallow },
  {
    weight: 1,
    arbitrary: fc
      .tuple(shallow, fc.array(fc.nat(UNARY.length - 1), { maxLength: 60 }))
      .map(([e, chain]) => chain.reduce((a, i) => UNARY[i]!(a), e)),
  },
);

const point = fc.record({
  x: fc.double({ min: -2, max: 2, noNaN: true }),
  y: fc.double({ min: -2, max: 2, noNaN: true }),
});

function finite(v: number, limit = 1e8): boolean {
  return Number.isFinite(v) && Math.abs(v) < limit;
}

function safeEvaluate(e: Expr, at: Record<string, number>): number {
  try {
    return e.evaluate(at);
  } catch {
    return NaN; // a Piecewise with no branch for these values
  }
}

/** `add(sum, t)` (a shortcut for one more term) builds the tree the general path builds. */
function checkAddOneTerm(parts: readonly Expr[], t: Expr): void {
  const sum = add(...parts);
  if (sum.kind !== "add") return;
  const fast = add(sum, t);
  const general = add(...sum.terms, t);
  if (!fast.equals(general)) {
    throw new Error(
      `add(${sum.toString()}, ${t.toString()}) gave ${fast.toString()}, not ${general.toString()}`,
    );
  }
}

export const TASKS = {
  /** Random strings: parse refuses with a ParseError or gives a tree that round-trips and evaluates consistently. */
  strings({ runs, seed }: { runs: number; seed: number }, progress: Progress) {
    let parsed = 0;
    let refused = 0;
    let n = 0;
    fc.assert(
      fc.property(text, point, (s, at) => {
        progress({ case: n++, input: s.slice(0, 300) });
        let e: Expr;
        try {
          e = parse(s);
        } catch (error) {
          if (!(error instanceof ParseError)) throw error;
          refused++;
          return;
        }
        parsed++;
        checkPrinting(e, "tree");
        checkEvaluation(e, at);
        try {
          const d = diff(e, "x");
          checkPrinting(d, "derivative");
          checkEvaluation(d, at);
        } catch (error) {
          // polygamma of an order that depends on x is refused by name
          if (
            !ALLOWED_DIFF_ERRORS.includes((error as Error).name) &&
            !/polygamma/.test((error as Error).message)
          )
            throw error;
        }
      }),
      { numRuns: runs, seed },
    );
    return { parsed, refused };
  },

  /** Random trees: printing round-trips, compile equals evaluate, diff agrees with finite differences. */
  trees({ runs, seed }: { runs: number; seed: number }, progress: Progress) {
    let derivativeChecks = 0;
    let n = 0;
    fc.assert(
      fc.property(tree, point, fc.array(shallow, { minLength: 2, maxLength: 6 }), (e, at, parts) => {
        progress({ case: n++, input: e.toString().slice(0, 300) });
        checkPrinting(e, "tree");
        checkEvaluation(e, at);
        checkAddOneTerm(parts, e);
        for (const p of parts) checkAddOneTerm([...parts, e], mul(-1, p)); // cancelling a like term
        let d: Expr;
        try {
          d = diff(e, "x");
        } catch (error) {
          if (error instanceof LimitExceededError) return;
          throw error;
        }
        checkPrinting(d, "derivative");
        checkEvaluation(d, at);
        const f = safeEvaluate(e, at);
        const h = 1e-4 * Math.max(Math.abs(at.x), 0.1);
        if (!finite(f) || nearKink(kinks(e), at, "x", h)) return;
        const exact = safeEvaluate(d, at);
        const numeric = centralDifference((u) => safeEvaluate(e, { ...at, x: u }), at.x, h);
        if (!finite(exact) || !finite(numeric)) return;
        const tolerance = 1e-5 * (1 + Math.abs(exact)) + 1e-8 * (Math.abs(f) / Math.max(Math.abs(at.x), 0.1));
        if (Math.abs(numeric - exact) > tolerance) {
          throw new Error(
            `d/dx ${e.toString()} at ${JSON.stringify(at)}: diff ${exact}, finite difference ${numeric}`,
          );
        }
        derivativeChecks++;
      }),
      { numRuns: runs, seed },
    );
    return { derivativeChecks };
  },
};
