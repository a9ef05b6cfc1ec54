import { Tensor, Value } from "@neurogebra/autograd";

import { expected } from "@neurogebra/internal";

/**
 * Anything an optimizer can update: a scalar `Value` or a `Tensor` (updated elementwise).
 *
 * @example
 * ```ts
 * const params: Parameter[] = [new Value(1), tensor([1, 2], { requiresGrad: true })];
 * countParameters(params); // → 3
 * ```
 */
export type Parameter = Value | Tensor;

/**
 * Check an optimizer's parameter list once, up front: every entry must be a `Value` or a `Tensor`,
 * none may appear twice (PyTorch refuses duplicates too — a double update is always a bug).
 */
export function checkParameters(fn: string, params: Iterable<Parameter>): Parameter[] {
  if (params === null || typeof params !== "object" || !(Symbol.iterator in params)) {
    throw new TypeError(expected(fn, "params to be an iterable of Value or Tensor", params));
  }
  const list = [...params];
  if (list.length === 0) throw new RangeError(`${fn}: expected at least one parameter, got an empty list`);
  const seen = new Set<Parameter>();
  list.forEach((p, i) => {
    if (!(p instanceof Value) && !(p instanceof Tensor)) {
      throw new TypeError(expected(fn, `params[${i}] to be a Value or a Tensor`, p, { Value, Tensor }));
    }
    if (seen.has(p)) throw new RangeError(`${fn}: expected distinct parameters, params[${i}] appears twice`);
    seen.add(p);
  });
  return list;
}

/** Number of scalars in a parameter (1 for a `Value`). */
export function parameterSize(p: Parameter): number {
  return p instanceof Value ? 1 : p.data.length;
}

/** Whether the parameter has a gradient to apply (a `Value` always has one; a `Tensor` once `grad` is set). */
export function hasGradient(p: Parameter): boolean {
  return p instanceof Value || p.grad !== null;
}

/**
 * Replace every scalar `w` of `p` (gradient `g`) by `update(offset + k, w, g)`, where `k` counts the
 * scalars of `p`. Optimizers keep their per-scalar state in flat arrays indexed by `offset + k`.
 */
export function updateScalars(
  p: Parameter,
  offset: number,
  update: (index: number, weight: number, grad: number) => number,
): void {
  if (p instanceof Value) {
    p.data = update(offset, p.data, p.grad);
    return;
  }
  if (p.grad === null) return;
  const data = p.data;
  const grad = p.grad.data;
  for (let k = 0; k < data.length; k++) data[k] = update(offset + k, data[k]!, grad[k]!);
}

/** Check that an optimizer hyper-parameter is a finite number in `[min, max)` (or `[min, max]`). */
export function checkHyperParameter(
  fn: string,
  name: string,
  value: unknown,
  min: number,
  max = Infinity,
  includeMax = false,
): number {
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    value >= min &&
    (includeMax ? value <= max : value < max);
  if (!ok) {
    const range = `[${min}, ${max}${includeMax ? "]" : ")"}`;
    const message = expected(fn, `${name} to be a finite number in ${range}`, value);
    throw typeof value === "number" ? new RangeError(message) : new TypeError(message);
  }
  return value;
}
