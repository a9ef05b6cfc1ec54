import { describe, expect, it } from "vitest";

import { neuronFormula, rounded } from "./neuron-formula.js";

describe("neuron formulas", () => {
  it("typesets a first-layer ReLU neuron with its weights and its derivative", () => {
    const f = neuronFormula([0.4123, -1.2049], 0.3, "relu", 1, false);
    expect(f.a).toBe("a = \\operatorname{ReLU}\\left(0.41 x_{1} - 1.2 x_{2} + 0.3\\right)");
    expect(f.activation).toBe("\\operatorname{ReLU}(z) = \\max\\left(0, z\\right)");
    expect(f.derivative).toBe("\\frac{\\partial a}{\\partial x_{1}} = 0.41 \\theta\\left(z\\right)");
  });

  it("differentiates every activation and names a deeper layer's inputs h_j", () => {
    expect(neuronFormula([1, 2, 3], 0, "tanh", 2, false).derivative).toBe(
      "\\frac{\\partial a}{\\partial h_{1}} = 1 - \\tanh^{2}{\\left(z \\right)}",
    );
    expect(neuronFormula([0.5, 1], 1, "sigmoid", 1, false).derivative).toContain("e^{- z}");
    expect(neuronFormula([0.5, 1], 1, "leaky-relu", 1, false).activation).toContain(
      "\\max\\left(z, 0.01 z\\right)",
    );
    expect(neuronFormula([2, -3], 0.5, "relu", 3, true).derivative).toBe(
      "\\frac{\\partial z}{\\partial h_{1}} = 2.0",
    );
  });

  it("rounds weights to two decimals without a negative zero", () => {
    expect([rounded(0.004), rounded(-0.004), rounded(1.235), rounded(-2.5)]).toEqual([0, 0, 1.24, -2.5]);
  });
});
