/**
 * The plumbing every tensor op uses: `result` builds an op's output and records its backward step,
 * `operand` turns a number into a 0-d tensor, `scalar` makes a one-element buffer.
 */
import { expected } from "@neurogebra/internal";

import { allocate } from "./arena.js";
import { isAnomalyEnabled, isGradEnabled } from "./grad-mode.js";
import type { Shape } from "./shape.js";
import { checkFinite } from "./tensor-anomaly.js";
import { INTERNAL, NUMBER_OPERAND } from "./tensor-options.js";
import { Tensor, type BackwardStep } from "./tensor.js";

/**
 * Build an op's result: record `parents` and the backward step when a graph is wanted (grad mode on
 * and some parent requires grad); in anomaly mode, throw if the forward produced NaN/±Infinity.
 */
export function result(
  op: string,
  shape: Shape,
  data: Float64Array,
  parents: readonly Tensor[],
  backwardStep: BackwardStep,
): Tensor {
  if (isAnomalyEnabled()) checkFinite(op, data, shape, parents, "forward", "result");
  const out = new Tensor(data, shape, INTERNAL);
  if (!isGradEnabled()) return out;
  for (let i = 0; i < parents.length; i++) {
    if (parents[i]!.requiresGrad) {
      out.requiresGrad = true;
      out._opName = op;
      out._parents = parents;
      out._backwardStep = backwardStep;
      break;
    }
  }
  return out;
}

/** Turn a `Tensor | number` operand into a tensor, or throw a `TypeError` naming the op. */
export function operand(x: Tensor | number, op: string, name = "other"): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === "number") return new Tensor(scalar(x), [], NUMBER_OPERAND);
  throw new TypeError(expected(op, `${name} to be a Tensor or a number`, x));
}

/** A one-element buffer holding `v`. */
export function scalar(v: number): Float64Array {
  const out = allocate(1);
  out[0] = v;
  return out;
}
