import { MathForge } from "@neurogebra/symbolic";

/** Step 8's "math behind your network": ReLU and its derivative from the symbolic catalogue. */
export interface ReluMath {
  /** SymPy-style text, e.g. `Max(0, x)`. */
  relu: string;
  /** e.g. `Heaviside(x)`. */
  reluGradient: string;
  reluLatex: string;
  reluGradientLatex: string;
  values: { reluAt2: number; reluAtMinus2: number; gradientAt2: number; gradientAtMinus2: number };
}

/**
 * Asks `@neurogebra/symbolic`'s `MathForge` for ReLU, differentiates it symbolically and evaluates
 * both, as the tutorial's Step 8 does with `forge.get("relu")`.
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
  };
}
