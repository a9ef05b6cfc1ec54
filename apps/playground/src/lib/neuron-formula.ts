import { add, call, diff, div, float, mul, neg, num, sym, toLatex } from "@neurogebra/symbolic";
import type { Expr } from "@neurogebra/symbolic";

import type { ActivationName } from "./settings.js";

/** The LaTeX a neuron's panel shows: its pre-activation, its output, and a derivative by the chain rule. */
export interface NeuronFormula {
  /** The neuron with its weights: `a = \operatorname{ReLU}(0.41 x_1 - 1.2 x_2 + 0.3)` (an output: its logit `z`). */
  a: string;
  /** The activation as a function of the weighted sum `z`: `\operatorname{ReLU}(z) = \max(0, z)`. */
  activation: string;
  /** `∂a/∂x_1 = 0.41 · θ(z)`: the derivative with respect to the first input. */
  derivative: string;
}

/** Weights as the formula shows them: two decimals, like the issue's `ReLU(0.41 x1 − 1.2 x2 + 0.3)`. */
export function rounded(w: number): number {
  const r = Math.round(w * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

const NAMES: Record<ActivationName, string> = {
  relu: "\\operatorname{ReLU}",
  tanh: "\\tanh",
  sigmoid: "\\sigma",
  "leaky-relu": "\\operatorname{LeakyReLU}",
};

/** The activation as a symbolic expression of `z` (the same functions the engines apply). */
export function activationExpr(activation: ActivationName, z: Expr): Expr {
  switch (activation) {
    case "relu":
      return call("Max", num(0), z);
    case "tanh":
      return call("tanh", z);
    case "sigmoid":
      return div(num(1), add(num(1), call("exp", neg(z))));
    case "leaky-relu":
      return call("Max", z, mul(float(0.01), z));
    default: {
      const never: never = activation;
      throw new RangeError(`activationExpr: unknown activation ${String(never)}`);
    }
  }
}

/**
 * A neuron's formula with its current weights, typeset from `@neurogebra/symbolic` trees: its activation
 * of the weighted sum `z` of its inputs (`x1`, `x2` in the first layer, the previous layer's activations
 * `h_j` deeper), the activation as a function of `z`, and `∂a/∂(first input) = w_1 · f'(z)` with `f'`
 * from symbolic differentiation.
 *
 * @example
 * ```ts
 * neuronFormula([0.41, -1.2], 0.3, "relu", 1, false).a; // "a = \\operatorname{ReLU}\\left(0.41 x_{1} - 1.2 x_{2} + 0.3\\right)"
 * ```
 */
export function neuronFormula(
  weights: readonly number[],
  bias: number,
  activation: ActivationName,
  layer: number,
  isOutput: boolean,
): NeuronFormula {
  const inputs = weights.map((_, j) => sym(layer === 1 ? `x${j + 1}` : `h${j + 1}`));
  const terms: Expr[] = weights.map((w, j) => mul(float(rounded(w)), inputs[j]!));
  const z = add(...terms, float(rounded(bias)));
  const zSym = sym("z");
  const first = toLatex(inputs[0]!);
  if (isOutput) {
    return {
      a: `z = ${toLatex(z)}`,
      activation: "p = \\operatorname{softmax}(z)\\ \\text{over the outputs (z is this class's logit)}",
      derivative: `\\frac{\\partial z}{\\partial ${first}} = ${toLatex(diff(z, inputs[0]!.name))}`,
    };
  }
  const f = activationExpr(activation, zSym);
  const fPrime = diff(f, "z");
  return {
    a: `a = ${NAMES[activation]}\\left(${toLatex(z)}\\right)`,
    activation: `${NAMES[activation]}(z) = ${toLatex(f)}`,
    derivative: `\\frac{\\partial a}{\\partial ${first}} = ${toLatex(mul(float(rounded(weights[0]!)), fPrime))}`,
  };
}
