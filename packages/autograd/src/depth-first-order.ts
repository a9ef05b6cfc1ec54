/**
 * `backward({ order: "depthFirst" })`: the reverse of micrograd's recursive `build_topo`, operands
 * visited in operand order — the tutorial's Python `Value`, bit for bit. The graph is sorted into a list
 * threaded through `_prev` (free once the creation chain is cut), then walked by `backward-pass.ts`.
 */
import { propagate } from "./backward-pass.js";
import { cutChain, toggleMark } from "./creation-chain.js";
import { outputListed } from "./trace.js";
import { Op, Value } from "./value.js";

/** Backward in micrograd's order. */
export function backwardDepthFirst(root: Value): void {
  cutChain(); // every `_prev` is null now: "not visited yet" for the sort
  const count = sortDepthFirst(root);
  root.grad = 1;
  propagate(root, null, [], count);
}

/** List markers for {@link sortDepthFirst}: a node whose operands are being visited; the end of the list. */
let markers: { entered: Value; end: Value } | null = null;

/**
 * Sort the op nodes `root` reaches into the reverse of micrograd's recursive `build_topo` (operands
 * visited in operand order): a list from `root` through `_prev`, each node before its operands, ending
 * at the `end` marker. An explicit stack replaces recursion; each node is marked and its `grad` reset on
 * its first visit. Returns the number of nodes listed.
 */
function sortDepthFirst(root: Value): number {
  markers ??= { entered: new Value(0), end: new Value(0) }; // made at first use: no work on import
  const { end, entered } = markers; // locals: module state would be re-read on every iteration
  let head = end;
  let count = 0;
  const stack: Value[] = [end]; // `end` marks the bottom of the stack
  toggleMark(root);
  root.grad = 0;
  let v: Value | null = root;
  for (;;) {
    if (v !== null) {
      // first visit of v: which operands still need one?
      const op = v._op;
      const a: Value | null = v._a;
      const b = op <= Op.div ? (v._b as Value) : null;
      const rest = op >= Op.sum ? (v._b as readonly Value[]) : null;
      const visitA = a !== null && a._key >= 0;
      const visitB = b !== null && b._key >= 0;
      if (!visitA && !visitB && rest === null) {
        v._prev = head; // nothing to wait for: v is done
        head = v;
        count++;
        if (op === Op.output) outputListed(v); // a traced call's blocks follow this order
        v = null;
        continue;
      }
      // come back to v after its operands: push v, then the operands in reverse, and descend into a
      v._prev = entered;
      stack.push(v);
      if (rest !== null) {
        for (let i = rest.length - 1; i >= 0; i--) if (rest[i]!._key >= 0) stack.push(rest[i]!);
      }
      if (visitB) stack.push(b);
      if (visitA) {
        toggleMark(a);
        a.grad = 0;
        v = a;
      } else {
        v = null;
      }
      continue;
    }
    const u = stack.pop()!;
    if (u === end) break;
    if (u._prev === entered) {
      u._prev = head; // all operands of u are done
      head = u;
      count++;
      if (u._op === Op.output) outputListed(u);
    } else if (u._key >= 0) {
      toggleMark(u); // an operand waiting for its first visit (unless another path got there first)
      u.grad = 0;
      v = u;
    }
  }
  return count;
}
