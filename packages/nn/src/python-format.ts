/*
 * Python number formatting moved out of nn (it is not a neural-network concern); these re-exports stay
 * for code that imported it from here and will be removed in a later minor version.
 */
import {
  formatFixed as fixed,
  formatGrouped as grouped,
  formatPercent as percent,
  formatRepr as repr,
} from "@neurogebra/internal";

/**
 * Python's `format(x, f".{digits}f")`: the exact binary value rounded half-to-even.
 *
 * @deprecated Not a neural-network concern; it stays here for compatibility and will be removed.
 * @example
 * ```ts
 * formatFixed(15.378512, 4); // → "15.3785"
 * formatFixed(0.125, 2); // → "0.12"  (toFixed gives "0.13")
 * ```
 */
export function formatFixed(x: number, digits: number): string {
  return fixed(x, digits);
}

/**
 * Python's `f"{x:.1%}"` (`digits` decimals of `100·x`, then `%`), rounded like {@link formatFixed}.
 *
 * @deprecated Not a neural-network concern; it stays here for compatibility and will be removed.
 * @example
 * ```ts
 * formatPercent(111 / 240, 1); // → "46.2%"  (Python's answer; (x * 100).toFixed(1) gives "46.3")
 * formatPercent(0.9333333333333333, 1); // → "93.3%"
 * ```
 */
export function formatPercent(x: number, digits = 1): string {
  return percent(x, digits);
}

/**
 * Python's `f"{n:,}"`: an integer with thousands separators.
 *
 * @deprecated Not a neural-network concern; it stays here for compatibility and will be removed.
 * @example
 * ```ts
 * formatGrouped(371); // → "371"
 * formatGrouped(1234567); // → "1,234,567"
 * ```
 */
export function formatGrouped(n: number): string {
  return grouped(n);
}

/**
 * Python's `repr(x)` of a float (`1e-05`, `0.1`, `2.0`, `nan`).
 *
 * @deprecated Not a neural-network concern; it stays here for compatibility and will be removed.
 * @example
 * ```ts
 * formatRepr(1e-5); // → "1e-05"
 * formatRepr(0.1); // → "0.1"
 * formatRepr(2); // → "2.0"
 * ```
 */
export function formatRepr(x: number): string {
  return repr(x);
}
