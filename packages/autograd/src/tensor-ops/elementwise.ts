/**
 * Elementwise ops on two tensors, broadcasting like NumPy, each forward loop beside its backward step.
 * A broadcast operand's gradient is summed back to its own shape by `_addGrad`.
 */
import { expected } from "@neurogebra/internal";

import { allocate } from "../arena.js";
import { expandTo } from "../broadcast.js";
import { broadcastShapes, type Shape } from "../shape.js";
import { INTERNAL } from "../tensor-options.js";
import { operand, result } from "../tensor-result.js";
import { Tensor } from "../tensor.js";

/** Both operands of a binary op, expanded to their broadcast shape. */
function pair(op: string, a: Tensor, b: Tensor): { shape: Shape; x: Float64Array; y: Float64Array } {
  const shape = broadcastShapes(a._dims, b._dims, op);
  return { shape, x: expandTo(a._store, a._dims, shape), y: expandTo(b._store, b._dims, shape) };
}

/** `a + b`. Backward: ∂/∂a = 1, ∂/∂b = 1. */
export function add(a: Tensor, other: Tensor | number): Tensor {
  const b = operand(other, "add");
  const { shape, x, y } = pair("add", a, b);
  const out = allocate(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i]! + y[i]!;
  return result("add", shape, out, [a, b], (g) => {
    a._addGrad(g, shape);
    b._addGrad(g, shape);
  });
}

/** `a − b`. Backward: ∂/∂a = 1, ∂/∂b = −1. */
export function sub(a: Tensor, other: Tensor | number): Tensor {
  const b = operand(other, "sub");
  const { shape, x, y } = pair("sub", a, b);
  const out = allocate(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i]! - y[i]!;
  return result("sub", shape, out, [a, b], (g) => {
    a._addGrad(g, shape);
    if (b.requiresGrad) b._addGrad(scaled(g, -1), shape);
  });
}

/** `a · b`. Backward: ∂/∂a = b, ∂/∂b = a. */
export function mul(a: Tensor, other: Tensor | number): Tensor {
  const b = operand(other, "mul");
  const { shape, x, y } = pair("mul", a, b);
  const out = allocate(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i]! * y[i]!;
  return result("mul", shape, out, [a, b], (g) => {
    if (a.requiresGrad) a._addGrad(product(g, y), shape);
    if (b.requiresGrad) b._addGrad(product(g, x), shape);
  })._saving(a, b);
}

/** `a / b`. Backward: ∂/∂a = 1/b, ∂/∂b = −a/b² = −(a/b)/b. */
export function div(a: Tensor, other: Tensor | number): Tensor {
  const b = operand(other, "div");
  const { shape, x, y } = pair("div", a, b);
  const out = allocate(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i]! / y[i]!;
  return result("div", shape, out, [a, b], (g) => {
    if (a.requiresGrad) {
      const da = allocate(g.length);
      for (let i = 0; i < g.length; i++) da[i] = g[i]! / y[i]!;
      a._addGrad(da, shape);
    }
    if (b.requiresGrad) {
      const db = allocate(g.length);
      for (let i = 0; i < g.length; i++) db[i] = (-g[i]! * out[i]!) / y[i]!;
      b._addGrad(db, shape);
    }
  })._saving(b);
}

/** `a ** k`. Backward: ∂/∂a = k·a^(k−1) (0 where k = 0), ∂/∂k = a^k·ln a (0 where a = 0 and k ≥ 0, as PyTorch). */
export function pow(a: Tensor, exponent: Tensor | number): Tensor {
  const k = operand(exponent, "pow", "exponent");
  const { shape, x, y } = pair("pow", a, k);
  const out = allocate(x.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.pow(x[i]!, y[i]!);
  return result("pow", shape, out, [a, k], (g) => {
    if (a.requiresGrad) {
      const da = allocate(g.length);
      for (let i = 0; i < g.length; i++) {
        da[i] = y[i] === 0 ? 0 : g[i]! * y[i]! * Math.pow(x[i]!, y[i]! - 1);
      }
      a._addGrad(da, shape);
    }
    if (k.requiresGrad) {
      const dk = allocate(g.length);
      for (let i = 0; i < g.length; i++) {
        dk[i] = x[i] === 0 && y[i]! >= 0 ? 0 : g[i]! * out[i]! * Math.log(x[i]!);
      }
      k._addGrad(dk, shape);
    }
  })._saving(a, k);
}

/** Elementwise maximum (NaN if either is NaN). Backward: g goes to the larger input, half each on a tie (as PyTorch). */
export function maximum(a: Tensor, other: Tensor | number): Tensor {
  return extremum(a, other, "maximum", true);
}

/** Elementwise minimum; backward like `maximum`. */
export function minimum(a: Tensor, other: Tensor | number): Tensor {
  return extremum(a, other, "minimum", false);
}

/** `maximum` (`larger` = true) or `minimum`, with PyTorch's tie rule in the backward step. */
function extremum(a: Tensor, other: Tensor | number, op: string, larger: boolean): Tensor {
  const b = operand(other, op);
  const { shape, x, y } = pair(op, a, b);
  const out = allocate(x.length);
  for (let i = 0; i < out.length; i++) {
    const p = x[i]!;
    const q = y[i]!;
    out[i] = Number.isNaN(p) || Number.isNaN(q) ? NaN : (larger ? p >= q : p <= q) ? p : q;
  }
  return result(op, shape, out, [a, b], (g) => {
    // share[i]: the part of g[i] that goes to `a` (1, ½ on a tie, or 0); the rest goes to `b`.
    const share = allocate(g.length);
    for (let i = 0; i < g.length; i++) {
      const p = x[i]!;
      const q = y[i]!;
      share[i] = p === q ? 0.5 : (larger ? p > q : p < q) ? 1 : 0;
    }
    if (a.requiresGrad) a._addGrad(product(g, share), shape);
    if (b.requiresGrad) {
      const db = allocate(g.length);
      for (let i = 0; i < g.length; i++) db[i] = g[i]! * (1 - share[i]!);
      b._addGrad(db, shape);
    }
  })._saving(a, b);
}

/** `a` where `condition` is non-zero, else `other`, broadcasting all three. Backward: g flows to the input picked. */
export function where(a: Tensor, condition: Tensor, other: Tensor | number): Tensor {
  if (!(condition instanceof Tensor)) {
    throw new TypeError(expected("where", "condition to be a Tensor", condition));
  }
  const b = operand(other, "where");
  const shape = broadcastShapes(broadcastShapes(condition._dims, a._dims, "where"), b._dims, "where");
  const c = expandTo(condition._store, condition._dims, shape);
  const x = expandTo(a._store, a._dims, shape);
  const y = expandTo(b._store, b._dims, shape);
  const out = allocate(c.length);
  for (let i = 0; i < out.length; i++) out[i] = c[i] !== 0 ? x[i]! : y[i]!;
  return result("where", shape, out, [a, b], (g) => {
    const da = allocate(g.length);
    const db = allocate(g.length);
    for (let i = 0; i < g.length; i++) {
      if (c[i] !== 0) da[i] = g[i]!;
      else db[i] = g[i]!;
    }
    a._addGrad(da, shape);
    b._addGrad(db, shape);
  })._saving(condition);
}

/** A 0/1 tensor from an elementwise comparison (`gt`, `lt`, …); comparisons have no gradient. */
export function compare(
  a: Tensor,
  other: Tensor | number,
  op: string,
  test: (x: number, y: number) => boolean,
): Tensor {
  const b = operand(other, op);
  const { shape, x, y } = pair(op, a, b);
  const out = allocate(x.length);
  for (let i = 0; i < out.length; i++) out[i] = test(x[i]!, y[i]!) ? 1 : 0;
  return new Tensor(out, shape, INTERNAL);
}

/** `g[i] * factor[i]` as a new buffer. */
function product(g: Float64Array, factor: Float64Array): Float64Array {
  const out = allocate(g.length);
  for (let i = 0; i < g.length; i++) out[i] = g[i]! * factor[i]!;
  return out;
}

/** `g[i] * c` as a new buffer. */
function scaled(g: Float64Array, c: number): Float64Array {
  const out = allocate(g.length);
  for (let i = 0; i < g.length; i++) out[i] = g[i]! * c;
  return out;
}
