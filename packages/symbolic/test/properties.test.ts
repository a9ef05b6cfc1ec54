/**
 * Property tests over random expression trees built from every kind of node: derivatives agree
 * with finite differences and with forward-mode dual numbers, text round-trips through the parser,
 * compiled code equals the interpreter bit for bit, and simplification never changes a value.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  E,
  PI,
  add,
  call,
  diff,
  div,
  evaluateWith,
  expand,
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
  simplify,
  sqrt,
  sub,
  substitute,
  sym,
} from "../src/index.js";
import type { Expr } from "../src/index.js";
import { Dual, dualAlgebra } from "./dual.js";
import { centralDifference, nearKink } from "./numeric.js";

const x = sym("x");
const y = sym("y");
const square1 = (a: Expr): Expr => add(pow(a, 2), 1); // > 0, keeps log/sqrt/div in their domain

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.constantFrom<Expr>(x, y, x, y, rational(1, 2), float(0.75), PI, E),
  fc.integer({ min: -3, max: 3 }).map((n) => num(n)),
);

const UNARY: readonly ((a: Expr) => Expr)[] = [
  neg,
  (a) => call("sin", a),
  (a) => call("cos", a),
  (a) => call("tanh", a),
  (a) => call("atan", a),
  (a) => call("erf", a),
  (a) => call("exp", call("sin", a)),
  (a) => call("log", square1(a)),
  (a) => sqrt(square1(a)),
  (a) => call("Abs", a),
  (a) => pow(a, 2),
  (a) => pow(a, 3),
  (a) => div(1, square1(a)),
  (a) => call("Heaviside", a),
  (a) => call("sign", a),
  (a) => call("asinh", a),
  (a) => call("gamma", add(div(pow(a, 2), 4), 1)),
  (a) => call("floor", a),
];

const BINARY: readonly ((a: Expr, b: Expr) => Expr)[] = [
  add,
  sub,
  mul,
  (a, b) => div(a, square1(b)),
  (a, b) => call("Max", a, b),
  (a, b) => call("Min", a, b),
  (a, b) => pow(square1(a), div(b, 2)),
  (a, b) => call("atan2", a, square1(b)),
  (a, b) => piecewise([a, relation(">", a, b)], [mul(2, b), true]),
  (a, b) => piecewise([a, relation("<=", b, rational(1, 2))], [sub(a, b), relation("==", a, b)], [b, true]),
];

const { tree } = fc.letrec<{ tree: Expr; unary: Expr; binary: Expr }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", maxDepth: 4, withCrossShrink: true },
    leaf,
    tie("unary"),
    tie("binary"),
  ),
  unary: fc.tuple(fc.integer({ min: 0, max: UNARY.length - 1 }), tie("tree")).map(([i, a]) => UNARY[i]!(a)),
  binary: fc
    .tuple(fc.integer({ min: 0, max: BINARY.length - 1 }), tie("tree"), tie("tree"))
    .map(([i, a, b]) => BINARY[i]!(a, b)),
}));

const point = fc.record({
  x: fc.double({ min: -2, max: 2, noNaN: true }),
  y: fc.double({ min: -2, max: 2, noNaN: true }),
});

const RUNS = 300;

function finite(v: number, limit = 1e8): boolean {
  return Number.isFinite(v) && Math.abs(v) < limit;
}

function safeEvaluate(e: Expr, at: Record<string, number>): number {
  try {
    return e.evaluate(at);
  } catch {
    return NaN; // an undefined Piecewise
  }
}

describe("random expression trees", () => {
  it("diff agrees with finite differences away from kinks", () => {
    let checks = 0;
    fc.assert(
      fc.property(tree, point, (e, at) => {
        const f = safeEvaluate(e, at);
        if (!finite(f)) return;
        const k = kinks(e);
        for (const v of ["x", "y"] as const) {
          const t = at[v];
          const scale = Math.max(Math.abs(t), 0.1);
          const h = 1e-4 * scale;
          if (nearKink(k, at, v, h)) continue;
          const exact = safeEvaluate(diff(e, v), at);
          const numeric = centralDifference((u) => safeEvaluate(e, { ...at, [v]: u }), t, h);
          if (!finite(exact) || !finite(numeric)) continue;
          expect(Math.abs(numeric - exact)).toBeLessThanOrEqual(
            1e-5 * (1 + Math.abs(exact)) + 1e-8 * (Math.abs(f) / scale),
          );
          checks++;
        }
      }),
      { numRuns: RUNS, seed: 7 },
    );
    expect(checks).toBeGreaterThan(RUNS / 2);
  });

  it("evaluating on dual numbers (forward mode) equals diff(...).evaluate", () => {
    let checks = 0;
    fc.assert(
      fc.property(tree, point, (e, at) => {
        const f = safeEvaluate(e, at);
        if (!finite(f) || nearKink(kinks(e), at, "x", 1e-9)) return;
        const exact = safeEvaluate(diff(e, "x"), at);
        if (!finite(exact)) return;
        const r = evaluateWith(e, dualAlgebra, { x: new Dual(at.x, 1), y: new Dual(at.y, 0) });
        expect(Math.abs(r.v - f)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(f)));
        expect(Math.abs(r.d - exact)).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(exact)));
        checks++;
      }),
      { numRuns: RUNS, seed: 11 },
    );
    expect(checks).toBeGreaterThan(RUNS / 2);
  });

  it("parse(print(e)) round-trips, derivatives included", () => {
    fc.assert(
      fc.property(tree, (e) => {
        expect(parse(e.toString()).equals(e)).toBe(true);
        const d = diff(e, "x");
        expect(parse(d.toString()).equals(d)).toBe(true);
        expect(typeof e.toLatex()).toBe("string");
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });

  it("compiled functions equal the interpreter bit for bit", () => {
    fc.assert(
      fc.property(tree, point, (e, at) => {
        const f = e.compile(["x", "y"]);
        let interpreted: number | Error;
        let compiled: number | Error;
        try {
          interpreted = e.evaluate(at);
        } catch (error) {
          interpreted = error as Error;
        }
        try {
          compiled = f(at.x, at.y);
        } catch (error) {
          compiled = error as Error;
        }
        if (typeof interpreted === "number")
          expect(
            Object.is(compiled, interpreted) ||
              (Number.isNaN(compiled as number) && Number.isNaN(interpreted)),
          ).toBe(true);
        else expect(compiled).toBeInstanceOf(RangeError);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  });

  it("substitution, simplify and expand never change the value", () => {
    fc.assert(
      fc.property(tree, point, (e, at) => {
        const f = safeEvaluate(e, at);
        if (!finite(f, 1e6) || nearKink(kinks(e), at, "x", 1e-7) || nearKink(kinks(e), at, "y", 1e-7)) return;
        const close = (v: number): void => {
          expect(Math.abs(v - f)).toBeLessThanOrEqual(1e-7 * (1 + Math.abs(f)));
        };
        close(safeEvaluate(substitute(e, { x: at.x, y: at.y }), {}));
        close(safeEvaluate(simplify(e), at));
        close(safeEvaluate(expand(e), at));
      }),
      { numRuns: RUNS, seed: 19 },
    );
  });
});
