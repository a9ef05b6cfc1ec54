import { MathForge } from "@neurogebra/symbolic";

/** What one pass over the catalogue did. */
export interface CataloguePass {
  /** Formulas parsed and compiled. */
  formulas: number;
  /** Derivatives taken (one per variable of each formula) and compiled. */
  derivatives: number;
}

/**
 * Parse, differentiate and compile the whole `MathForge` catalogue from scratch: a fresh forge (so no
 * formula is cached), then for every entry `get` (parse), `compile()`, and for every variable
 * `gradient(v).compile()`.
 *
 * @example
 * ```ts
 * catalogueParseDiffCompile(); // { formulas: 285, derivatives: 324 }
 * ```
 */
export function catalogueParseDiffCompile(): CataloguePass {
  const forge = new MathForge();
  let formulas = 0;
  let derivatives = 0;
  for (const name of forge.listAll()) {
    const expression = forge.get(name);
    expression.compile();
    formulas++;
    for (const variable of expression.variables) {
      expression.gradient(variable).compile();
      derivatives++;
    }
  }
  return { formulas, derivatives };
}

/** The formula whose compiled evaluation is timed, and the points it is evaluated at. */
export const EVAL_FORMULA = "gelu";

/**
 * The catalogue's `gelu` (tanh approximation) compiled to a JS function, and a sweep that evaluates it
 * at `points` evenly spaced inputs in [−5, 5], returning the sum so the work cannot be optimised away.
 *
 * @example
 * ```ts
 * const sweep = compiledEvaluation(100_000);
 * sweep(); // Σ gelu(xᵢ)
 * ```
 */
export function compiledEvaluation(points: number): () => number {
  const gelu = new MathForge().get(EVAL_FORMULA).compile();
  const xs = new Float64Array(points);
  for (let i = 0; i < points; i++) xs[i] = -5 + (10 * i) / (points - 1);
  return () => {
    let total = 0;
    for (let i = 0; i < xs.length; i++) total += gelu(xs[i]!);
    return total;
  };
}

/** One catalogue entry as `pytorch_reference.py` reads it for the SymPy row. */
export interface CatalogueEntry {
  name: string;
  /** The formula in SymPy syntax, as our printer writes it. */
  formula: string;
  params: Readonly<Record<string, number>>;
  variables: readonly string[];
}

/**
 * The whole catalogue in SymPy syntax, so the reference can parse, differentiate and lambdify the same
 * formulas with SymPy.
 *
 * @example
 * ```ts
 * catalogueEntries()[0]; // { name: "relu", formula: "Max(0, x)", params: {}, variables: ["x"] }
 * ```
 */
export function catalogueEntries(): CatalogueEntry[] {
  const forge = new MathForge();
  return forge.listAll().map((name) => {
    const e = forge.get(name);
    return { name, formula: e.toString(), params: e.params, variables: e.variables };
  });
}
