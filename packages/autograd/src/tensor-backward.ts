/**
 * `Tensor.backward()`'s seed and sweep: order the graph, check that no saved input was written since
 * the forward pass, then apply each op's backward step from the root down.
 */
import { expected } from "@neurogebra/internal";

import { addReduced } from "./broadcast.js";
import { recycle } from "./arena.js";
import { isAnomalyEnabled } from "./grad-mode.js";
import { checkAndReleaseSaves } from "./saved-tensor.js";
import { formatShape, sameShape } from "./shape.js";
import { checkInputGradients } from "./tensor-anomaly.js";
import { topologicalOrder } from "./tensor-topological-order.js";
import { Tensor } from "./tensor.js";

/** The seed gradient of a one-element root. */
const ONE = new Float64Array([1]);

/**
 * The seed of `root.backward(gradient)`: 1 for a one-element root without `gradient`, else
 * `gradient`'s data, which must be a tensor of the root's shape (a named error otherwise).
 */
export function seedOf(root: Tensor, gradient: Tensor | undefined): Float64Array {
  if (gradient === undefined) {
    if (root.size !== 1) {
      throw new RangeError(
        `backward: a tensor of shape ${formatShape(root._dims)} is not a scalar; pass a seed gradient ` +
          `of the same shape, e.g. y.backward(ones(${JSON.stringify(root._dims)}))`,
      );
    }
    return ONE;
  }
  if (!(gradient instanceof Tensor)) {
    throw new TypeError(expected("backward", "gradient to be a Tensor", gradient));
  }
  if (!sameShape(gradient._dims, root._dims)) {
    throw new RangeError(
      `backward: gradient shape ${formatShape(gradient._dims)} differs from the tensor's shape ` +
        formatShape(root._dims),
    );
  }
  return gradient._store;
}

/**
 * Fill the gradients of everything `root` depends on, `seed` being d(root)/d(root) (root's shape).
 * `root` requires grad; the caller checked `seed`.
 */
export function backwardFrom(root: Tensor, seed: Float64Array): void {
  const order = topologicalOrder(root);
  checkAndReleaseSaves(order); // before anything is written
  // Intermediate results start from zero (a gradient left by an interrupted sweep is dropped, not reused)
  for (let i = 0; i < order.length; i++) {
    const node = order[i]!;
    if (node.isLeaf) continue;
    if (node._retainsGrad) node.grad?._store.fill(0);
    else node.grad = null;
  }
  addReduced(root._gradData(), root._dims, seed, root._dims);

  const anomaly = isAnomalyEnabled();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    if (node._backwardStep === null || node.grad === null) continue;
    node._backwardStep(node.grad._store);
    if (anomaly) checkInputGradients(node);
    // Used up: like PyTorch, an intermediate keeps its gradient only after `retainGrad()`; the buffer
    // serves a later sweep (it was created in this one, so nothing outside holds it).
    if (!node._retainsGrad) {
      recycle(node.grad._store);
      node.grad = null;
    }
  }
}
