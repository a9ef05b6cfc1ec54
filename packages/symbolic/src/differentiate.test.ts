import { describe, expect, it } from "vitest";

import { diff } from "./differentiate.js";
import { parse } from "./parse.js";

const d = (src: string, x = "x"): string => diff(parse(src), x).toString();

describe("diff", () => {
  it("gives the tutorial's results in SymPy's form", () => {
    expect(d("Max(0, x)")).toBe("Heaviside(x)");
    expect(d("tanh(x)")).toBe("1 - tanh(x)**2");
    expect(d("Abs(x)")).toBe("sign(x)");
  });

  it("matches SymPy's output for the elementary functions", () => {
    // Strings as printed by sympy.diff(...) for each function.
    expect(d("sin(x)")).toBe("cos(x)");
    expect(d("cos(x)")).toBe("-sin(x)");
    expect(d("tan(x)")).toBe("tan(x)**2 + 1");
    expect(d("log(x)")).toBe("1/x");
    expect(d("exp(x**2)")).toBe("2*x*exp(x**2)");
    expect(d("sqrt(x)")).toBe("1/(2*sqrt(x))");
    expect(d("atan(x)")).toBe("1/(x**2 + 1)");
    expect(d("asin(x)")).toBe("1/sqrt(1 - x**2)");
    expect(d("acos(x)")).toBe("-1/sqrt(1 - x**2)");
    expect(d("erf(x)")).toBe("2*exp(-x**2)/sqrt(pi)");
    expect(d("gamma(x)")).toBe("gamma(x)*polygamma(0, x)");
    expect(d("x**x")).toBe("x**x*(log(x) + 1)");
    expect(d("cosh(x)")).toBe("sinh(x)");
    expect(d("2**x")).toBe("2**x*log(2)");
  });

  it("applies the chain rule through Abs: d|u| = sign(u)·du", () => {
    expect(d("Abs(x**2 - 1)")).toBe("2*x*sign(x**2 - 1)");
    expect(d("Abs(y_pred - y_true)", "y_true")).toBe("-sign(y_pred - y_true)");
  });

  it("differentiates Max/Min with SymPy's Heaviside rule", () => {
    expect(d("Max(x, alpha*x)")).toBe("alpha*Heaviside(alpha*x - x) + Heaviside(-alpha*x + x)");
    expect(d("Min(1, x)")).toBe("Heaviside(1 - x)");
    expect(d("Max(0, x - 1)")).toBe("Heaviside(x - 1)");
  });

  it("differentiates Piecewise branch by branch", () => {
    expect(d("Piecewise((x**2, x > 0), (alpha*(exp(x) - 1), True))")).toBe(
      "Piecewise((2*x, x > 0), (alpha*exp(x), True))",
    );
    // Branches that become equal collapse.
    expect(d("Piecewise((x + 1, x > 0), (x - 1, True))")).toBe("1");
  });

  it("treats steps as flat almost everywhere", () => {
    expect(d("Heaviside(x)")).toBe("0");
    expect(d("sign(x)*x")).toBe("sign(x)");
    expect(d("floor(x)")).toBe("0");
  });

  it("supports higher orders and partial derivatives", () => {
    expect(diff(parse("x**3*y"), "x", 2).toString()).toBe("6*x*y");
    expect(d("x**3*y", "y")).toBe("x**3");
    expect(diff(parse("x"), "x", 0).toString()).toBe("x");
  });

  it("rejects invalid requests", () => {
    expect(() => diff(parse("x"), "x", -1)).toThrow(/order to be a non-negative integer/);
    expect(() => diff(parse("x"), "2x")).toThrow(/sym: expected an identifier/);
    expect(() => diff(parse("polygamma(n, x)"), "n")).toThrow(/must not depend on n/);
  });
});
