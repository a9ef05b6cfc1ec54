/**
 * The package's name, for diagnostics. (Foundation skeleton — the API lands with its issue.)
 *
 * @example
 * ```ts
 * packageName; // "@neurogebra/symbolic"
 * ```
 */
export const packageName = "@neurogebra/symbolic";
