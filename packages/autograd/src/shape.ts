/**
 * Shape arithmetic for `Tensor`: sizes, row-major strides, NumPy broadcasting and axis checks.
 * Pure functions over `readonly number[]`; every error names the op that asked.
 */
import { MAX_TENSOR_SIZE, expected, tooManyElements } from "@neurogebra/internal";

/**
 * A tensor shape: one non-negative integer per dimension, outermost first (`[]` is a scalar).
 *
 * @example
 * ```ts
 * const shape: Shape = [2, 3];
 * zeros(shape).size; // → 6
 * ```
 */
export type Shape = readonly number[];

/** The largest dimension and the largest number of elements a tensor may have (2^31 − 1). */
export const MAX_SIZE = MAX_TENSOR_SIZE;

/** The error for a shape whose dimension or element count exceeds {@link MAX_SIZE}. */
export function tooLarge(op: string, shape: Shape, size: number): RangeError {
  const big = shape.find((d) => d > MAX_SIZE);
  if (big === undefined) return tooManyElements(op, `shape ${formatShape(shape)}`, size);
  return new RangeError(
    `${op}: shape ${formatShape(shape)} has a dimension of ${big}; each dimension must be at most ` +
      `2147483647 (2^31 − 1)`,
  );
}

/** Number of elements of a shape (1 for the scalar shape `[]`). */
export function shapeSize(shape: Shape): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

/** `(16,2)` — how shapes are written in error messages (PyTorch's `torch.Size` style). */
export function formatShape(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

/** Whether two shapes are equal. */
export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Row-major strides: the step in the flat buffer for +1 along each dimension. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = step;
    step *= shape[d]!;
  }
  return strides;
}

/** Whether `shape` is an array of integers in `[0, MAX_SIZE]` with at most `MAX_SIZE` elements. */
export function isShape(shape: unknown): shape is Shape {
  if (!Array.isArray(shape)) return false;
  let size = 1;
  for (let i = 0; i < shape.length; i++) {
    const d: unknown = shape[i];
    if (typeof d !== "number" || !Number.isInteger(d) || d < 0 || d > MAX_SIZE) return false;
    size *= d;
  }
  return size <= MAX_SIZE || shape.includes(0);
}

/**
 * Throw unless `shape` is an array of non-negative integers, each and their product at most
 * {@link MAX_SIZE}; returns a frozen copy.
 */
export function checkShape(shape: unknown, op: string): Shape {
  if (!Array.isArray(shape)) {
    throw new TypeError(expected(op, "shape to be an array of integers", shape));
  }
  for (const d of shape) {
    if (typeof d !== "number" || !Number.isInteger(d) || d < 0) {
      throw new RangeError(
        `${op}: expected shape to hold non-negative integers, got [${shape.map(String).join(", ")}]`,
      );
    }
  }
  const checked = Object.freeze([...(shape as number[])]);
  if (!isShape(checked)) throw tooLarge(op, checked, shapeSize(checked));
  return checked;
}

/**
 * The NumPy broadcast of two shapes: align on the right; each pair of sizes must be equal or one of
 * them 1. Throws `RangeError` naming the op and both shapes.
 */
export function broadcastShapes(a: Shape, b: Shape, op: string): Shape {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  let size = 1;
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(
        `${op}: shapes ${formatShape(a)} and ${formatShape(b)} do not broadcast — ` +
          `dimension ${i - n} has sizes ${da} and ${db}`,
      );
    }
    out[i] = da === 1 ? db : da;
    size *= out[i]!;
  }
  if (size > MAX_SIZE) throw tooLarge(op, out, size);
  return Object.freeze(out);
}

/** `shape` with `axis` removed, or set to 1 when `keepdims`. */
export function reducedShape(shape: Shape, axis: number, keepdims: boolean): Shape {
  return keepdims ? shape.map((d, i) => (i === axis ? 1 : d)) : shape.filter((_, i) => i !== axis);
}

/** Turn a possibly negative axis into `0 … ndim-1`; throws `RangeError` for a bad axis. */
export function normalizeAxis(axis: unknown, ndim: number, op: string): number {
  if (typeof axis !== "number" || !Number.isInteger(axis)) {
    throw new TypeError(expected(op, "axis to be an integer", axis));
  }
  if (axis < -ndim || axis >= ndim) {
    throw new RangeError(
      `${op}: axis ${axis} is out of range for a tensor with ${ndim} dimension${ndim === 1 ? "" : "s"}` +
        ` (expected ${-ndim} … ${ndim - 1})`,
    );
  }
  return axis < 0 ? axis + ndim : axis;
}
