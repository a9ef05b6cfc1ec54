import { Value } from "@neurogebra/autograd";
import { diff, evaluate, evaluateWith, MathForge, parse } from "@neurogebra/symbolic";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { valueAlgebra } from "./value-algebra.js";

/** |a − b| ≤ 1e-9 · max(1, |a|, |b|). */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Evaluates `source` on Values, runs backward(), returns the value and d/dvar for each variable. */
function viaAutograd(
  source: string,
  point: Record<string, number>,
): { value: number; grads: Record<string, number> } {
  const inputs = Object.fromEntries(Object.entries(point).map(([name, v]) => [name, new Value(v)]));
  const out = evaluateWith(parse(source), valueAlgebra, inputs);
  out.backward();
  return {
    value: out.data,
    grads: Object.fromEntries(Object.entries(inputs).map(([name, v]) => [name, v.grad])),
  };
}

/** Points in [-2, 2] at least 0.01 away from 0, where Max and Abs have their kinks. */
const coordinate = fc
  .integer({ min: 10, max: 2000 })
  .chain((k) => fc.constantFrom(k / 1000, -k / 1000))
  .map((v) => v + 1e-7);

describe("symbolic formulas evaluated on autograd Values (the app's algebra wiring)", () => {
  const formulas = [
    "x*exp(y) + log(x**2 + 1)",
    "tanh(x)*y - x/(1 + y**2)",
    "sqrt(x**2 + y**2 + 1)",
    "1/(exp(-x) + 1) * Abs(y)",
    "Max(0, x) + x**3 - 2*y",
    "cosh(x) - sinh(y)",
  ];

  it.each(formulas)("backward() of %s equals diff(...) evaluated", (source) => {
    fc.assert(
      fc.property(coordinate, coordinate, (x, y) => {
        const point = { x, y };
        const { value, grads } = viaAutograd(source, point);
        const expr = parse(source);
        return (
          close(value, evaluate(expr, point)) &&
          close(grads.x!, evaluate(diff(expr, "x"), point)) &&
          close(grads.y!, evaluate(diff(expr, "y"), point))
        );
      }),
      { numRuns: 60 },
    );
  });

  it("the catalogue's relu, sigmoid, tanh and softplus train like their autograd ops", () => {
    const forge = new MathForge();
    for (const name of ["relu", "sigmoid", "tanh", "softplus"]) {
      const expression = forge.get(name);
      const variable = expression.variables[0]!;
      for (const at of [-1.5, -0.3, 0.7, 2.1]) {
        const x = new Value(at);
        const out = expression.evaluateWith(valueAlgebra, { [variable]: x });
        out.backward();
        expect(close(out.data, expression.eval({ [variable]: at })), `${name}(${at})`).toBe(true);
        expect(close(x.grad, expression.gradient(variable).eval({ [variable]: at })), `${name}'(${at})`).toBe(
          true,
        );
      }
    }
  });
});
