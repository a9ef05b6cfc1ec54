/**
 * Argument checks shared by the loss functions, so every message names the function, the argument, what
 * was expected and what was received.
 */
import { expected } from "@neurogebra/internal";

/** Check a class index against `nClasses`; returns it. */
export function checkClassIndex(fn: string, name: string, target: unknown, nClasses: number): number {
  if (typeof target !== "number" || !Number.isInteger(target) || target < 0 || target >= nClasses) {
    throw new RangeError(
      expected(fn, `${name} to be an integer class index in [0, ${nClasses - 1}]`, target),
    );
  }
  return target;
}

/** Check that a batch is not empty. */
export function checkNonEmpty(fn: string, name: string, length: number): void {
  if (length === 0) throw new RangeError(`${fn}: expected ${name} to be non-empty, got an empty batch`);
}

/** Check that two batches have the same length. */
export function checkSameLength(fn: string, a: string, aLength: number, b: string, bLength: number): void {
  if (aLength !== bLength) {
    throw new RangeError(
      `${fn}: expected ${a} and ${b} to have the same length, got ${aLength} and ${bLength}`,
    );
  }
}

/**
 * How per-sample losses are combined: averaged, summed, or returned as they are.
 *
 * @example
 * ```ts
 * const reduction: Reduction = "none";
 * crossEntropy(tensor([[0, 0], [0, 0]]), [0, 1], { reduction }).shape; // → [2]
 * ```
 */
export type Reduction = "mean" | "sum" | "none";

/** Check a `reduction` option (default `"mean"`). */
export function checkReduction(fn: string, reduction: unknown, allowNone = true): Reduction {
  const allowed: readonly Reduction[] = allowNone ? ["mean", "sum", "none"] : ["mean", "sum"];
  const r = reduction ?? "mean";
  if (!allowed.includes(r as Reduction)) {
    const names = allowed.map((a) => `"${a}"`).join(", ");
    throw new RangeError(expected(fn, `options.reduction to be one of ${names}`, reduction));
  }
  return r as Reduction;
}
