/**
 * The package's name, for diagnostics. (Foundation skeleton — the API lands with its issue.)
 *
 * @example
 * ```ts
 * packageName; // "@neurogebra/datasets"
 * ```
 */
export const packageName = "@neurogebra/datasets";
