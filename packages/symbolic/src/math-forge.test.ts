import { describe, expect, it } from "vitest";

import { numberAlgebra } from "./algebra.js";
import { Expression } from "./expression.js";
import { MathForge, UnknownExpressionError } from "./math-forge.js";
import { parse } from "./parse.js";

describe("MathForge — tutorial Step 8", () => {
  const forge = new MathForge();
  const relu = forge.get("relu");

  it("prints ReLU and its gradient as the Python run does", () => {
    // python-run-seed42.txt: "ReLU activation: Max(0, x)  gradient: Heaviside(x)"
    expect(relu.symbolicExpr.toString()).toBe("Max(0, x)");
    expect(relu.gradient("x").symbolicExpr.toString()).toBe("Heaviside(x)");
  });

  it("evaluates ReLU and its gradient at ±2", () => {
    expect(relu.eval({ x: 2.0 })).toBe(2);
    expect(relu.eval({ x: -2.0 })).toBe(0);
    expect(relu.gradient("x").eval({ x: 2.0 })).toBe(1);
    expect(relu.gradient("x").eval({ x: -2.0 })).toBe(0);
  });

  it("exposes the formula in LaTeX", () => {
    expect(relu.formula).toBe("\\max\\left(0, x\\right)");
    expect(relu.gradient("x").formula).toBe("\\theta\\left(x\\right)");
  });
});

describe("MathForge catalogue", () => {
  const forge = new MathForge();

  it("holds the 285 catalogue expressions in 10 categories", () => {
    expect(forge.size).toBe(285);
    expect(forge.listAll()).toHaveLength(285);
    expect(forge.categories()).toHaveLength(10);
    expect(forge.listAll("activation").slice(0, 3)).toEqual(["relu", "sigmoid", "tanh"]);
    expect(forge.listAll("loss")).toHaveLength(8);
  });

  it("keeps params separate from variables", () => {
    const leaky = forge.get("leaky_relu");
    expect(leaky.toString()).toBe("Max(x, alpha*x)");
    expect(leaky.params).toEqual({ alpha: 0.01 });
    expect(leaky.variables).toEqual(["x"]);
    expect(leaky.eval({ x: -2 })).toBe(-0.02);
    expect(leaky.eval({ x: -2, alpha: 0.5 })).toBe(-1);
    expect(forge.get("leaky_relu", { params: { alpha: 0.2 } }).eval({ x: -1 })).toBe(-0.2);
    // compose replaces the variable, never the param
    expect(leaky.compose("2*x").toString()).toBe("Max(2*alpha*x, 2*x)");
  });

  it("differentiates with respect to params too", () => {
    const leaky = forge.get("leaky_relu");
    expect(leaky.gradient("alpha").toString()).toBe("x*Heaviside(alpha*x - x)");
    expect(leaky.gradient("alpha").eval({ x: -3 })).toBe(-3);
  });

  it("compiles with params baked in, in variable order", () => {
    const mse = forge.get("mse");
    expect(mse.variables).toEqual(["y_pred", "y_true"]);
    expect(mse.compile()(3, 1)).toBe(4);
    expect(forge.get("sigmoid").compile()(0)).toBe(0.5);
  });

  it("evaluates on an algebra with params as constants", () => {
    expect(forge.get("leaky_relu").evaluateWith(numberAlgebra, { x: -1 })).toBe(-0.01);
  });

  it("suggests close names for unknown ones", () => {
    expect(() => forge.get("rellu")).toThrow(UnknownExpressionError);
    expect(() => forge.get("rellu")).toThrow(
      'MathForge.get: unknown expression "rellu" (did you mean "relu"',
    );
    expect(() => forge.get("sigmod")).toThrow(/did you mean "sigmoid"/);
    expect(() => forge.listAll("activations")).toThrow(
      /unknown category "activations" \(did you mean "activation"/,
    );
    expect(() => forge.get("relu").gradient("z")).toThrow(/unknown variable "z"; expected one of x/);
    expect(() => forge.get("leaky_relu", { params: { alpah: 1 } })).toThrow(
      /unknown param "alpah".*did you mean "alpha"/,
    );
    expect(() => forge.get("relu").eval({ y: 1 })).toThrow(/unknown variable "y"/);
    expect(() => forge.get("relu").eval({})).toThrow(/relu.eval: no value for symbol "x"/);
  });

  it("searches names, categories and descriptions", () => {
    expect(forge.search("relu")[0]!.name).toBe("relu");
    const kernels = forge.search("kernel").map((i) => i.name);
    expect(kernels).toContain("rbf_kernel");
    expect(
      forge
        .search("huber loss")
        .slice(0, 2)
        .map((i) => i.name),
    ).toEqual(expect.arrayContaining(["huber"]));
    expect(forge.search("  ")).toEqual([]);
    expect(forge.search("relu", { limit: 2 })).toHaveLength(2);
  });

  it("explains at three levels", () => {
    const beginner = forge.explain("leaky_relu");
    expect(beginner).toContain("leaky_relu (activation)");
    expect(beginner).toContain("Formula: Max(x, alpha*x)");
    expect(beginner).toContain("Parameters: alpha = 0.01");
    const intermediate = forge.explain("leaky_relu", "intermediate");
    expect(intermediate).toContain("d/dx: alpha*Heaviside(alpha*x - x) + Heaviside(-alpha*x + x)");
    const advanced = forge.explain("leaky_relu", "advanced");
    expect(advanced).toContain("LaTeX: \\max\\left(x, \\alpha x\\right)");
    expect(advanced).toContain("Not differentiable where");
    expect(forge.explain("sigmoid", "advanced")).toContain("Smooth wherever it is defined.");
    expect(() => forge.explain("relu", "expert" as "advanced")).toThrow(/expected level to be one of/);
  });

  it("compares formulas side by side", () => {
    const rows = forge.compare(["relu", "sigmoid", "tanh"]);
    expect(rows.map((r) => r.gradients.x)).toEqual([
      "Heaviside(x)",
      "exp(-x)/(exp(-x) + 1)**2",
      "1 - tanh(x)**2",
    ]);
    expect(rows[0]!.kinks).toEqual(["x"]);
  });

  it("registers new formulas on this instance only", () => {
    const mine = new MathForge();
    const bent = mine.register("bent_identity", "(sqrt(x**2 + 1) - 1)/2 + x", {
      category: "activation",
      description: "Bent identity.",
    });
    expect(bent).toBeInstanceOf(Expression);
    expect(mine.get("bent_identity").gradient("x").eval({ x: 0 })).toBe(1);
    expect(mine.size).toBe(286);
    expect(new MathForge().has("bent_identity")).toBe(false);
    const scaled = mine.register("scaled", parse("k*x"), {
      category: "algebra",
      description: "Scaling.",
      params: { k: 3 },
    });
    expect(scaled.eval({ x: 2 })).toBe(6);
    expect(() => mine.register("relu", "x", { category: "activation", description: "" })).toThrow(
      /already exists/,
    );
    expect(() => mine.register("bad name", "x", { category: "a", description: "" })).toThrow(TypeError);
    expect(() => mine.register("broken", "x +", { category: "a", description: "" })).toThrow(SyntaxError);
    expect(mine.has("broken")).toBe(false);
  });
});

describe("Expression", () => {
  it("checks that every symbol is a param or a variable", () => {
    expect(
      () =>
        new Expression({ name: "f", category: "c", description: "", expr: parse("x + y"), variables: ["x"] }),
    ).toThrow(/symbol "y" is neither a param nor a variable/);
    expect(
      () =>
        new Expression({
          name: "f",
          category: "c",
          description: "",
          expr: parse("x"),
          params: { x: 1 },
          variables: ["x"],
        }),
    ).toThrow(/both a param and a variable/);
  });

  it("refuses to merge clashing params when composing", () => {
    const forge = new MathForge();
    const outer = forge.get("leaky_relu");
    const inner = forge.get("leaky_relu", { params: { alpha: 0.5 } });
    expect(() => outer.compose(inner)).toThrow(/param "alpha" is 0.01 here and 0.5 in leaky_relu/);
    expect(outer.compose(forge.get("sigmoid")).eval({ x: 0 })).toBe(0.5);
  });
});
