/**
 * Where a `Value` node keeps its operands, by op code (see the op table in `value.ts`): binary ops in
 * `_a` and `_b`; unary ops in `_a` (pow's and leakyRelu's constant in `_b` is not an operand); `sum`
 * and `dot` their start/bias (or null) in `_a`, the other terms as an array in `_b`.
 */
import { Op, type Value } from "./value.js";

/** How many operands `v` has, in the order backward visits them. */
export function operandCount(v: Value): number {
  const op = v._op;
  if (op === Op.leaf) return 0;
  if (op <= Op.div) return 2;
  if (op < Op.sum) return 1;
  return 1 + (v._b as readonly Value[]).length;
}

/** Operand `i` of `v` (null for a sum/dot without a start). */
export function operandAt(v: Value, i: number): Value | null {
  if (i === 0) return v._a;
  return v._op <= Op.div ? (v._b as Value) : (v._b as readonly Value[])[i - 1]!;
}

/** Call `f` on each operand of `v`, in order. */
export function forEachOperand(v: Value, f: (p: Value) => void): void {
  const n = operandCount(v);
  for (let i = 0; i < n; i++) {
    const p = operandAt(v, i);
    if (p !== null) f(p);
  }
}

/** The operands of `v` as a new array (what `Value.parents` returns). */
export function parentsOf(v: Value): Value[] {
  const out: Value[] = [];
  forEachOperand(v, (p) => out.push(p));
  return out;
}
