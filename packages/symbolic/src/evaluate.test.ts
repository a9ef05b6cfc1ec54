import { describe, expect, it } from "vitest";

import { numberAlgebra } from "./algebra.js";
import type { Algebra } from "./algebra.js";
import { diff } from "./differentiate.js";
import { UnboundSymbolError, evaluate, evaluateWith } from "./evaluate.js";
import { parse } from "./parse.js";
import { Dual, dualAlgebra } from "../test/dual.js";

describe("evaluate", () => {
  it("evaluates the tutorial's ReLU and its gradient", () => {
    const relu = parse("Max(0, x)");
    const grad = diff(relu, "x");
    expect([relu.evaluate({ x: 2 }), relu.evaluate({ x: -2 })]).toEqual([2, 0]);
    expect([grad.evaluate({ x: 2 }), grad.evaluate({ x: -2 })]).toEqual([1, 0]);
  });

  it("gives Heaviside(0) = 1/2 as SymPy does (autograd's relu'(0) is 0)", () => {
    expect(diff(parse("Max(0, x)"), "x").evaluate({ x: 0 })).toBe(0.5);
  });

  it("throws naming the unbound variable — never a silent 0", () => {
    expect(() => parse("x + y").evaluate({ x: 1 })).toThrow(UnboundSymbolError);
    expect(() => parse("x + y").evaluate({ x: 1 })).toThrow('evaluate: no value for symbol "y" (bound: x)');
    expect(() => parse("constructor + 1").evaluate({})).toThrow(/"constructor"/);
  });

  it("rejects non-number bindings", () => {
    expect(() => evaluate(parse("x"), { x: "1" as unknown as number })).toThrow(
      /expected vars.x to be a number, got the string/,
    );
  });

  it("follows IEEE semantics and refuses an undefined Piecewise", () => {
    expect(parse("log(x)").evaluate({ x: 0 })).toBe(-Infinity);
    expect(parse("1/x").evaluate({ x: 0 })).toBe(Infinity);
    expect(() => parse("Piecewise((x, x > 0))").evaluate({ x: -1 })).toThrow(/no Piecewise condition holds/);
  });
});

describe("evaluateWith", () => {
  it("runs the same tree on numbers", () => {
    const e = parse("x*exp(y) + sin(x)**2");
    expect(evaluateWith(e, numberAlgebra, { x: 0.3, y: -0.2 })).toBeCloseTo(
      e.evaluate({ x: 0.3, y: -0.2 }),
      15,
    );
  });

  it("gives forward-mode derivatives on dual numbers equal to diff", () => {
    const e = parse("Max(0, x)*tanh(x*y) + log(x**2 + 1)/(Abs(y) + 1) + atan2(y, x)");
    const at = { x: 0.7, y: -1.3 };
    const r = evaluateWith(e, dualAlgebra, { x: new Dual(at.x, 1), y: new Dual(at.y, 0) });
    expect(r.v).toBeCloseTo(e.evaluate(at), 14);
    expect(r.d).toBeCloseTo(diff(e, "x").evaluate(at), 12);
  });

  it("treats plain numbers as constants and lifts the result", () => {
    const r = evaluateWith(parse("alpha*x"), dualAlgebra, { x: new Dual(2, 1), alpha: 3 });
    expect([r.v, r.d]).toEqual([6, 3]);
    const c = evaluateWith(parse("alpha + 1"), dualAlgebra, { alpha: 3 });
    expect(c).toBeInstanceOf(Dual);
    expect([c.v, c.d]).toEqual([4, 0]);
  });

  it("falls back to exp/log compositions for missing optional methods", () => {
    const minimal: Algebra<Dual> = {
      constant: dualAlgebra.constant,
      valueOf: dualAlgebra.valueOf,
      add: dualAlgebra.add,
      mul: dualAlgebra.mul,
      div: dualAlgebra.div,
      neg: dualAlgebra.neg,
      pow: dualAlgebra.pow,
      exp: dualAlgebra.exp,
      log: dualAlgebra.log,
    };
    const e = parse("tanh(x) + sinh(x) + cosh(x) + asinh(x) + atanh(x/2) + Abs(x) + acosh(x + 2)");
    const r = evaluateWith(e, minimal, { x: new Dual(0.4, 1) });
    expect(r.v).toBeCloseTo(e.evaluate({ x: 0.4 }), 13);
    expect(r.d).toBeCloseTo(diff(e, "x").evaluate({ x: 0.4 }), 12);
    expect(() => evaluateWith(parse("sin(x)"), minimal, { x: new Dual(0.4, 1) })).toThrow(
      /the algebra has no sin\(\) method, needed by sin\(x\)/,
    );
  });

  it("validates the algebra and the bindings", () => {
    expect(() => evaluateWith(parse("x"), {} as Algebra<number>, { x: 1 })).toThrow(/constant\(\) method/);
    expect(() => evaluateWith(parse("x + y"), numberAlgebra, { x: 1 })).toThrow(/no value for symbol "y"/);
  });
});
