import { describe, expect, it } from "vitest";

import { compile } from "./compile.js";
import { diff } from "./differentiate.js";
import { UnboundSymbolError } from "./evaluate.js";
import { parse } from "./parse.js";

describe("compile", () => {
  it("computes exactly what evaluate computes", () => {
    const e = parse(
      "Piecewise((x**2*exp(-y) + sqrt(x**2 + 1), x > y), (erf(x) + gamma(y**2 + 1)/(x**2 + 1), True)) + Max(x, y)**3",
    );
    const f = compile(e, ["x", "y"]);
    for (const [x, y] of [
      [0.3, -1.2],
      [-0.7, 0.4],
      [2.5, 2.5],
    ] as const) {
      expect(f(x, y)).toBe(e.evaluate({ x, y }));
    }
  });

  it("bakes in constants and caches the compiled function", () => {
    const e = parse("Max(x, alpha*x)");
    const f = e.compile(["x"], { alpha: 0.01 });
    expect(f(-2)).toBe(-0.02);
    expect(e.compile(["x"], { alpha: 0.01 })).toBe(f);
    expect(e.compile(["x"], { alpha: 0.2 })).not.toBe(f);
  });

  it("shares common subexpressions of derivatives", () => {
    const g = diff(parse("1/(1 + exp(-x))"), "x");
    const f = g.compile(["x"]);
    expect(f(0)).toBe(0.25);
  });

  it("rejects unbound symbols, duplicates and wrong argument counts", () => {
    expect(() => compile(parse("x + y"), ["x"])).toThrow(UnboundSymbolError);
    expect(() => compile(parse("x + y"), ["x"])).toThrow('compile: no value for symbol "y" (bound: x)');
    expect(() => compile(parse("x"), ["x", "x"])).toThrow(/listed twice/);
    expect(() => compile(parse("x"), ["x"], { x: 1 })).toThrow(/both a variable and a constant/);
    expect(() => compile(parse("x"), ["x"])()).toThrow(/expected 1 argument\(s\), got 0/);
  });
});
