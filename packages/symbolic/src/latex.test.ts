import { describe, expect, it } from "vitest";

import { latexSymbolName } from "./latex.js";
import { parse } from "./parse.js";

const l = (src: string): string => parse(src).toLatex();

describe("toLatex (SymPy style)", () => {
  it("prints the tutorial's formulas like SymPy's latex()", () => {
    expect(l("Max(0, x)")).toBe("\\max\\left(0, x\\right)");
    expect(l("Heaviside(x)")).toBe("\\theta\\left(x\\right)");
    expect(l("1/(1 + exp(-x))")).toBe("\\frac{1}{e^{- x} + 1}");
    expect(l("1 - tanh(x)**2")).toBe("1 - \\tanh^{2}{\\left(x \\right)}");
  });

  it("prints fractions, roots, functions and absolute values", () => {
    expect(l("x**2/2")).toBe("\\frac{x^{2}}{2}");
    expect(l("sqrt(x + 1)")).toBe("\\sqrt{x + 1}");
    expect(l("x**(1/3)")).toBe("\\sqrt[3]{x}");
    expect(l("Abs(x)")).toBe("\\left|{x}\\right|");
    expect(l("sin(x)")).toBe("\\sin{\\left(x \\right)}");
    expect(l("(x + 1)**2")).toBe("\\left(x + 1\\right)^{2}");
    expect(l("-x/2")).toBe("- \\frac{x}{2}");
    expect(l("2*3**x")).toBe("2 \\cdot 3^{x}");
    expect(l("1.0e-8*x")).toBe("1.0 \\cdot 10^{-8} x");
    expect(l("gamma(x)")).toBe("\\Gamma\\left(x\\right)");
    expect(l("floor(x)")).toBe("\\left\\lfloor{x}\\right\\rfloor");
  });

  it("prints Piecewise as cases", () => {
    expect(l("Piecewise((x, x > 0), (alpha*x, True))")).toBe(
      "\\begin{cases} x & \\text{for}\\: x > 0 \\\\ \\alpha x & \\text{otherwise} \\end{cases}",
    );
    expect(l("Piecewise((1, x <= 0), (0, True))")).toContain("x \\leq 0");
  });

  it("turns Greek names and subscripts into LaTeX", () => {
    expect(latexSymbolName("alpha")).toBe("\\alpha");
    expect(latexSymbolName("lambda_reg")).toBe("\\lambda_{reg}");
    expect(latexSymbolName("y_pred")).toBe("y_{pred}");
    expect(latexSymbolName("x0")).toBe("x_{0}");
    expect(latexSymbolName("sigma_x")).toBe("\\sigma_{x}");
    expect(latexSymbolName("lr")).toBe("lr");
  });
});
