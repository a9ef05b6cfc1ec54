/**
 * The structure of a recorded graph that `Tape` derives once: each node's op-node operands (for the
 * orders), the mul/add chains it runs as one step, and where those chains can run fused.
 */
import { Op } from "./value.js";

/** The parts of a `Tape`, as `trace()` builds them. */
export interface TapeParts {
  /** Slots: inputs, then weights ("externals"), then constants, then op nodes. */
  inputCount: number;
  externalCount: number;
  constants: Float64Array;
  /** Per op node: op code, first operand slot (−1: none), second operand slot or start in `args`, end in `args`. */
  op: Uint8Array;
  a: Int32Array;
  b: Int32Array;
  end: Int32Array;
  /** Operand slots of `sum` (terms) and `dot` (w0, x0, w1, x1, …). */
  args: Int32Array;
  /** The op nodes the call returns (node numbers, distinct). */
  outputs: Int32Array;
}

/**
 * Call `f` on each operand slot of node `j`, in backward's visiting order: first operand (if any), the
 * second of a binary op, the terms of `sum`/`dot` (pow's and leakyRelu's constants are not operands).
 */
export function forEachOperandSlot(
  parts: Pick<TapeParts, "op" | "a" | "b" | "end" | "args">,
  j: number,
  f: (slot: number) => void,
): void {
  const { op, a, b, end, args } = parts;
  if (a[j]! >= 0) f(a[j]!);
  const code = op[j]! as Op;
  if (code <= Op.div) f(b[j]!);
  else if (code >= Op.sum) for (let k = b[j]!; k < end[j]!; k++) f(args[k]!);
}

/** A cache that forgets everything once it holds `limit` entries (a tape keeps a few orders). */
export function cached<K, V>(cache: Map<K, V>, key: K, limit: number, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/**
 * The mul/add chains of a tape (see `Tape.chainStart`), as their start slots, first and last nodes: a
 * `mul` used once, then an `add` of the running sum (first operand) and that product (second),
 * repeated; the inner sums used once and no output. At least two products, else there is nothing to gain.
 */
export function findChains(parts: TapeParts, base: number): [Int32Array, Int32Array, Int32Array] {
  const { op, a, b, outputs } = parts;
  const nodeCount = op.length;
  const uses = new Int32Array(nodeCount);
  const use = (slot: number): void => {
    if (slot >= base) uses[slot - base] = uses[slot - base]! + 1;
  };
  for (let j = 0; j < nodeCount; j++) forEachOperandSlot(parts, j, use);
  for (const o of outputs) uses[o] = uses[o]! + 1;
  const isPair = (m: number): boolean =>
    m + 1 < nodeCount && op[m] === Op.mul && uses[m] === 1 && op[m + 1] === Op.add && b[m + 1] === base + m;
  const starts: number[] = [];
  const firsts: number[] = [];
  const lasts: number[] = [];
  for (let m = 0; m < nodeCount;) {
    if (!isPair(m)) {
      m++;
      continue;
    }
    let last = m + 1;
    while (uses[last] === 1 && isPair(last + 1) && a[last + 2] === base + last) last += 2;
    if (last > m + 1) {
      starts.push(a[m + 1]!);
      firsts.push(m);
      lasts.push(last);
    }
    m = last + 1;
  }
  return [Int32Array.from(starts), Int32Array.from(firsts), Int32Array.from(lasts)];
}

/**
 * `steps` (node numbers) with each chain whose nodes appear together replaced by one `~c`: in
 * creation order (`direction` 1, its first mul … its last add) for the forward pass, newest first
 * (`direction` −1, its last add … its first mul) for a backward order. A chain split by other nodes
 * (micrograd's order can visit an operand's subgraph in between) stays node by node.
 */
export function fuseChains(
  steps: Int32Array,
  chainFirst: Int32Array,
  chainLast: Int32Array,
  nodeCount: number,
  direction: 1 | -1,
): Int32Array {
  if (chainFirst.length === 0) return steps;
  const chainAt = new Int32Array(nodeCount).fill(-1); // chain by its entry node
  for (let c = 0; c < chainFirst.length; c++) chainAt[direction === 1 ? chainFirst[c]! : chainLast[c]!] = c;
  const out: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    const j = steps[i]!;
    const c = chainAt[j]!;
    if (c >= 0) {
      const length = chainLast[c]! - chainFirst[c]! + 1;
      let together = i + length <= steps.length;
      for (let k = 1; k < length && together; k++) together = steps[i + k] === j + direction * k;
      if (together) {
        out.push(~c);
        i += length - 1;
        continue;
      }
    }
    out.push(j);
  }
  return Int32Array.from(out);
}

/** Each node's op-node operands in backward's visiting order (first operand, second, then `args`), as `[start, list]`. */
export function operandNodes(parts: TapeParts, base: number): [Int32Array, Int32Array] {
  const nodeCount = parts.op.length;
  const start = new Int32Array(nodeCount + 1);
  const list: number[] = [];
  const add = (slot: number): void => void (slot >= base && list.push(slot - base));
  for (let j = 0; j < nodeCount; j++) {
    start[j] = list.length;
    forEachOperandSlot(parts, j, add);
  }
  start[nodeCount] = list.length;
  return [start, Int32Array.from(list)];
}
