/**
 * Elementwise ops on one tensor, each forward loop beside its backward step (g is the gradient of the
 * output, `t._gradData()` the input's gradient buffer). ReLU's loops are tuned: see `kernels/relu*.ts`.
 */
import { expected } from "@neurogebra/internal";

import { allocate } from "../arena.js";
import { reluBackwardBranchFree, reluForwardBranchFree } from "../kernels/relu-branch-free.js";

import { result } from "../tensor-result.js";
import type { Tensor } from "../tensor.js";

/** `−x`. Backward: −g. */
export function neg(t: Tensor): Tensor {
  const x = t._store;
  const out = allocate(x.length);
  for (let i = 0; i < x.length; i++) out[i] = -x[i]!;
  return result("neg", t._dims, out, [t], (g) => {
    const dx = t._gradData();
    for (let i = 0; i < g.length; i++) dx[i]! -= g[i]!;
  });
}

/** `eˣ`. Backward: g·eˣ (the output itself). */
export function exp(t: Tensor): Tensor {
  const x = t._store;
  const out = allocate(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]!);
  return result("exp", t._dims, out, [t], (g) => {
    const dx = t._gradData();
    for (let i = 0; i < g.length; i++) dx[i]! += g[i]! * out[i]!;
  });
}

/** Natural log (IEEE: `log(0) = −∞`, `log(−1) = NaN`). Backward: g/x. */
export function log(t: Tensor): Tensor {
  const x = t._store;
  const out = allocate(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.log(x[i]!);
  return result("log", t._dims, out, [t], (g) => {
    const dx = t._gradData();
    for (let i = 0; i < g.length; i++) dx[i]! += g[i]! / x[i]!;
  })._saving(t);
}

/** `√x`. Backward: g / (2√x). */
export function sqrt(t: Tensor): Tensor {
  const x = t._store;
  const out = allocate(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.sqrt(x[i]!);
  return result("sqrt", t._dims, out, [t], (g) => {
    const dx = t._gradData();
    for (let i = 0; i < g.length; i++) dx[i]! += g[i]! / (2 * out[i]!);
  });
}

/** `|x|`. Backward: g·sign(x), with sign(0) = 0 (as PyTorch). */
export function abs(t: Tensor): Tensor {
  const x = t._store;
  const out = allocate(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.abs(x[i]!);
  return result("abs", t._dims, out, [t], (g) => {
    const dx = t._gradData();
    for (let i = 0; i < g.length; i++) dx[i]! += g[i]! * Math.sign(x[i]!);
  })._saving(t);
}

/**
 * `max(0, x)` (NaN stays NaN). Backward: g where x > 0, else 0 (so relu'(0) = 0), selected as PyTorch's
 * `threshold_backward` does, so a NaN or ±∞ gradient does not leak into dead units. Both loops run
 * without a branch per entry (`kernels/relu-branch-free.ts`; the plain loops are in `kernels/relu.ts`).
 */
export function relu(t: Tensor): Tensor {
  const out = allocate(t._store.length);
  reluForwardBranchFree(t._store, out);
  return result("relu", t._dims, out, [t], (g) => {
    reluBackwardBranchFree(t._store, g, t._gradData());
  })._saving(t);
}

/** `x` if x > 0 else `alpha·x`. Backward: g or alpha·g. */
export function leakyRelu(t: Tensor, alpha: number): Tensor {
  if (typeof alpha !== "number" || !Number.isFinite(alpha)) {
    throw new TypeError(expected("leakyRelu", "alpha to be a finite number", alpha));
  }
  const x = t._store;
  const out = allocate(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]! > 0 ? x[i]! : alpha * x[i]!;
  return result("leakyRelu", t._dims, out, [t], (g) => {
    const dx = t._gradData();
    for (let i = 0; i < g.length; i++) dx[i]! += x[i]! > 0 ? g[i]! : alpha * g[i]!;
  })._saving(t);
}

/**
 * `tanh x`. Backward: g·(1 − t)(1 + t) with t = tanh x — 1 − t² without the rounding of t·t, which
 * near saturation (1 − t ≈ 1e-9) is a millionth of the result.
 */
export function tanh(t: Tensor): Tensor {
  const x = t._store;
  const out = allocate(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.tanh(x[i]!);
  return result("tanh", t._dims, out, [t], (g) => {
    const dx = t._gradData();
    for (let i = 0; i < g.length; i++) dx[i]! += g[i]! * ((1 - out[i]!) * (1 + out[i]!));
  });
}

/** `1 / (1 + e⁻ˣ)`, on the side where the exponential cannot overflow. Backward: g·σ(x)·(1 − σ(x)). */
export function sigmoid(t: Tensor): Tensor {
  const x = t._store;
  const out = allocate(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v >= 0) {
      out[i] = 1 / (1 + Math.exp(-v));
    } else {
      const e = Math.exp(v);
      out[i] = e / (1 + e);
    }
  }
  return result("sigmoid", t._dims, out, [t], (g) => {
    const dx = t._gradData();
    for (let i = 0; i < g.length; i++) dx[i]! += g[i]! * out[i]! * (1 - out[i]!);
  });
}

/** `log(1 + eˣ)` as `max(x, 0) + log1p(e^−|x|)`, stable for large |x|. Backward: g·σ(x). */
export function softplus(t: Tensor): Tensor {
  const x = t._store;
  const out = allocate(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
  }
  return result("softplus", t._dims, out, [t], (g) => {
    const dx = t._gradData();
    for (let i = 0; i < g.length; i++) {
      const v = x[i]!;
      const s = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
      dx[i]! += g[i]! * s;
    }
  })._saving(t);
}
