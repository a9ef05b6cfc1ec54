/** The order `Tensor.backward()` visits a graph in. */
import type { Tensor } from "./tensor.js";

/**
 * Tensors reachable from `root` through inputs that require grad, each after all its inputs.
 * Iterative depth-first search: a node is pushed twice, first to expand it (push its inputs), then,
 * below its inputs, as "done" — so it is emitted only after everything it depends on. Visited nodes
 * are marked with a token unique to this sweep, which is cheaper than a `Set` of a few nodes.
 */
export function topologicalOrder(root: Tensor): Tensor[] {
  const sweep = {};
  const order: Tensor[] = [];
  const stack: Tensor[] = [root];
  const done: boolean[] = [false];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (done.pop()!) {
      order.push(node);
      continue;
    }
    if (node._visitedBy === sweep) continue;
    node._visitedBy = sweep;
    stack.push(node);
    done.push(true);
    const parents = node._parents;
    for (let i = 0; i < parents.length; i++) {
      const p = parents[i]!;
      if (p.requiresGrad && p._visitedBy !== sweep) {
        stack.push(p);
        done.push(false);
      }
    }
  }
  return order;
}
