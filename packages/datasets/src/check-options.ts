import { defaultRng } from "@neurogebra/random";
import type { Rng } from "@neurogebra/random";
import { checkFinite, checkInteger as integer, checkRng as rngWith, expected } from "@neurogebra/internal";

/*
 * Checks shared by the dataset generators. Every message names the function, the option, what was
 * expected and what was received.
 */

/** An integer option ≥ `min` (a `RangeError` otherwise). */
export function checkInteger(fn: string, option: string, value: unknown, min: number): number {
  return integer(fn, `option "${option}"`, value, { min });
}

/** A finite number option ≥ 0 (noise levels; a `RangeError` otherwise). */
export function checkNonNegative(fn: string, option: string, value: unknown): number {
  return checkFinite(fn, `option "${option}"`, value, { min: 0, error: RangeError });
}

/** The `rng` option: anything with the `Rng` methods; when absent, the shared default generator. */
export function checkRng(fn: string, rng: unknown): Rng {
  if (rng === undefined) return defaultRng();
  return rngWith<Rng>(fn, 'option "rng"', rng, ["random", "normal", "uniform", "permutation"]);
}

/** The options object itself (so a missing one fails with our message, not a destructuring error). */
export function checkOptionsObject(fn: string, options: unknown): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(expected(fn, "an options object", options));
  }
}

/**
 * Throw a `TypeError` for an option key `fn` does not know (a typo such as `{ points: 3 }` would
 * otherwise silently leave the default in place), suggesting the known key it resembles.
 */
export function checkKnownOptions(fn: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const lower = key.toLowerCase();
    const guess = known.find(
      (k) => k.toLowerCase() === lower || (lower.length >= 3 && k.toLowerCase().includes(lower)),
    );
    throw new TypeError(
      `${fn}: unknown option "${key}"${guess === undefined ? "" : ` (did you mean "${guess}"?)`}; ` +
        `the options are ${known.join(", ")}`,
    );
  }
}

/** The most numbers (points × features) a generated dataset holds: 2^31 − 1, as a tensor does. */
export const MAX_VALUES = 0x7fffffff;

/**
 * A zero-filled `Float64Array` of `count` numbers for `fn`'s dataset, or a `RangeError` naming `fn`
 * and the options `what` that asked for it when `count` exceeds {@link MAX_VALUES} or memory runs out.
 */
export function allocateValues(fn: string, what: string, count: number): Float64Array {
  if (count > MAX_VALUES) {
    throw new RangeError(
      `${fn}: ${what} make ${count} numbers; a dataset holds at most 2147483647 numbers (2^31 − 1)`,
    );
  }
  try {
    return new Float64Array(count);
  } catch (error) {
    throw new RangeError(
      `${fn}: ${what} make ${count} numbers, which do not fit in memory (${String(error)})`,
      { cause: error },
    );
  }
}
