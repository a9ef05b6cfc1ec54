import { describe, type OwnClasses } from "./describe.js";

/**
 * The one error-message convention of the @neurogebra packages: `<fn>: expected <what>, got <described
 * value>` — which function, which argument and what it should be, and what actually came.
 *
 * @example
 * ```ts
 * throw new TypeError(expected("Adam", "lr to be a finite number ≥ 0", "0.01"));
 * // TypeError: Adam: expected lr to be a finite number ≥ 0, got the string "0.01"
 * ```
 */
export function expected(fn: string, what: string, value: unknown, own?: OwnClasses): string {
  return `${fn}: expected ${what}, got ${describe(value, own)}`;
}
