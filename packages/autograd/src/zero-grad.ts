import { expected } from "@neurogebra/internal";

import { Value } from "./value.js";

/**
 * Anything with its own `zeroGrad()` (a `Tensor`, a module) can be reset alongside `Value`s.
 *
 * @example
 * ```ts
 * const w = tensor([1, 2], { requiresGrad: true });
 * w.sum().backward();
 * const params: (Value | ZeroGradable)[] = [new Value(1), w];
 * zeroGrad(params);
 * w.grad?.toArray(); // → [0, 0]
 * ```
 */
export interface ZeroGradable {
  zeroGrad(): void;
}

/**
 * Set `grad = 0` on every parameter — step 1 of the tutorial's update (`for p in params: p.grad = 0`).
 * Needed because `backward()` adds into the gradients of leaves. Objects with their own `zeroGrad()`
 * method (tensors, modules) are reset by calling it.
 *
 * @param params - the parameters, e.g. `model.parameters()`.
 * @throws TypeError if an element is neither a `Value` nor has a `zeroGrad()` method (nothing is reset then).
 * @example
 * ```ts
 * const w = new Value(2);
 * w.mul(3).backward(); // w.grad === 3
 * zeroGrad([w]); // w.grad === 0
 * ```
 */
export function zeroGrad(params: Iterable<Value | ZeroGradable>): void {
  if (params === null || typeof params !== "object" || !(Symbol.iterator in params)) {
    throw new TypeError(expected("zeroGrad", "params to be an array or iterable of Values", params));
  }
  const list = Array.isArray(params) ? (params as readonly (Value | ZeroGradable)[]) : [...params];
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    if (!(p instanceof Value) && typeof (p as Partial<ZeroGradable> | null)?.zeroGrad !== "function") {
      throw new TypeError(
        expected("zeroGrad", `params[${i}] to be a Value or to have a zeroGrad() method`, p),
      );
    }
  }
  for (const p of list) {
    if (p instanceof Value) p.grad = 0;
    else p.zeroGrad();
  }
}
