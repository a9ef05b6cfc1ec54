/*
 * The argument checks the packages share, each throwing with the one message convention
 * ("<fn>: expected <what>, got <described value>"). The error class is the caller's: packages keep the
 * classes their users already catch (a bad type is usually a TypeError, a bad range a RangeError).
 */
import { expected } from "./expected.js";

/** An error class a check may throw. */
export type ErrorClass = new (message: string) => Error;

/**
 * `x` when it is a finite number `≥ min` (default: any finite number), else an error (`TypeError` unless
 * `error` says otherwise) naming `fn`, `name` and what came.
 *
 * @example
 * ```ts
 * checkFinite("normal", "mean", 0); // 0
 * checkFinite("moons", 'option "noise"', -1, { min: 0, error: RangeError });
 * // RangeError: moons: expected option "noise" to be a finite number >= 0, got number -1
 * ```
 */
export function checkFinite(
  fn: string,
  name: string,
  x: unknown,
  { min, error = TypeError }: { min?: number; error?: ErrorClass } = {},
): number {
  if (typeof x !== "number" || !Number.isFinite(x) || (min !== undefined && x < min)) {
    throw new error(expected(fn, `${name} to be a finite number${min === undefined ? "" : ` >= ${min}`}`, x));
  }
  return x;
}

/**
 * `x` when it is an integer in `[min, max]` (default max: 2^31 − 1, what a length or a count can be),
 * else an error (`RangeError` unless `error` says otherwise) saying which integers were expected.
 *
 * @example
 * ```ts
 * checkInteger("Linear", "inFeatures", 3, { min: 1, what: "a positive integer" }); // 3
 * checkInteger("xor", 'option "nSamples"', 2.5, { min: 1 });
 * // RangeError: xor: expected option "nSamples" to be an integer >= 1, got number 2.5
 * ```
 */
export function checkInteger(
  fn: string,
  name: string,
  x: unknown,
  {
    min = 0,
    max = 0x7fffffff,
    what = `an integer >= ${min}`,
    error = RangeError,
  }: { min?: number; max?: number; what?: string; error?: ErrorClass } = {},
): number {
  if (typeof x !== "number" || !Number.isInteger(x) || x < min || x > max) {
    throw new error(expected(fn, `${name} to be ${what}`, x));
  }
  return x;
}

/**
 * `rng` when it is an object with the generator methods `methods` (e.g. `["random", "normal"]`), else a
 * `TypeError` that names them and shows how to make one.
 *
 * @example
 * ```ts
 * checkRng("Dropout", "options.rng", createRng(42), ["random"]); // the generator
 * checkRng("Dropout", "options.rng", 42, ["random"]);
 * // TypeError: Dropout: expected options.rng to be an Rng with random() (e.g. createRng(42)), got number 42
 * ```
 */
export function checkRng<R>(fn: string, name: string, rng: unknown, methods: readonly string[]): R {
  if (
    rng === null ||
    typeof rng !== "object" ||
    !methods.every((m) => typeof (rng as Record<string, unknown>)[m] === "function")
  ) {
    const list = methods.map((m) => `${m}()`).join(", ");
    throw new TypeError(expected(fn, `${name} to be an Rng with ${list} (e.g. createRng(42))`, rng));
  }
  return rng as R;
}
