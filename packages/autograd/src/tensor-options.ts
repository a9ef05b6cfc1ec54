import { expected } from "@neurogebra/internal";

/**
 * Options accepted by the `Tensor` constructor and the factories.
 *
 * @example
 * ```ts
 * const options: TensorOptions = { requiresGrad: true };
 * zeros([2], options).requiresGrad; // → true
 * ```
 */
export interface TensorOptions {
  /** Record operations on this tensor so `backward()` fills its `grad`. Default `false`. */
  readonly requiresGrad?: boolean;
}

/**
 * The `requiresGrad` of `options` (`undefined` or `null` options: `false`), or a `TypeError` naming
 * `fn` for anything but an options object whose only key is a boolean `requiresGrad` — so a typo
 * (`{ requiresgrad: true }`) or a truthy string cannot silently give a tensor without gradients.
 */
export function requiresGradOption(options: unknown, fn: string): boolean {
  if (options === undefined || options === null) return false;
  if (typeof options !== "object") {
    throw new TypeError(expected(fn, "options to be an object like { requiresGrad: true }", options));
  }
  for (const key of Object.keys(options)) {
    if (key !== "requiresGrad") throw new TypeError(`${fn}: unknown option "${key}" (expected requiresGrad)`);
  }
  const requiresGrad = (options as TensorOptions).requiresGrad;
  if (requiresGrad === undefined) return false;
  if (typeof requiresGrad !== "boolean") {
    throw new TypeError(expected(fn, "options.requiresGrad to be a boolean", requiresGrad));
  }
  return requiresGrad;
}

/** @internal Marks construction by an op (trusted data and shape; see the `Tensor` constructor). */
export const INTERNAL: TensorOptions = Object.freeze({});
/** @internal Like `INTERNAL`, for a number operand made into a 0-d tensor. */
export const NUMBER_OPERAND: TensorOptions = Object.freeze({});
