/**
 * `trace(fn, exampleInputs)`: run a function of `Value`s once, record the graph it builds, and replay that
 * graph on flat arrays (`tape.ts`) for new inputs — forward and backward — instead of building a new
 * graph of objects every call (PyTorch's `torch.jit.trace`, for the scalar engine). A call returns real
 * `Value`s: each output is an `output` node of one `traced` node, whose operands are the call's inputs,
 * and `backward()` runs the recorded graph's backward when its pass reaches the `traced` node.
 */
import { expected } from "@neurogebra/internal";

import { ID_LIMIT, OP_BITS, nextCreationNumber, sweep } from "./creation-chain.js";
import { isAnomalyEnabled, isGradEnabled } from "./grad-mode.js";
import { allocate } from "./arena.js";
import { Tape, type DepthFirstBlocks } from "./tape.js";
import { tracing } from "./trace-recording.js";
import { Op, Value, node } from "./value.js";
import { forEachOperand } from "./value-operands.js";

/**
 * A function recorded by {@link trace}: call it with inputs like the ones it was traced with.
 *
 * @example
 * ```ts
 * const f = trace(([x]) => x.mul(x).add(1), [new Value(0)]);
 * f([new Value(3)]).data; // → 10
 * f.nodeCount; // → 2  (op nodes replayed per call)
 * ```
 */
export interface TracedFunction<R> {
  (inputs: readonly Value[]): R;
  /** How many inputs a call takes. */
  readonly inputCount: number;
  /** How many op nodes a call replays (the graph the function built when traced). */
  readonly nodeCount: number;
}

/** One call's state, kept until its graph is dropped. */
interface Call {
  readonly tape: Tape;
  readonly inputs: readonly Value[];
  readonly externals: readonly Value[];
  /** Its outputs (the `output` nodes), by output number. */
  readonly outs: readonly Value[];
  /** The op nodes' values, then the gradients reaching each output in backward pass `sweep`. */
  readonly saved: Float64Array;
  /** The outputs backward pass `sweep` processed, in order (creation order). */
  readonly reached: number[];
  sweep: number;
  /** The outputs depth-first pass `entrySweep` met, in the order it met them. */
  readonly entries: number[];
  entrySweep: number;
  /** The op nodes' gradients during a depth-first pass (its blocks run at different times). */
  grads: Float64Array | null;
  /** The blocks of that pass. */
  blocks: DepthFirstBlocks | null;
}

/** @internal Each traced function's tape (for tests). */
export const tapes = new WeakMap<object, Tape>();

/** A `traced` node's operands: the call's inputs, with the call itself. */
type CallInputs = Value[] & { call: Call };

/**
 * Record `fn`'s graph once and return a function that replays it: the same values and gradients, bit
 * for bit (one exception below), without building a graph of `Value` objects per call —
 * about twice as fast on the tutorial's network, and no slower per node as the graph grows (no
 * garbage-collection cliff).
 *
 * What is recorded, as with `torch.jit.trace`: the ops `fn` applied to `exampleInputs` and to the leaves
 * it read (weights, created before the trace: a call reads their current `data` and adds into their
 * `grad`). Leaves `fn` created are constants, frozen at their traced value — including a number `fn`
 * computed from an input's `data` (such as a max subtracted for stability) — and branches `fn` took on
 * data are taken again whatever the new data. Trace only functions whose graph does not depend on the
 * data, such as a network's forward pass (ReLU is an op, not a branch).
 *
 * A call with grad recording on returns `output` nodes of one `traced` node (the call), whose operands
 * are the inputs; `backward()` through them gives every input and weight the gradient the untraced
 * graph would give, in the same order of additions, in both backward orders — with one exception in
 * depth-first order: when a call's input is computed from a value `fn` also uses (say `f([x.mul(w)])`
 * and `fn` uses `w`), that value's gradient has the same terms, possibly in another order (last bits).
 * Inside `noGrad` a call returns plain leaves. In
 * anomaly mode, while another function is traced, or when inputs repeat a `Value` (or a weight), a call
 * runs `fn` itself instead.
 *
 * @param fn - builds outputs from its inputs; returns a `Value` or an array of them.
 * @param exampleInputs - distinct `Value`s to trace `fn` with (their data does not matter).
 * @returns the traced function, which returns what `fn` returns (a `Value` or an array).
 * @throws TypeError if `fn` is not a function, an input is not a `Value`, or `fn` returns something else.
 * @throws Error if called inside `noGrad` (nothing would be recorded), inside another trace, or if `fn`
 * used an op node made before the trace (pass it as an input instead).
 * @example
 * ```ts
 * const w = new Value(0.5);
 * const neuron = trace(([x]) => x.mul(w).relu(), [new Value(0)]);
 * const y = neuron([new Value(4)]);
 * y.backward();
 * [y.data, w.grad]; // → [2, 4]
 * ```
 */
export function trace(fn: (inputs: Value[]) => Value, exampleInputs: readonly Value[]): TracedFunction<Value>;
export function trace(
  fn: (inputs: Value[]) => readonly Value[],
  exampleInputs: readonly Value[],
): TracedFunction<Value[]>;
export function trace(
  fn: (inputs: Value[]) => Value | readonly Value[],
  exampleInputs: readonly Value[],
): TracedFunction<Value | Value[]> {
  if (typeof fn !== "function") throw new TypeError(expected("trace", "fn to be a function", fn));
  const examples = checkInputs("trace", "exampleInputs", exampleInputs, -1);
  examples.forEach((v, i) => {
    const j = examples.indexOf(v);
    if (j < i) {
      throw new RangeError(
        `trace: expected exampleInputs to be distinct Values, got exampleInputs[${i}] the same Value as exampleInputs[${j}]`,
      );
    }
  });
  if (!isGradEnabled()) {
    throw new Error(
      "trace: expected gradient recording to be on, got a call inside noGrad (fn would build no graph)",
    );
  }
  if (tracing.leaves !== null) throw new Error("trace: expected no trace() while another function is traced");
  const start = nextCreationNumber();
  const leaves = new Set<Value>();
  tracing.leaves = leaves;
  let result: unknown;
  try {
    result = fn(examples.slice());
  } finally {
    tracing.leaves = null;
  }
  const made = (nextCreationNumber() - start + ID_LIMIT) % ID_LIMIT;
  const single = result instanceof Value;
  const outputs = single ? [result as Value] : checkOutputs(result);
  const r = record(outputs, examples, leaves, start, made);
  const name = fn.name === "" ? "traced function" : `${fn.name} (traced)`;
  const { tape, externals, constants, positions } = r;
  const externalSet = new Set(externals);
  const index = Array.from(tape.outputs, (_, q) => new Value(q));

  const { base, nodeCount, outputs: outputNodes } = tape;
  const plain = positions.every((slot, i) => slot === base + outputNodes[i]!); // returns its outputs in order

  const traced = (inputs: readonly Value[]): Value | Value[] => {
    const args = checkInputs(name, "inputs", inputs, tape.inputCount);
    if (isAnomalyEnabled() || tracing.leaves !== null || aliased(args, externalSet)) {
      return fn(args.slice()) as Value | Value[]; // the graph itself: exact errors, any nesting, shared leaves
    }
    const vals = tape.vals;
    tape.valuesOf = null; // the slots get this call's values (see runBlock)
    const n = args.length;
    for (let k = 0; k < n; k++) vals[k] = args[k]!.data;
    for (let e = 0; e < externals.length; e++) vals[n + e] = externals[e]!.data;
    tape.forward();
    const outs: Value[] = new Array<Value>(outputNodes.length);
    if (isGradEnabled() && outputNodes.length > 0) {
      const saved = allocate(nodeCount + outputNodes.length);
      saved.set(vals.subarray(base));
      const operands = args.slice() as CallInputs;
      const call: Call = {
        tape,
        inputs: operands,
        externals,
        outs,
        saved,
        reached: [],
        sweep: -1,
        entries: [],
        entrySweep: -1,
        grads: null,
        blocks: null,
      };
      operands.call = call;
      const t = node(0, Op.traced, null, operands);
      for (let q = 0; q < outs.length; q++)
        outs[q] = node(vals[base + outputNodes[q]!]!, Op.output, t, index[q]!);
    } else {
      for (let q = 0; q < outs.length; q++) outs[q] = new Value(vals[base + outputNodes[q]!]!);
    }
    if (plain) return single ? outs[0]! : outs;
    const returned = positions.map((slot) => {
      if (slot >= base) return outs[r.outputOf[slot - base]!]!;
      if (slot < n) return args[slot]!;
      if (slot < n + externals.length) return externals[slot - n]!;
      return new Value(constants[slot - n - externals.length]!);
    });
    return single ? returned[0]! : returned;
  };
  tapes.set(traced, tape);
  Object.defineProperty(traced, "inputCount", { value: tape.inputCount, enumerable: true });
  Object.defineProperty(traced, "nodeCount", { value: tape.nodeCount, enumerable: true });
  return traced as TracedFunction<Value | Value[]>;
}

/**
 * @internal A depth-first pass lists output `out` (in `build_topo`'s order): note the order in which its
 * call's outputs are met, which decides its blocks (see `Tape.blocks`).
 */
export function outputListed(out: Value): void {
  const call = (out._a!._b as CallInputs).call;
  if (call.entrySweep !== sweep.id) {
    call.entrySweep = sweep.id;
    call.entries.length = 0;
  }
  call.entries.push((out._b as Value).data);
}

/**
 * @internal Output `q` of a call, reached by a backward pass. In creation order: keep its gradient for
 * the call's backward (at the `traced` node). In depth-first order: run the call's block for this output
 * now, where the untraced graph runs those nodes.
 */
export function outputBackward(out: Value, g: number): void {
  const call = (out._a!._b as CallInputs).call;
  const q = (out._b as Value).data;
  if (sweep.depthFirst) {
    runBlock(call, q);
    return;
  }
  const { saved, tape } = call;
  const seeds = tape.nodeCount;
  if (call.sweep !== sweep.id) {
    call.sweep = sweep.id; // the first output this pass processes: start afresh
    saved.fill(0, seeds);
    call.reached.length = 0;
  }
  saved[seeds + q] = saved[seeds + q]! + g;
  call.reached.push(q);
}

/** @internal The `traced` node (creation order): backward through the recorded graph, into the inputs and weights. */
export function tracedBackward(t: Value): void {
  if (sweep.depthFirst) return; // its outputs ran the blocks
  const inputs = t._b as CallInputs;
  const call = inputs.call;
  if (call.sweep !== sweep.id) return; // no output reached in this pass
  const { tape, externals, saved } = call;
  const { vals, grads, nodeCount } = tape;
  const n = inputs.length;
  // the leaves' data as it is now (as the untraced graph's backward reads it), the op nodes' as computed
  for (let k = 0; k < n; k++) {
    vals[k] = inputs[k]!.data;
    grads[k] = inputs[k]!.grad;
  }
  for (let e = 0; e < externals.length; e++) {
    vals[n + e] = externals[e]!.data;
    grads[n + e] = externals[e]!.grad;
  }
  vals.set(saved.subarray(0, nodeCount), tape.base);
  tape.valuesOf = null;
  tape.backward(saved, nodeCount, call.reached);
  for (let k = 0; k < n; k++) inputs[k]!.grad = grads[k]!;
  for (let e = 0; e < externals.length; e++) externals[e]!.grad = grads[n + e]!;
}

/**
 * Depth-first order: run the block of output `q` (the nodes the pass first visits from it). What it adds
 * into from outside the block — leaves, the nodes of other outputs met — is read from their `Value`s
 * before and written back after, so those sums take their terms in the untraced graph's order.
 */
function runBlock(call: Call, q: number): void {
  const { tape, inputs, externals, outs, saved } = call;
  const { vals, base, nodeCount, outputs } = tape;
  if (call.sweep !== sweep.id) {
    call.sweep = sweep.id; // the first block this pass runs: fresh gradients, the blocks of this order
    if (call.grads === null) call.grads = allocate(tape.size);
    else call.grads.fill(0);
    call.blocks = tape.blocks(call.entries);
  }
  const grads = call.grads!;
  const blocks = call.blocks!;
  const e = blocks.blockOf[q]!;
  if (e < 0 || blocks.orderStart[e] === blocks.orderStart[e + 1]) return; // met inside another block
  const n = inputs.length;
  if (tape.valuesOf !== call || tape.valuesSweep !== sweep.id) {
    // the tape's slots hold another call's values: this call's, and its leaves' data as it is now
    tape.valuesOf = call;
    tape.valuesSweep = sweep.id;
    for (let j = 0; j < nodeCount; j++) vals[base + j] = saved[j]!;
    for (let k = 0; k < n; k++) vals[k] = inputs[k]!.data;
    for (let x = 0; x < externals.length; x++) vals[n + x] = externals[x]!.data;
  }
  const { leafSlots, leafStart, leafSplit, outputsMet, outputStart } = blocks;
  const from = leafStart[e]!;
  const split = leafSplit[e]!;
  const to = leafStart[e + 1]!;
  for (let i = from; i < split; i++) grads[leafSlots[i]!] = inputs[leafSlots[i]!]!.grad;
  for (let i = split; i < to; i++) grads[leafSlots[i]!] = externals[leafSlots[i]! - n]!.grad;
  for (let i = outputStart[e]!; i < outputStart[e + 1]!; i++) {
    const o = outputsMet[i]!;
    grads[base + outputs[o]!] = outs[o]!.grad;
  }
  tape.steps(blocks.order, blocks.orderStart[e]!, blocks.orderStart[e + 1]!, grads);
  for (let i = from; i < split; i++) inputs[leafSlots[i]!]!.grad = grads[leafSlots[i]!]!;
  for (let i = split; i < to; i++) externals[leafSlots[i]! - n]!.grad = grads[leafSlots[i]!]!;
  for (let i = outputStart[e]!; i < outputStart[e + 1]!; i++) {
    const o = outputsMet[i]!;
    outs[o]!.grad = grads[base + outputs[o]!]!;
  }
}

/** What {@link record} returns: the tape, its leaves, and which slot each returned position is. */
interface Recording {
  tape: Tape;
  externals: readonly Value[];
  constants: Float64Array;
  /** Slot of each value `fn` returned, in order. */
  positions: number[];
  /** Output number of each op node the call returns (−1 for the others). */
  outputOf: Int32Array;
}

/**
 * Turn the graph `fn` built into a tape: the op nodes the outputs depend on (each made during the trace:
 * creation number `start` … `start + made − 1`), sorted by creation, their leaves split into weights
 * (made before) and constants (made during: in `leaves`).
 */
function record(
  outputs: readonly Value[],
  inputs: readonly Value[],
  leaves: ReadonlySet<Value>,
  start: number,
  made: number,
): Recording {
  const inputSlot = new Map<Value, number>(inputs.map((v, k) => [v, k]));
  const externals: Value[] = [];
  const constants: Value[] = [];
  const nodes: Value[] = [];
  const ages = new Map<Value, number>();
  const seen = new Set<Value>();
  const stack = [...outputs];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (seen.has(v)) continue;
    seen.add(v);
    if (inputSlot.has(v)) continue;
    const op = v._op;
    if (op === Op.leaf) {
      (leaves.has(v) ? constants : externals).push(v);
      continue;
    }
    const age = (Math.floor(v._key / (OP_BITS + 1)) - start + ID_LIMIT) % ID_LIMIT;
    if (age >= made || op === Op.traced || op === Op.output) {
      throw new Error(
        `trace: expected fn to compute from its inputs and from leaves, got a ${v.op} node made before the trace (pass it in as an input)`,
      );
    }
    ages.set(v, age);
    nodes.push(v);
    forEachOperand(v, (p) => stack.push(p));
    if (op === Op.pow || op === Op.leakyRelu) stack.push(v._b as Value); // the constant
  }
  nodes.sort((p, q) => ages.get(p)! - ages.get(q)!);
  const slot = new Map<Value, number>(inputSlot);
  let next = inputs.length;
  for (const group of [externals, constants, nodes]) for (const v of group) slot.set(v, next++);
  const base = inputs.length + externals.length + constants.length;
  const n = nodes.length;
  const op = new Uint8Array(n);
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  const end = new Int32Array(n);
  const args: number[] = [];
  nodes.forEach((v, j) => {
    const code = v._op;
    op[j] = code;
    a[j] = v._a === null ? -1 : slot.get(v._a)!;
    if (code >= Op.sum) {
      b[j] = args.length;
      for (const p of v._b as readonly Value[]) args.push(slot.get(p)!);
      end[j] = args.length;
    } else if (code <= Op.div || code === Op.pow || code === Op.leakyRelu) {
      b[j] = slot.get(v._b as Value)!;
    } else {
      b[j] = -1;
    }
  });
  const positions = outputs.map((v) => slot.get(v)!);
  const outputOf = new Int32Array(n).fill(-1);
  const outputNodes: number[] = [];
  for (const s of positions) {
    if (s >= base && outputOf[s - base] === -1) {
      outputOf[s - base] = outputNodes.length;
      outputNodes.push(s - base);
    }
  }
  const constantData = Float64Array.from(constants, (v) => v.data);
  const tape = new Tape({
    inputCount: inputs.length,
    externalCount: externals.length,
    constants: constantData,
    op,
    a,
    b,
    end,
    args: Int32Array.from(args),
    outputs: Int32Array.from(outputNodes),
  });
  return { tape, externals, constants: constantData, positions, outputOf };
}

/** `inputs` as an array of Values (of length `count`, unless −1), or a TypeError/RangeError naming `fn` and `name`. */
function checkInputs(fn: string, name: string, inputs: unknown, count: number): readonly Value[] {
  if (!Array.isArray(inputs)) throw new TypeError(expected(fn, `${name} to be an array of Values`, inputs));
  if (count >= 0 && inputs.length !== count) {
    throw new RangeError(`${fn}: expected ${name} to hold ${count} Values, got ${inputs.length}`);
  }
  for (let i = 0; i < inputs.length; i++) {
    if (!(inputs[i] instanceof Value)) {
      throw new TypeError(expected(fn, `${name}[${i}] to be a Value`, inputs[i], { Value }));
    }
  }
  return inputs as readonly Value[];
}

/** What a traced `fn` returned, as an array of Values, or a TypeError. */
function checkOutputs(result: unknown): readonly Value[] {
  if (!Array.isArray(result) || !result.every((v) => v instanceof Value)) {
    throw new TypeError(expected("trace", "fn to return a Value or an array of Values", result, { Value }));
  }
  return result;
}

/** Whether a call's inputs repeat a Value or a weight (their gradients would need one slot). */
function aliased(args: readonly Value[], externals: ReadonlySet<Value>): boolean {
  if (args.length > 8) return new Set(args).size < args.length || args.some((v) => externals.has(v));
  for (let k = 0; k < args.length; k++) {
    const v = args[k]!;
    if (externals.has(v)) return true;
    for (let m = 0; m < k; m++) if (args[m] === v) return true;
  }
  return false;
}
