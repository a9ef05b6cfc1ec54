/**
 * `backward()`'s default order: the newest node first, as PyTorch's engine. The graph's nodes in the
 * current segment of the creation chain are walked in place (`backward-pass.ts`); any reached in older
 * segments are collected and sorted by creation number instead — slower, same order, same bits.
 */
import { propagate } from "./backward-pass.js";
import { age, fitSegments, isMarked, segmentSize, toggleMark } from "./creation-chain.js";
import { Op, type Value } from "./value.js";
import { forEachOperand, operandAt, operandCount } from "./value-operands.js";

/** Backward in creation order: walk the current segment, then sort any older nodes reached. */
export function backwardByCreation(root: Value): void {
  const older: Value[] = []; // reached interior nodes of older segments, marked
  root.grad = 1;
  toggleMark(root);
  if (root._prev !== null) propagate(root, null, older, 1);
  else older.push(root);
  if (older.length === 0) return;
  // The rare slow path: collect everything the older nodes reach, and sort it by creation number.
  for (let i = 0; i < older.length; i++) {
    forEachOperand(older[i]!, (p) => {
      if (!isMarked(p)) {
        p.grad = 0;
        toggleMark(p);
        older.push(p);
      }
    });
  }
  sortByCreation(older);
  // out of order only for nodes ~33 million (ID_LIMIT) creations apart
  if (!operandsOlder(older)) sortOperandsFirst(older);
  propagate(older.at(-1)!, older, [], older.length);
  fitSegments(segmentSize() + older.length); // the graph's size, give or take nodes of the segment it did not reach
}

/** Positions in a sort key: `age · POSITIONS + position` stays an exact integer below 2^52. */
const POSITIONS = 2 ** 22;

/**
 * Sort marked op nodes oldest first (`propagate` takes them from the end): keys `age · 2^22 + position`
 * in a typed array, sorted natively without a comparator function.
 */
function sortByCreation(nodes: Value[]): void {
  const n = nodes.length;
  if (n >= POSITIONS) {
    nodes.sort((p, q) => age(q) - age(p));
    return;
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = age(nodes[i]!) * POSITIONS + i;
  keys.sort(); // ascending: newest first
  const unsorted = nodes.slice();
  for (let k = 0; k < n; k++) nodes[n - 1 - k] = unsorted[keys[k]! % POSITIONS]!;
}

/**
 * Whether every op-node operand of a node of `nodes` is older than the node. Then the oldest-first order
 * puts operands first; it fails only for a graph whose creation numbers started over in between.
 */
function operandsOlder(nodes: readonly Value[]): boolean {
  let ok = true;
  for (let i = 0; i < nodes.length && ok; i++) {
    const v = nodes[i]!;
    const vAge = age(v);
    forEachOperand(v, (p) => {
      if (p._op !== Op.leaf && age(p) <= vAge) ok = false;
    });
  }
  return ok;
}

/** Reorder `nodes` so that each comes after its operands among them (a depth-first post-order). */
function sortOperandsFirst(nodes: Value[]): void {
  const members = new Set(nodes);
  const done = new Set<Value>();
  const out: Value[] = [];
  for (const start of nodes) {
    const stack: [Value, number][] = [[start, 0]];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const [v, i] = frame;
      if (done.has(v)) {
        stack.pop();
      } else if (i === operandCount(v)) {
        done.add(v);
        out.push(v);
        stack.pop();
      } else {
        frame[1] = i + 1;
        const p = operandAt(v, i);
        if (p !== null && members.has(p) && !done.has(p)) stack.push([p, 0]);
      }
    }
  }
  for (let i = 0; i < out.length; i++) nodes[i] = out[i]!;
}
