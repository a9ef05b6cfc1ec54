/**
 * Ops that change a tensor's shape, each forward beside its backward step: `reshape` (and `unsqueeze`,
 * `squeeze` through it) shares the data; `broadcastTo` and `permute` (and `transpose`) copy.
 */
import { expected } from "@neurogebra/internal";

import { allocate } from "../arena.js";
import { expandTo } from "../broadcast.js";
import { permutedSource } from "../permute.js";
import { broadcastShapes, checkShape, formatShape, normalizeAxis, sameShape, shapeSize } from "../shape.js";
import { storageOf } from "../saved-tensor.js";
import { result } from "../tensor-result.js";
import type { Tensor } from "../tensor.js";

/** The same data with a new shape (one entry may be −1: inferred); a view sharing `data`. Backward: g reshaped. */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  const dims: unknown = shape;
  if (!Array.isArray(dims)) {
    throw new TypeError(expected("reshape", "shape to be an array of integers", shape));
  }
  const inferred = shape.indexOf(-1);
  let target = shape;
  if (inferred !== -1 && shape.lastIndexOf(-1) === inferred) {
    const known = shapeSize(shape.filter((_, i) => i !== inferred));
    if (known === 0 || t.size % known !== 0) {
      throw new RangeError(
        `reshape: cannot infer −1 in [${shape.join(", ")}] for ${t.size} elements of shape ${formatShape(t._dims)}`,
      );
    }
    target = shape.map((d, i) => (i === inferred ? t.size / known : d));
  }
  const checked = checkShape(target, "reshape");
  if (shapeSize(checked) !== t.size) {
    throw new RangeError(
      `reshape: cannot view shape ${formatShape(t._dims)} (${t.size} elements) as ` +
        `${formatShape(checked)} (${shapeSize(checked)} elements)`,
    );
  }
  const out = result("reshape", checked, t._store, [t], (g) => {
    t._addGrad(g, t._dims);
  });
  out._storage = storageOf(t);
  return out;
}

/** Insert a dimension of size 1 at `axis`. */
export function unsqueeze(t: Tensor, axis: number): Tensor {
  const at = normalizeAxis(axis, t.ndim + 1, "unsqueeze");
  const shape = [...t._dims];
  shape.splice(at, 0, 1);
  return reshape(t, shape);
}

/** Remove dimensions of size 1 (only `axis`, if given). */
export function squeeze(t: Tensor, axis?: number): Tensor {
  if (axis === undefined)
    return reshape(
      t,
      t._dims.filter((d) => d !== 1),
    );
  const at = normalizeAxis(axis, t.ndim, "squeeze");
  if (t._dims[at] !== 1) return t;
  return reshape(
    t,
    t._dims.filter((_, i) => i !== at),
  );
}

/** Copy out to a broadcast shape (NumPy's `broadcast_to`). Backward: g summed over the copies. */
export function broadcastTo(t: Tensor, shape: readonly number[]): Tensor {
  const target = checkShape(shape, "broadcastTo");
  const joint = broadcastShapes(t._dims, target, "broadcastTo");
  if (!sameShape(joint, target)) {
    throw new RangeError(
      `broadcastTo: shape ${formatShape(t._dims)} cannot be broadcast to ${formatShape(target)}`,
    );
  }
  const out = expandTo(t._store, t._dims, target);
  return result("broadcastTo", target, out === t._store ? out.slice() : out, [t], (g) => {
    t._addGrad(g, target);
  });
}

/** Reorder dimensions: output dimension d is input dimension `dims[d]`. Copies. Backward: g permuted back. */
export function permute(t: Tensor, dims: readonly number[]): Tensor {
  if (!Array.isArray(dims) || dims.length !== t.ndim) {
    throw new RangeError(expected("permute", `${t.ndim} dims for shape ${formatShape(t._dims)}`, dims));
  }
  const axes = dims.map((d) => normalizeAxis(d, t.ndim, "permute"));
  if (new Set(axes).size !== axes.length) {
    throw new RangeError(`permute: dims [${dims.join(", ")}] repeat an axis`);
  }
  const shape = axes.map((d) => t._dims[d]!);
  const source = permutedSource(t._dims, axes);
  const x = t._store;
  const out = allocate(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[source[i]!]!;
  return result("permute", shape, out, [t], (g) => {
    const dx = t._gradData();
    for (let i = 0; i < g.length; i++) dx[source[i]!]! += g[i]!;
  });
}

/** Swap two dimensions (default: the last two). */
export function transpose(t: Tensor, dim0: number, dim1: number): Tensor {
  if (t.ndim < 2 && dim0 === -2 && dim1 === -1)
    return permute(
      t,
      t._dims.map((_, i) => i),
    );
  const a = normalizeAxis(dim0, t.ndim, "transpose");
  const b = normalizeAxis(dim1, t.ndim, "transpose");
  return permute(
    t,
    t._dims.map((_, i) => (i === a ? b : i === b ? a : i)),
  );
}
