import { Tensor, Value } from "@neurogebra/autograd";

import { expected } from "@neurogebra/internal";
import { checkParameters } from "./optimizers/parameter.js";
import type { Parameter } from "./optimizers/parameter.js";

/**
 * Options of {@link clipGradNorm}.
 *
 * @example
 * ```ts
 * const options: ClipGradNormOptions = { normType: Infinity, errorIfNonfinite: true };
 * const w = tensor([3, -4], { requiresGrad: true });
 * w.mul(w).sum().backward();
 * clipGradNorm([w], 1, options); // → 8  (the largest |gradient| before clipping)
 * ```
 */
export interface ClipGradNormOptions {
  /** Which p-norm (default 2); `Infinity` for the largest absolute entry. */
  normType?: number;
  /** Throw instead of scaling when the total norm is NaN or infinite (default false, as PyTorch). */
  errorIfNonfinite?: boolean;
}

/** The p-norm of `values` (PyTorch's `torch.norm(g, p)` for p = 1, 2, any p > 0, or ∞). */
function norm(values: ArrayLike<number>, p: number): number {
  if (p === Infinity) {
    let max = 0;
    for (let i = 0; i < values.length; i++) {
      const a = Math.abs(values[i]!);
      if (a > max || Number.isNaN(a)) max = a;
    }
    return max;
  }
  let sum = 0;
  if (p === 2) {
    for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
    return Math.sqrt(sum);
  }
  if (p === 1) {
    for (let i = 0; i < values.length; i++) sum += Math.abs(values[i]!);
    return sum;
  }
  for (let i = 0; i < values.length; i++) sum += Math.abs(values[i]!) ** p;
  return sum ** (1 / p);
}

/** The parameter list, checked; empty is allowed (PyTorch returns a norm of 0 for it). */
function parameterList(fn: string, params: Iterable<Parameter> | Parameter): Parameter[] {
  const items = params instanceof Value || params instanceof Tensor ? [params] : params;
  if (items === null || typeof items !== "object" || !(Symbol.iterator in items))
    return checkParameters(fn, items);
  const list = [...items];
  return list.length === 0 ? [] : checkParameters(fn, list);
}

/** The gradients that exist (a `Value` always has one; a `Tensor` once `backward` filled `grad`). */
function gradients(params: readonly Parameter[]): (Value | Float64Array)[] {
  const out: (Value | Float64Array)[] = [];
  for (const p of params) {
    if (p instanceof Value) out.push(p);
    else if (p.grad !== null) out.push(p.grad.data);
  }
  return out;
}

/**
 * Scale the gradients of `params` in place so that their total norm is at most `maxNorm` (PyTorch's
 * `torch.nn.utils.clip_grad_norm_`), and return the total norm they had. As PyTorch: the total norm is
 * the `normType`-norm of the per-parameter norms, and every gradient is multiplied by
 * `min(1, maxNorm / (total + 1e-6))`. Tensors without a gradient are skipped; a `Value` counts as a
 * one-element tensor.
 *
 * @example
 * ```ts
 * loss.backward();
 * const total = clipGradNorm(model.parameters(), 1.0); // the norm before clipping
 * optimizer.step();
 * ```
 */
export function clipGradNorm(
  params: Iterable<Parameter> | Parameter,
  maxNorm: number,
  options: ClipGradNormOptions = {},
): number {
  const fn = "clipGradNorm";
  const list = parameterList(fn, params);
  if (typeof maxNorm !== "number" || !(maxNorm >= 0)) {
    throw new RangeError(expected(fn, "maxNorm to be a number ≥ 0", maxNorm));
  }
  if (options === null || typeof options !== "object") {
    throw new TypeError(expected(fn, "options { normType?, errorIfNonfinite? }", options));
  }
  const { normType = 2, errorIfNonfinite = false } = options;
  if (typeof normType !== "number" || !(normType > 0)) {
    throw new RangeError(expected(fn, "normType to be a number > 0 or Infinity", normType));
  }
  if (typeof errorIfNonfinite !== "boolean") {
    throw new TypeError(expected(fn, "errorIfNonfinite to be a boolean", errorIfNonfinite));
  }
  const grads = gradients(list);
  if (grads.length === 0) return 0;
  const norms = grads.map((g) => (g instanceof Value ? Math.abs(g.grad) : norm(g, normType)));
  const total = norm(norms, normType);
  if (errorIfNonfinite && !Number.isFinite(total)) {
    throw new RangeError(
      `${fn}: the total norm of order ${normType} of the gradients is ${total}, so they cannot be clipped; ` +
        `pass errorIfNonfinite: false to scale them anyway`,
    );
  }
  const coef = Math.min(maxNorm / (total + 1e-6), 1);
  if (coef !== 1) {
    // A NaN total gives a NaN coefficient, which PyTorch multiplies in as well.
    for (const g of grads) {
      if (g instanceof Value) g.grad = g.grad * coef;
      else for (let i = 0; i < g.length; i++) g[i] = g[i]! * coef;
    }
  }
  return total;
}

/**
 * Clamp every gradient entry of `params` to `[−clipValue, clipValue]` in place (PyTorch's
 * `torch.nn.utils.clip_grad_value_`); NaN stays NaN.
 *
 * @example
 * ```ts
 * loss.backward();
 * clipGradValue(model.parameters(), 0.5);
 * ```
 */
export function clipGradValue(params: Iterable<Parameter> | Parameter, clipValue: number): void {
  const fn = "clipGradValue";
  const list = parameterList(fn, params);
  if (typeof clipValue !== "number" || !(clipValue >= 0)) {
    throw new RangeError(expected(fn, "clipValue to be a number ≥ 0", clipValue));
  }
  const clamp = (x: number): number => (x > clipValue ? clipValue : x < -clipValue ? -clipValue : x);
  for (const g of gradients(list)) {
    if (g instanceof Value) g.grad = clamp(g.grad);
    else for (let i = 0; i < g.length; i++) g[i] = clamp(g[i]!);
  }
}
