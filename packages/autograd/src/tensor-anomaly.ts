/**
 * Anomaly mode for `Tensor` (`detectAnomaly(true)`): the first op whose result or input gradient holds
 * NaN or ±Infinity throws an `AnomalyError` naming the op and the input shapes.
 */
import { AnomalyError } from "./grad-mode.js";
import { formatShape, type Shape } from "./shape.js";
import type { Tensor } from "./tensor.js";

/** Throw `AnomalyError` at the first NaN/±Infinity of `data` (op `op`'s result or gradient, of `shape`). */
export function checkFinite(
  op: string,
  data: Float64Array,
  shape: Shape,
  inputs: readonly Tensor[],
  phase: "forward" | "backward",
  what: "result" | "gradient",
): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new AnomalyError(
        op,
        `${data[i]} (element ${i} of a ${formatShape(shape)} ${what})`,
        inputs.map((t) => `tensor ${formatShape(t.shape)}`),
        phase,
      );
    }
  }
}

/** After `node`'s backward step: its inputs' gradients must still be finite. */
export function checkInputGradients(node: Tensor): void {
  for (const p of node._parents) {
    if (p.grad !== null) {
      checkFinite(node._opName, p.grad._store, p._dims, node._parents, "backward", "gradient");
    }
  }
}
