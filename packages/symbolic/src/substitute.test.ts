import { describe, expect, it } from "vitest";

import { parse } from "./parse.js";
import { compose, substitute } from "./substitute.js";

describe("substitute", () => {
  it("replaces symbols and re-simplifies", () => {
    expect(substitute(parse("Max(x, alpha*x)"), { alpha: 0.01 }).toString()).toBe("Max(x, 0.01*x)");
    expect(substitute(parse("x**2 + y"), { x: 0, y: 1 }).toString()).toBe("1");
    expect(substitute(parse("Piecewise((x, x > a), (0, True))"), { a: 0 }).toString()).toBe(
      "Piecewise((x, x > 0), (0, True))",
    );
    expect(substitute(parse("Piecewise((x, x > a), (0, True))"), { x: 5, a: 0 }).toString()).toBe("5");
  });

  it("substitutes simultaneously", () => {
    expect(substitute(parse("x - 2*y"), { x: parse("y"), y: parse("x") }).toString()).toBe("-2*x + y");
  });

  it("rejects bad replacements", () => {
    expect(() => substitute(parse("x"), { x: "y" as unknown as number })).toThrow(
      /substitute \(value of x\)/,
    );
    expect(() => substitute(parse("x"), null as unknown as Record<string, number>)).toThrow(TypeError);
  });
});

describe("compose", () => {
  it("plugs the inner formula into the only variable", () => {
    expect(compose(parse("Max(0, x)"), parse("w*x + b")).toString()).toBe("Max(0, b + w*x)");
    expect(compose(parse("exp(t)*s"), parse("2*u"), "t").toString()).toBe("s*exp(2*u)");
  });

  it("needs a variable name when there are several symbols", () => {
    expect(() => compose(parse("x*y"), parse("t"))).toThrow(
      /expected a variable name because the outer expression has 2 symbols/,
    );
  });
});
