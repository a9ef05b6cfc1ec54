/**
 * Python's `repr` of a list of strings, the one Python format only the tutorial needs. Numbers
 * (`f"{x:.4f}"`, `f"{acc:.1%}"`, `f"{n:,}"`, `repr(x)`) are formatted by the shared helpers of
 * `@neurogebra/internal` (`formatFixed`, `formatPercent`, `formatGrouped`, `formatRepr`).
 */

/**
 * Python's `repr` of a list of strings, e.g. the tutorial's `['relu', 'relu', 'linear']`.
 *
 * @example
 * ```ts
 * formatStringList(["relu", "linear"]); // "['relu', 'linear']"
 * ```
 */
export function formatStringList(items: readonly string[]): string {
  return `[${items.map((item) => `'${item}'`).join(", ")}]`;
}
