/**
 * The most elements (and the largest dimension) a tensor may have: 2^31 − 1, so sizes and offsets stay
 * 32-bit integers (16 GB of float64 at the limit).
 */
export const MAX_TENSOR_SIZE = 0x7fffffff;

/**
 * The error for `what` (e.g. `"shape (2,3)"`, `"a weight of 4 × 5"`) holding `count` elements, more than
 * a tensor may: `"<fn>: <what> holds <count> elements; a tensor holds at most 2147483647 (2^31 − 1)"`.
 */
export function tooManyElements(fn: string, what: string, count: number): RangeError {
  return new RangeError(
    `${fn}: ${what} holds ${count} elements; a tensor holds at most ${MAX_TENSOR_SIZE} (2^31 − 1)`,
  );
}
