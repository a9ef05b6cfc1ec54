import { Value } from "@neurogebra/autograd";
import { MathForge } from "@neurogebra/symbolic";

import { valueAlgebra } from "./value-algebra.js";

/** Step 8's "math behind your network": ReLU and its derivative from the symbolic catalogue. */
export interface ReluMath {
  /** SymPy-style text, e.g. `Max(0, x)`. */
  relu: string;
  /** e.g. `Heaviside(x)`. */
  reluGradient: string;
  reluLatex: string;
  reluGradientLatex: string;
  values: { reluAt2: number; reluAtMinus2: number; gradientAt2: number; gradientAtMinus2: number };
  /** The same formula evaluated on autograd `Value`s, then `backward()`: d/dx at 2 and −2. */
  autogradGradients: { at2: number; atMinus2: number };
}

/**
 * Asks `@neurogebra/symbolic`'s `MathForge` for ReLU, differentiates it symbolically and evaluates
 * both, as the tutorial's Step 8 does with `forge.get("relu")` — then evaluates the same formula on
 * autograd `Value`s and backpropagates through it.
 *
 * @example
 * ```ts
 * reluMath().reluGradient; // "Heaviside(x)"
 * ```
 */
export function reluMath(): ReluMath {
  const forge = new MathForge();
  const relu = forge.get("relu");
  const gradient = relu.gradient("x");
  const autogradAt = (at: number): number => {
    const x = new Value(at);
    relu.evaluateWith(valueAlgebra, { x }).backward();
    return x.grad;
  };
  return {
    relu: relu.symbolicExpr.toString(),
    reluGradient: gradient.symbolicExpr.toString(),
    reluLatex: relu.symbolicExpr.toLatex(),
    reluGradientLatex: gradient.symbolicExpr.toLatex(),
    values: {
      reluAt2: relu.eval({ x: 2 }),
      reluAtMinus2: relu.eval({ x: -2 }),
      gradientAt2: gradient.eval({ x: 2 }),
      gradientAtMinus2: gradient.eval({ x: -2 }),
    },
    autogradGradients: { at2: autogradAt(2), atMinus2: autogradAt(-2) },
  };
}
