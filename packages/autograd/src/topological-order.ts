import { expected } from "@neurogebra/internal";

import { Value } from "./value.js";
import { operandAt, operandCount } from "./value-operands.js";

/**
 * Every node that `root` depends on (leaves included) and `root` itself, each listed after all of its
 * parents: inputs first, `root` last. `backward({ order: "depthFirst" })` visits interior nodes in the
 * reverse of this order.
 *
 * The order is exactly that of micrograd's recursive `build_topo` with parents visited in operand order
 * (a depth-first post-order), computed with an explicit stack so million-node graphs are fine.
 *
 * @param root - the output node.
 * @throws TypeError if `root` is not a `Value`.
 * @example
 * ```ts
 * const a = new Value(2, "a");
 * const b = new Value(3, "b");
 * const c = a.mul(b);
 * topologicalOrder(c.add(a)).map((v) => v.label || v.op); // → ["a", "b", "mul", "add"]
 * ```
 */
export function topologicalOrder(root: Value): Value[] {
  if (!(root instanceof Value)) {
    throw new TypeError(expected("topologicalOrder", "root to be a Value", root));
  }
  return orderedNodes(root);
}

/**
 * micrograd's `build_topo` (operands visited in operand order, a visited `Set`) with an explicit stack
 * instead of recursion: the nodes reachable from `root`, leaves included, each after its operands.
 */
function orderedNodes(root: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>([root]);
  const stack: Value[] = [root];
  const nextOperand: number[] = [0]; // per stack entry: which operand to visit next
  while (stack.length > 0) {
    const top = stack.length - 1;
    const v = stack[top]!;
    const i = nextOperand[top]!;
    if (i === operandCount(v)) {
      stack.pop();
      nextOperand.pop();
      order.push(v);
      continue;
    }
    nextOperand[top] = i + 1;
    const p = operandAt(v, i);
    if (p !== null && !visited.has(p)) {
      visited.add(p);
      stack.push(p);
      nextOperand.push(0);
    }
  }
  return order;
}
