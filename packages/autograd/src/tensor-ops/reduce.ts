/**
 * Reductions over an axis, several axes, or all elements, each forward beside its backward step:
 * `sum`, `mean`, `max`, `min`, `argmax`, `logSumExp`. The loops along an axis are in `along-axis.ts`.
 */
import {
  argmaxAlong,
  forEachSlice,
  logSumExpAlong,
  maxAlong,
  splitAt,
  sumAlong,
  type AxisSplit,
} from "../along-axis.js";
import { expected } from "@neurogebra/internal";

import { formatShape, normalizeAxis, reducedShape, type Shape } from "../shape.js";
import { result, scalar } from "../tensor-result.js";
import type { Tensor } from "../tensor.js";
import { neg } from "./unary.js";

/** Sum over `axis` (a number, a list, or all elements when omitted). Backward: every summed element receives g. */
export function sum(t: Tensor, axis: number | readonly number[] | undefined, keepdims: boolean): Tensor {
  return sumOver(t, "sum", axis, keepdims);
}

/** `sum`, with errors named after `op` (`mean` sums first). */
function sumOver(
  t: Tensor,
  op: string,
  axis: number | readonly number[] | undefined,
  keepdims: boolean,
): Tensor {
  checkKeepdims(op, keepdims);
  if (axis === undefined) {
    const x = t._store;
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i]!;
    const shape = keepdims ? t._dims.map(() => 1) : [];
    return result("sum", shape, scalar(s), [t], (g) => {
      const dx = t._gradData();
      for (let i = 0; i < dx.length; i++) dx[i]! += g[0]!;
    });
  }
  if (typeof axis !== "number") return overAxes(t, axis, keepdims, op, (u, a) => u.sum(a, true));
  const at = normalizeAxis(axis, t.ndim, op);
  const split = splitAt(t._dims, at);
  const out = sumAlong(t._store, split);
  return result("sum", reducedShape(t._dims, at, keepdims), out, [t], (g) => {
    const dx = t._gradData();
    const { outer, n, inner } = split;
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < n; j++) {
        const row = (o * n + j) * inner;
        for (let i = 0; i < inner; i++) dx[row + i]! += g[o * inner + i]!;
      }
    }
  });
}

/** Mean over `axis` (or all elements): `sum / count`. */
export function mean(t: Tensor, axis: number | readonly number[] | undefined, keepdims: boolean): Tensor {
  const total = sumOver(t, "mean", axis, keepdims);
  const count = total.size === 0 ? 0 : t.size / total.size;
  return total.div(count);
}

/**
 * Maximum over `axis` (or all elements). Backward: g is split evenly over the positions that reach the
 * maximum (over the NaNs, for a NaN maximum), like PyTorch's `max()` of all elements and `amax`:
 * `tensor([1, 1, 0]).max()` sends `[0.5, 0.5, 0]`.
 */
export function max(t: Tensor, axis: number | undefined, keepdims: boolean): Tensor {
  const { split, shape } = reduction(t, "max", axis, keepdims);
  const { values } = maxAlong(t._store, split);
  return result("max", shape, values, [t], (g) => {
    const x = t._store;
    const dx = t._gradData();
    forEachSlice(split, (base, step, n, r) => {
      const m = values[r]!;
      const nan = Number.isNaN(m);
      let count = 0;
      for (let j = 0; j < n; j++)
        if (x[base + j * step] === m || (nan && Number.isNaN(x[base + j * step]))) count++;
      const share = g[r]! / count;
      for (let j = 0; j < n; j++) {
        const e = base + j * step;
        if (x[e] === m || (nan && Number.isNaN(x[e]))) dx[e]! += share;
      }
    });
  })._saving(t);
}

/** Minimum over `axis` (or all elements), as `−max(−x)`. */
export function min(t: Tensor, axis: number | undefined, keepdims: boolean): Tensor {
  reduction(t, "min", axis, keepdims); // argument errors name min
  return neg(max(neg(t), axis, keepdims));
}

/** Index of the maximum over `axis` (or over all elements, flattened); not differentiable. */
export function argmax(t: Tensor, axis: number | undefined): Int32Array {
  return argmaxAlong(t._store, reduction(t, "argmax", axis, false).split);
}

/** `log Σ exp(x)` over `axis` (or all elements), stable for large inputs. Backward: g·softmax(x). */
export function logSumExp(t: Tensor, axis: number | undefined, keepdims: boolean): Tensor {
  const { split, shape } = reduction(t, "logSumExp", axis, keepdims);
  const out = logSumExpAlong(t._store, split);
  return result("logSumExp", shape, out, [t], (g) => {
    const dx = t._gradData();
    const x = t._store;
    const { outer, n, inner } = split;
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < n; j++) {
        const row = (o * n + j) * inner;
        for (let i = 0; i < inner; i++) {
          const r = o * inner + i;
          dx[row + i]! += g[r]! * Math.exp(x[row + i]! - out[r]!);
        }
      }
    }
  })._saving(t);
}

/** Validate `axis` for a reduction (undefined = all elements) and give its split and result shape. */
function reduction(
  t: Tensor,
  op: string,
  axis: number | undefined,
  keepdims: boolean,
): { split: AxisSplit; shape: Shape } {
  checkKeepdims(op, keepdims);
  if (t.size === 0) {
    throw new RangeError(`${op}: cannot reduce an empty tensor of shape ${formatShape(t._dims)}`);
  }
  if (axis === undefined) {
    return {
      split: { outer: 1, n: t.size, inner: 1 },
      shape: keepdims ? t._dims.map(() => 1) : [],
    };
  }
  const at = normalizeAxis(axis, t.ndim, op);
  const split = splitAt(t._dims, at);
  if (split.n === 0) {
    throw new RangeError(`${op}: cannot reduce axis ${axis} of size 0 in shape ${formatShape(t._dims)}`);
  }
  return { split, shape: reducedShape(t._dims, at, keepdims) };
}

/** Apply a keepdims reduction over several axes, then drop them unless `keepdims`. */
function overAxes(
  t: Tensor,
  axes: readonly number[],
  keepdims: boolean,
  op: string,
  reduceOne: (t: Tensor, axis: number) => Tensor,
): Tensor {
  if (!Array.isArray(axes)) {
    throw new TypeError(expected(op, "axis to be an integer or an array of integers", axes));
  }
  const normalized = axes.map((a) => normalizeAxis(a, t.ndim, op));
  if (new Set(normalized).size !== normalized.length) {
    throw new RangeError(`${op}: axes [${axes.join(", ")}] repeat an axis`);
  }
  const out = normalized.reduce<Tensor>((u, a) => reduceOne(u, a), t);
  if (keepdims) return out;
  return out.reshape(t._dims.filter((_, i) => !normalized.includes(i)));
}

/** Throw a `TypeError` naming `op` unless `keepdims` is a boolean (a truthy string is not `true`). */
function checkKeepdims(op: string, keepdims: unknown): void {
  if (typeof keepdims !== "boolean") {
    throw new TypeError(expected(op, "keepdims to be a boolean", keepdims));
  }
}
