import { Tensor, Value } from "@neurogebra/autograd";
import { expected } from "@neurogebra/internal";

/**
 * The number of scalars in a list of parameters (`Value`s count 1, `Tensor`s their size) — PyTorch's
 * `sum(p.numel() for p in model.parameters())`.
 *
 * @example
 * ```ts
 * countParameters(net.parameters()); // → 371  (the tutorial's 2 → 16 → 16 → 3 network, either half)
 * ```
 */
export function countParameters(params: Iterable<Value | Tensor>): number {
  let n = 0;
  let i = 0;
  for (const p of params) {
    if (p instanceof Value) n += 1;
    else if (p instanceof Tensor) n += p.size;
    else throw new TypeError(expected("countParameters", `params[${i}] to be a Value or a Tensor`, p));
    i++;
  }
  return n;
}
