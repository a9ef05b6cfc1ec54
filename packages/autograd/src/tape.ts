/**
 * A recorded graph on flat arrays: what `trace()` replays. Every value of a call — inputs, the weights it
 * reads, its constants, then its op nodes in creation order — has a slot in one `Float64Array`, and each
 * op node is a row of small integers (op code, operand slots). Forward and backward apply the same
 * formulas as the ops in `value.ts` and `value-sums.ts`, in the same order, so a replay's values and
 * gradients are those of the `Value` graph it stands for, bit for bit (the tests compare them).
 */
import {
  cached,
  findChains,
  forEachOperandSlot,
  fuseChains,
  operandNodes,
  type TapeParts,
} from "./tape-structure.js";
import { Op, sigmoid } from "./value.js";

/** Most backward orders one tape keeps (one per set and order of outputs reached; the tutorial needs 3). */
const MAX_ORDERS = 16;

/**
 * A call's backward in micrograd's depth-first order, as the untraced graph runs it: one block per
 * output the pass met, each run where that output is processed. Block `e` (for output `entries[e]`):
 * steps `order[orderStart[e]` … `orderStart[e + 1])` (node numbers, `~c` for a chain), the leaf slots
 * it reads or adds into `leafSlots[leafStart[e]` …`]`, and the outputs met whose nodes it adds into or
 * processes, `outputsMet[outputStart[e]` …`]` (their gradient lives in the output `Value`, where the loss
 * adds too). `blockOf[q]` is output `q`'s block (−1 if the pass did not meet it).
 */
export interface DepthFirstBlocks {
  order: Int32Array;
  orderStart: Int32Array;
  leafSlots: Int32Array;
  leafStart: Int32Array;
  /** Where block `e`'s leaf slots pass from inputs to weights. */
  leafSplit: Int32Array;
  outputsMet: Int32Array;
  outputStart: Int32Array;
  blockOf: Int32Array;
}

/** A traced function's graph: build it once, then run forward and backward on flat arrays. */
export class Tape {
  // Fields are `declare`d, set once in the constructor: a field defined first as `undefined` would leave V8
  // unsure of the arrays' type, and every element access in the loops below would check it again.
  declare readonly inputCount: number;
  declare readonly externalCount: number;
  /** First slot of the op nodes. */
  declare readonly base: number;
  /** Slots per call. */
  declare readonly size: number;
  declare readonly nodeCount: number;
  declare readonly outputs: Int32Array;
  declare private readonly constants: Float64Array;
  declare private readonly op: Uint8Array;
  declare private readonly a: Int32Array;
  declare private readonly b: Int32Array;
  declare private readonly end: Int32Array;
  declare private readonly args: Int32Array;
  /** Each node's op-node operands (node numbers) in the order backward visits them: `kids[kidStart[j] … kidStart[j + 1])`. */
  declare private readonly kidStart: Int32Array;
  declare private readonly kids: Int32Array;
  /**
   * Chains `s + a0·b0 + a1·b1 + …` built as `mul`/`add` nodes (a neuron written as the tutorial writes
   * it), run as one step each: chain `c` is nodes `chainFirst[c]` (its first `mul`) … `chainLast[c]` (its
   * last `add`), alternating, starting from slot `chainStart[c]`. Only chains whose inner nodes have no
   * other use: their values and gradients are never needed apart.
   */
  declare private readonly chainStart: Int32Array;
  declare readonly chainFirst: Int32Array;
  declare private readonly chainLast: Int32Array;
  /** The forward pass as steps: `j ≥ 0` runs node `j`, `~c` runs chain `c`. */
  declare private readonly program: Int32Array;
  /** Backward orders by outputs reached (see {@link Tape.order}). */
  private readonly orders = new Map<number | string, Int32Array>();
  /** Whose values {@link Tape.vals} holds during depth-first pass `valuesSweep` (`trace.ts` keeps it). */
  valuesOf: object | null = null;
  valuesSweep = -1;
  /** Depth-first blocks by outputs met (see {@link Tape.blocks}). */
  private readonly blockCache = new Map<number | string, DepthFirstBlocks>();

  constructor(parts: TapeParts) {
    this.inputCount = parts.inputCount;
    this.externalCount = parts.externalCount;
    this.constants = parts.constants;
    this.base = parts.inputCount + parts.externalCount + parts.constants.length;
    this.nodeCount = parts.op.length;
    this.size = this.base + this.nodeCount;
    this.op = parts.op;
    this.a = parts.a;
    this.b = parts.b;
    this.end = parts.end;
    this.args = parts.args;
    this.outputs = parts.outputs;
    [this.kidStart, this.kids] = operandNodes(parts, this.base);
    [this.chainStart, this.chainFirst, this.chainLast] = findChains(parts, this.base);
    this.program = this.fuseChains(
      Int32Array.from({ length: this.nodeCount }, (_, j) => j),
      1,
    );
    this.vals = new Float64Array(this.size);
    this.vals.set(this.constants, this.inputCount + this.externalCount);
    this.grads = new Float64Array(this.size);
  }

  /**
   * The slots the tape computes in: the caller writes inputs and weights, {@link Tape.forward} the op
   * nodes (constants are in place). One per tape: forward and backward run no user code, so calls never
   * overlap; a call keeps its op nodes' values elsewhere until its backward.
   */
  declare readonly vals: Float64Array;
  /** Gradients, laid out like {@link Tape.vals}: the caller writes the leaves', {@link Tape.backward} adds. */
  declare readonly grads: Float64Array;

  /** Compute every op node's value from its operands', in creation order (the ops' forward formulas). */
  forward(): void {
    const { vals, op, a, b, end, args, base, program, chainStart, chainFirst, chainLast } = this;
    for (let i = 0; i < program.length; i++) {
      const j = program[i]!;
      if (j < 0) {
        // a mul/add chain: s + a0·b0 + a1·b1 + …, each product rounded, then each sum, as the nodes do
        const c = ~j;
        let acc = vals[chainStart[c]!]!;
        for (let m = chainFirst[c]!, last = chainLast[c]!; m < last; m += 2)
          acc += vals[a[m]!]! * vals[b[m]!]!;
        vals[base + chainLast[c]!] = acc;
        continue;
      }
      const A = a[j]!;
      const B = b[j]!;
      let out: number;
      switch (op[j]! as Op) {
        case Op.add:
          out = vals[A]! + vals[B]!;
          break;
        case Op.sub:
          out = vals[A]! - vals[B]!;
          break;
        case Op.mul:
          out = vals[A]! * vals[B]!;
          break;
        case Op.div:
          out = vals[A]! / vals[B]!;
          break;
        case Op.pow:
          out = vals[A]! ** vals[B]!;
          break;
        case Op.neg:
          out = -vals[A]!;
          break;
        case Op.relu: {
          const x = vals[A]!;
          out = x < 0 ? 0 : x;
          break;
        }
        case Op.leakyRelu: {
          const x = vals[A]!;
          out = x > 0 ? x : vals[B]! * x;
          break;
        }
        case Op.tanh:
          out = Math.tanh(vals[A]!);
          break;
        case Op.sigmoid:
          out = sigmoid(vals[A]!);
          break;
        case Op.exp:
          out = Math.exp(vals[A]!);
          break;
        case Op.log:
          out = Math.log(vals[A]!);
          break;
        case Op.abs:
          out = Math.abs(vals[A]!);
          break;
        case Op.softplus: {
          const x = vals[A]!;
          out = (x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x)));
          break;
        }
        case Op.sum: {
          let acc = A < 0 ? 0 : vals[A]!;
          for (let k = B, e = end[j]!; k < e; k++) acc += vals[args[k]!]!;
          out = acc;
          break;
        }
        case Op.dot: {
          let acc = A < 0 ? 0 : vals[A]!;
          for (let k = B, e = end[j]!; k < e; k += 2) acc += vals[args[k]!]! * vals[args[k + 1]!]!;
          out = acc;
          break;
        }
        default:
          throw new Error(`trace: op ${Op[op[j]!]} cannot be replayed`); // trace() records none
      }
      vals[base + j] = out;
    }
  }

  /**
   * Backward through one call in creation order: {@link Tape.vals} holds its values, the leaf slots of
   * {@link Tape.grads} what the leaves' `grad` held; `seeds[seedAt + q]` is the gradient that reached
   * output `q`, `reached` the outputs the backward pass processed. Afterwards the leaf slots of `grads`
   * hold their old value plus this call's contributions, added in the untraced graph's order.
   */
  backward(seeds: Float64Array, seedAt: number, reached: readonly number[]): void {
    const { grads, base, outputs } = this;
    grads.fill(0, this.inputCount + this.externalCount);
    for (const q of reached) grads[base + outputs[q]!] = grads[base + outputs[q]!]! + seeds[seedAt + q]!;
    const order = this.order(reached);
    this.steps(order, 0, order.length, grads);
  }

  /**
   * Depth-first order's blocks for a call whose outputs the backward pass met in the order `entries`
   * (see {@link DepthFirstBlocks}).
   */
  blocks(entries: readonly number[]): DepthFirstBlocks {
    return cached(this.blockCache, this.key(entries, true), MAX_ORDERS, () => this.depthFirstBlocks(entries));
  }

  /**
   * Apply the backward step of `order[from]` … `order[to − 1]` (node numbers, `~c` for a chain), adding
   * into `grads`; values are read from {@link Tape.vals}.
   */
  steps(order: Int32Array, from: number, to: number, grads: Float64Array): void {
    const { vals, op, a, b, end, args, base } = this;
    const { chainStart, chainFirst, chainLast } = this;
    for (let i = from; i < to; i++) {
      const j = order[i]!;
      if (j < 0) {
        // a chain, as its nodes would run: each add passes g on; each mul adds b·g into a, a·g into b
        const c = ~j;
        const g = grads[base + chainLast[c]!]!;
        const first = chainFirst[c]!;
        for (let m = chainLast[c]! - 1; m >= first; m -= 2) {
          if (m === first) grads[chainStart[c]!] = grads[chainStart[c]!]! + g;
          const A = a[m]!;
          const B = b[m]!;
          grads[A] = grads[A]! + vals[B]! * g;
          grads[B] = grads[B]! + vals[A]! * g;
        }
        continue;
      }
      const s = base + j;
      const g = grads[s]!;
      const A = a[j]!;
      const B = b[j]!;
      switch (op[j]! as Op) {
        case Op.add:
          grads[A] = grads[A]! + g;
          grads[B] = grads[B]! + g;
          break;
        case Op.sub:
          grads[A] = grads[A]! + g;
          grads[B] = grads[B]! - g;
          break;
        case Op.mul:
          grads[A] = grads[A]! + vals[B]! * g;
          grads[B] = grads[B]! + vals[A]! * g;
          break;
        case Op.div:
          grads[A] = grads[A]! + g / vals[B]!;
          grads[B] = grads[B]! + (-g * vals[A]!) / (vals[B]! * vals[B]!);
          break;
        case Op.pow: {
          const k = vals[B]!;
          grads[A] = grads[A]! + (k === 0 ? 0 : k * vals[A]! ** (k - 1) * g);
          break;
        }
        case Op.neg:
          grads[A] = grads[A]! - g;
          break;
        case Op.relu:
          grads[A] = grads[A]! + (vals[s]! > 0 ? g : 0);
          break;
        case Op.leakyRelu:
          grads[A] = grads[A]! + (vals[A]! > 0 ? g : vals[B]! * g);
          break;
        case Op.tanh:
          grads[A] = grads[A]! + (1 - vals[s]!) * (1 + vals[s]!) * g;
          break;
        case Op.sigmoid:
          grads[A] = grads[A]! + vals[s]! * (1 - vals[s]!) * g;
          break;
        case Op.exp:
          grads[A] = grads[A]! + vals[s]! * g;
          break;
        case Op.log:
          grads[A] = grads[A]! + (1 / vals[A]!) * g;
          break;
        case Op.abs:
          grads[A] = grads[A]! + Math.sign(vals[A]!) * g;
          break;
        case Op.softplus:
          grads[A] = grads[A]! + sigmoid(vals[A]!) * g;
          break;
        case Op.sum:
          for (let k = end[j]! - 1; k >= B; k--) grads[args[k]!] = grads[args[k]!]! + g;
          if (A >= 0) grads[A] = grads[A]! + g;
          break;
        case Op.dot:
          for (let k = end[j]! - 2; k >= B; k -= 2) {
            if (k === B && A >= 0) grads[A] = grads[A]! + g;
            const w = args[k]!;
            const x = args[k + 1]!;
            grads[w] = grads[w]! + vals[x]! * g;
            grads[x] = grads[x]! + vals[w]! * g;
          }
          break;
        default:
          throw new Error(`trace: op ${Op[op[j]!]} cannot be replayed`);
      }
    }
  }

  /**
   * The op nodes a creation-order backward from the outputs `reached` processes, newest first (chains
   * fused) — the order the untraced graph's nodes get. Nodes no reached output depends on are left out,
   * as a backward leaves them out.
   */
  private order(reached: readonly number[]): Int32Array {
    return cached(this.orders, this.key(reached, false), MAX_ORDERS, () =>
      this.fuseChains(this.creationOrder(reached), -1),
    );
  }

  /** A cache key for a list of outputs: digits base (outputs + 1), or a string if that is too long. */
  private key(outputs: readonly number[], depthFirst: boolean): number | string {
    const radix = this.outputs.length + 1;
    let key: number | string = depthFirst ? 1 : 0;
    for (let i = 0; i < outputs.length && typeof key === "number"; i++) {
      key = key * radix + outputs[i]! + 1;
      if (key > Number.MAX_SAFE_INTEGER / radix) key = (depthFirst ? "d" : "c") + outputs.join(",");
    }
    return key;
  }

  /**
   * Split micrograd's order into one block per output met: `entries` are the outputs in the order the
   * pass first visited them; block `e` holds the nodes first visited from output `entries[e]`, in
   * processing order (chains fused where their nodes are together). The untraced graph processes each
   * block as one stretch, where that output is; {@link DepthFirstBlocks} also lists what each block adds
   * into from outside it: leaves, and the nodes of outputs met.
   */
  private depthFirstBlocks(entries: readonly number[]): DepthFirstBlocks {
    const { kidStart, kids, nodeCount, outputs, base, a, b, end, args, op } = this;
    const rows = { op, a, b, end, args };
    const seen = new Uint8Array(nodeCount);
    const stack = new Int32Array(nodeCount);
    const cursor = new Int32Array(nodeCount);
    const orders: Int32Array[] = [];
    const leaves: number[][] = [];
    const outs: number[][] = [];
    const outputOf = new Int32Array(nodeCount).fill(-1);
    for (const q of entries) outputOf[outputs[q]!] = q;
    const leafSeen = new Int32Array(base).fill(-1);
    const outSeen = new Int32Array(outputs.length).fill(-1);
    const splits: number[] = [];
    entries.forEach((q, e) => {
      const topo: number[] = [];
      const entry = outputs[q]!;
      if (seen[entry] === 0) {
        seen[entry] = 1;
        let top = 0;
        stack[0] = entry;
        cursor[0] = kidStart[entry]!;
        while (top >= 0) {
          const j = stack[top]!;
          const c = cursor[top]!;
          if (c < kidStart[j + 1]!) {
            cursor[top] = c + 1;
            const k = kids[c]!;
            if (seen[k] === 0) {
              seen[k] = 1;
              stack[++top] = k;
              cursor[top] = kidStart[k]!;
            }
          } else {
            topo.push(j);
            top--;
          }
        }
      }
      const blockLeaves: number[] = [];
      const blockOuts: number[] = [];
      const touch = (slot: number): void => {
        if (slot < base) {
          if (slot < this.inputCount + this.externalCount && leafSeen[slot] !== e) {
            leafSeen[slot] = e;
            blockLeaves.push(slot);
          }
        } else {
          const o = outputOf[slot - base]!;
          if (o >= 0 && outSeen[o] !== e) {
            outSeen[o] = e;
            blockOuts.push(o);
          }
        }
      };
      for (const j of topo) {
        touch(base + j);
        forEachOperandSlot(rows, j, touch);
      }
      orders.push(this.fuseChains(Int32Array.from(topo.reverse()), -1));
      blockLeaves.sort((x, y) => x - y);
      let inputsTouched = 0;
      while (inputsTouched < blockLeaves.length && blockLeaves[inputsTouched]! < this.inputCount)
        inputsTouched++;
      splits.push(inputsTouched);
      leaves.push(blockLeaves);
      outs.push(blockOuts);
    });
    const flat = (lists: ArrayLike<number>[]): [Int32Array, Int32Array] => {
      const start = new Int32Array(lists.length + 1);
      lists.forEach((l, i) => (start[i + 1] = start[i]! + l.length));
      const all = new Int32Array(start[lists.length]!);
      lists.forEach((l, i) => all.set(l, start[i]));
      return [all, start];
    };
    const [order, orderStart] = flat(orders);
    const [leafSlots, leafStart] = flat(leaves);
    const leafSplit = Int32Array.from(splits, (count, e) => leafStart[e]! + count);
    const [outputsMet, outputStart] = flat(outs);
    const blockOf = new Int32Array(outputs.length).fill(-1);
    entries.forEach((q, e) => (blockOf[q] = e));
    return { order, orderStart, leafSlots, leafStart, leafSplit, outputsMet, outputStart, blockOf };
  }

  private creationOrder(reached: readonly number[]): Int32Array {
    const { kidStart, kids, nodeCount } = this;
    const seen = new Uint8Array(nodeCount);
    for (const q of reached) seen[this.outputs[q]!] = 1;
    const order: number[] = [];
    for (let j = nodeCount - 1; j >= 0; j--) {
      if (seen[j] === 0) continue;
      order.push(j);
      for (let k = kidStart[j]!; k < kidStart[j + 1]!; k++) seen[kids[k]!] = 1;
    }
    return Int32Array.from(order);
  }

  /** {@link fuseChains} with this tape's chains. */
  private fuseChains(steps: Int32Array, direction: 1 | -1): Int32Array {
    return fuseChains(steps, this.chainFirst, this.chainLast, this.nodeCount, direction);
  }
}
