/**
 * `Value`, the scalar engine: a number that remembers the op and operands it came from (micrograd's
 * `Value`). This file holds the op table and the class, where every op's method (its forward formula)
 * has its backward step right under it (local derivative × incoming gradient `g`, added into the
 * operands' `grad`), so each op's chain rule reads in one screen. The backward steps are methods, not
 * a closure per node: the sweep (`backward-pass.ts`) calls the one its op code names.
 *
 * Beside it: `value-sums.ts` (`sum` and `dot`, the many-operand ops, written the same way),
 * `value-operands.ts` (where a node keeps its operands), `value-arguments.ts` (argument checks),
 * `value-anomaly.ts` (anomaly mode); and how `backward()` finds and orders the graph:
 * `creation-chain.ts` (creation numbers, the chain of op nodes, marks), `backward-pass.ts` (the sweep),
 * `creation-order.ts` and `depth-first-order.ts` (the two orders). `trace.ts` records a function's
 * graph once and replays it on flat arrays (`tape.ts`); its calls join a graph as `traced`/`output` nodes.
 */
import { expected } from "@neurogebra/internal";

import { backwardByCreation } from "./creation-order.js";
import { LEAF, OP_BITS, chainUp, endSweep, newKey, sweep } from "./creation-chain.js";
import { backwardDepthFirst } from "./depth-first-order.js";
import { isAnomalyEnabled, isGradEnabled } from "./grad-mode.js";
import { tracing } from "./trace-recording.js";
import { recordCreation, throwForwardAnomaly } from "./value-anomaly.js";
import { badLeaf, isDepthFirst, operand } from "./value-arguments.js";
import { parentsOf } from "./value-operands.js";

/**
 * The op table: every op a {@link Value} can come from, its op code being its position. `ValueOp` and
 * the names `Value.op` returns derive from it. Binary ops come first, then unary, then n-ary: the graph
 * walk tells where the operands are from the code's range (see the fields of `Value`).
 */
export enum Op {
  leaf,
  // binary: operands in `_a` and `_b`
  add,
  sub,
  mul,
  div,
  // unary: operand in `_a`; pow and leakyRelu keep their constant in `_b`, as a leaf
  pow,
  neg,
  relu,
  leakyRelu,
  tanh,
  sigmoid,
  exp,
  log,
  abs,
  softplus,
  // output `i` of a traced call (`trace.ts`): the call's node in `_a`, the index `i` in `_b`, as a leaf
  output,
  // n-ary: start/bias (or null) in `_a`, the other operands as an array in `_b`
  sum,
  dot,
  // one call of a traced function (`trace.ts`): `_a` null, its inputs in `_b`
  traced,
}

/**
 * The operation a {@link Value} came from (`"leaf"` for values you created yourself).
 *
 * @example
 * ```ts
 * const op: ValueOp = new Value(2).mul(3).op; // "mul"
 * ```
 */
export type ValueOp = keyof typeof Op;

/**
 * Options of {@link Value.backward}.
 *
 * @example
 * ```ts
 * loss.backward({ order: "depthFirst" }); // the tutorial's Python Value, bit for bit
 * ```
 */
export interface BackwardOptions {
  /**
   * The order nodes are processed in: `"creation"` (default, newest node first, like PyTorch) or
   * `"depthFirst"` (micrograd's `build_topo`, like the tutorial's Python). Both are exact; they can differ
   * in the last bits of a node with three or more consumers.
   */
  order?: "creation" | "depthFirst";
}

/**
 * A scalar that remembers how it was computed, so {@link Value.backward} can apply the chain rule —
 * the `Value` of micrograd and of the Neurogebra tutorial.
 *
 * Every op returns a new `Value` whose parents are its operands. `backward()` walks the graph in reverse
 * topological order and adds each node's local derivative times the incoming gradient into its parents'
 * `grad`. Numbers behave like IEEE-754 doubles (as in PyTorch): `log(0)` is `-Infinity`, `x / 0` is
 * `±Infinity`, nothing is clamped.
 *
 * @example
 * ```ts
 * const x = new Value(3, "x");
 * const y = x.mul(x).add(1); // y = x² + 1
 * y.backward();
 * y.data; // → 10
 * x.grad; // → 6
 * ```
 */
export class Value {
  /** The number this node holds. Mutable: optimizers do `p.data -= lr * p.grad`. */
  declare data: number;
  /** d(root)/d(this), filled by `backward()` of a graph this node belongs to. Reset it with `p.grad = 0`. */
  declare grad: number;

  // Graph structure (read it through `op`, `parents` and `param`). A training run makes millions of
  // nodes and every field costs 8 bytes on each, so there are only six: labels live in a side table,
  // the rare constants share `_b`, and the op code shares `_key` with the creation number.
  /** @internal First operand; start/bias of `sum`/`dot` (or null); null for leaves. */
  declare readonly _a: Value | null;
  /**
   * @internal Second operand of a binary op; the constant (a leaf) of `pow`/`leakyRelu`; the other
   * operands of `sum` (v0, v1, …) and `dot` (w0, x0, w1, x1, …); null otherwise.
   */
  declare readonly _b: Value | readonly Value[] | null;
  /**
   * @internal The op code and the creation number in one small integer, `id · 32 + op` (see
   * `creation-chain.ts`); `~key` while a backward pass has reached the node but not processed it.
   * Leaves hold −1. Read the op code through `_op`.
   */
  declare _key: number;
  /** @internal The op node created just before this one in the current chain segment (see `creation-chain.ts`). */
  declare _prev: Value | null;

  /**
   * A leaf value: a number you want derivatives with respect to (a weight, an input).
   *
   * @param data - any float64 (NaN and ±Infinity are kept, as in IEEE-754).
   * @param label - an optional name for graph drawings.
   * @throws TypeError if `data` is not a number or `label` not a string.
   */
  constructor(data: number, label?: string);
  constructor(
    data: number,
    label = "",
    op: Op = Op.leaf,
    a: Value | null = null,
    b: Value | readonly Value[] | null = null,
  ) {
    if (typeof data !== "number" || typeof label !== "string") badLeaf(data, label);
    this.data = data;
    this.grad = 0;
    this._a = a;
    this._b = b;
    if (op === Op.leaf) {
      this._key = LEAF;
      this._prev = null;
      if (tracing.leaves !== null) tracing.leaves.add(this); // a constant of the function being traced
    } else {
      this._key = newKey(op);
      this._prev = chainUp(this);
    }
    if (label !== "") labels.set(this, label);
  }

  // ─── Ops: each forward (the method) with its chain rule right under it ───
  // A number operand becomes a constant leaf `Value(n)`, as in micrograd. `backward` calls an op's
  // `_…Backward(g)` on each result it reaches, with g = d(root)/d(result); the step adds each operand's
  // local derivative times g into its `grad`. `a` is the first operand (`_a`), `b` the second (`_b`).

  /** `this + other`. @example `new Value(2).add(3).data // → 5` */
  add(other: Value | number): Value {
    const o = operand(other, "add");
    return node(this.data + o.data, Op.add, this, o);
  }
  /** @internal out = a + b: ∂out/∂a = 1, ∂out/∂b = 1. */
  _addBackward(g: number): void {
    this._a!.grad += g;
    (this._b as Value).grad += g;
  }

  /** `this - other`, one node (Python's `a - b` builds `a + b * -1`: same value and gradients). @example `new Value(2).sub(3).data // → -1` */
  sub(other: Value | number): Value {
    const o = operand(other, "sub");
    return node(this.data - o.data, Op.sub, this, o);
  }
  /** @internal out = a − b: ∂out/∂a = 1, ∂out/∂b = −1. */
  _subBackward(g: number): void {
    this._a!.grad += g;
    (this._b as Value).grad -= g;
  }

  /** `this · other`. @example `new Value(2).mul(3).data // → 6` */
  mul(other: Value | number): Value {
    const o = operand(other, "mul");
    return node(this.data * o.data, Op.mul, this, o);
  }
  /** @internal out = a · b: ∂out/∂a = b, ∂out/∂b = a. */
  _mulBackward(g: number): void {
    const a = this._a!;
    const b = this._b as Value;
    a.grad += b.data * g;
    b.grad += a.data * g;
  }

  /**
   * `this / other`, a true IEEE division (`1 / 0 = Infinity`). Python's micrograd computes `a / b` as
   * `a * b**-1`; to reproduce its last bits write `a.mul(b.pow(-1))`. @example `new Value(1).div(4).data // → 0.25`
   */
  div(other: Value | number): Value {
    const o = operand(other, "div");
    return node(this.data / o.data, Op.div, this, o);
  }
  /** @internal out = a / b: ∂out/∂a = 1/b, ∂out/∂b = −a/b² (written as PyTorch's div backward). */
  _divBackward(g: number): void {
    const a = this._a!;
    const b = this._b as Value;
    a.grad += g / b.data;
    b.grad += (-g * a.data) / (b.data * b.data);
  }

  /**
   * `this ** k` for a constant exponent. @example `new Value(3).pow(2).data // → 9`
   * @throws TypeError if `k` is not a number (a `Value` exponent: use `b.mul(a.log()).exp()`).
   * @throws RangeError if `k` is NaN or ±Infinity.
   */
  pow(k: number): Value {
    if (typeof k !== "number") {
      throw new TypeError(expected("Value.pow", "k to be a number", k));
    }
    if (!Number.isFinite(k)) throw new RangeError(`Value.pow: expected k to be finite, got ${k}`);
    return node(this.data ** k, Op.pow, this, new Value(k));
  }
  /** @internal out = a^k (k in `_b`): ∂out/∂a = k · a^(k−1), and 0 for k = 0 (not 0 · a^−1, NaN at a = 0: as PyTorch). */
  _powBackward(g: number): void {
    const a = this._a!;
    const k = (this._b as Value).data;
    a.grad += k === 0 ? 0 : k * a.data ** (k - 1) * g;
  }

  /** `-this` (one node; Python's `-a` builds `a * -1`, with the same value and gradient). @example `new Value(2).neg().data // → -2` */
  neg(): Value {
    return node(-this.data, Op.neg, this, null);
  }
  /** @internal out = −a: ∂out/∂a = −1. */
  _negBackward(g: number): void {
    this._a!.grad -= g;
  }

  /** `max(0, this)`, written `this < 0 ? 0 : this` as in micrograd (NaN stays NaN). @example `new Value(-2).relu().data // → 0` */
  relu(): Value {
    const x = this.data;
    return node(x < 0 ? 0 : x, Op.relu, this, null);
  }
  /** @internal out = max(0, a): ∂out/∂a = 1 where out > 0, else 0 (relu'(0) = 0, as PyTorch). */
  _reluBackward(g: number): void {
    this._a!.grad += this.data > 0 ? g : 0;
  }

  /**
   * `this > 0 ? this : alpha · this` (PyTorch's `leaky_relu`). @example `new Value(-2).leakyRelu(0.1).data // → -0.2`
   * @param alpha - the slope for non-positive inputs, default 0.01.
   * @throws RangeError if `alpha` is not a finite number.
   */
  leakyRelu(alpha = 0.01): Value {
    if (typeof alpha !== "number" || !Number.isFinite(alpha)) {
      throw new RangeError(expected("Value.leakyRelu", "alpha to be a finite number", alpha));
    }
    const x = this.data;
    return node(x > 0 ? x : alpha * x, Op.leakyRelu, this, new Value(alpha));
  }
  /** @internal out = a > 0 ? a : α · a (α in `_b`): ∂out/∂a = 1 where a > 0, else α. */
  _leakyReluBackward(g: number): void {
    const a = this._a!;
    a.grad += a.data > 0 ? g : (this._b as Value).data * g;
  }

  /** `tanh(this)`. @example `new Value(0).tanh().data // → 0` */
  tanh(): Value {
    return node(Math.tanh(this.data), Op.tanh, this, null);
  }
  /** @internal out = tanh a: ∂out/∂a = 1 − out², as (1 − out)(1 + out): no rounding of out², exact near ±1. */
  _tanhBackward(g: number): void {
    this._a!.grad += (1 - this.data) * (1 + this.data) * g;
  }

  /** `1 / (1 + e^−this)`, computed without overflow for any input. @example `new Value(0).sigmoid().data // → 0.5` */
  sigmoid(): Value {
    return node(sigmoid(this.data), Op.sigmoid, this, null);
  }
  /** @internal out = σ(a): ∂out/∂a = out · (1 − out). */
  _sigmoidBackward(g: number): void {
    this._a!.grad += this.data * (1 - this.data) * g;
  }

  /** `e^this`. @example `new Value(0).exp().data // → 1` */
  exp(): Value {
    return node(Math.exp(this.data), Op.exp, this, null);
  }
  /** @internal out = e^a: ∂out/∂a = e^a = out. */
  _expBackward(g: number): void {
    this._a!.grad += this.data * g;
  }

  /** Natural logarithm, IEEE like PyTorch: `log(0) = -Infinity`, `log(-1) = NaN`. @example `new Value(1).log().data // → 0` */
  log(): Value {
    return node(Math.log(this.data), Op.log, this, null);
  }
  /** @internal out = log a: ∂out/∂a = 1/a. */
  _logBackward(g: number): void {
    const a = this._a!;
    a.grad += (1 / a.data) * g;
  }

  /** `|this|`. @example `new Value(-2).abs().data // → 2` */
  abs(): Value {
    return node(Math.abs(this.data), Op.abs, this, null);
  }
  /** @internal out = |a|: ∂out/∂a = sign(a), 0 at 0 (as PyTorch). */
  _absBackward(g: number): void {
    const a = this._a!;
    a.grad += Math.sign(a.data) * g;
  }

  /** `log(1 + e^this)`, as `max(this, 0) + log1p(e^−|this|)`: no overflow, no lost tail. @example `new Value(0).softplus().data // → 0.6931471805599453` */
  softplus(): Value {
    const x = this.data;
    return node((x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x))), Op.softplus, this, null);
  }
  /** @internal out = log(1 + e^a): ∂out/∂a = σ(a). */
  _softplusBackward(g: number): void {
    const a = this._a!;
    a.grad += sigmoid(a.data) * g;
  }

  // ─── Backpropagation ───

  /**
   * Reverse-mode differentiation from this node: afterwards every node `v` of the graph holds
   * `v.grad = d(this)/d(v)` — added to what leaves already held.
   *
   * Semantics, as in PyTorch: gradients of **leaves** (values you created: weights, inputs) accumulate
   * (`+=`) across calls, so reset them (`zeroGrad(params)` or `p.grad = 0`) before each step. Gradients of
   * **intermediate** nodes are recomputed from 0 on each call, and the root's is seeded with 1 (set, as in
   * micrograd; a leaf root gets 1 added). No recursion anywhere, so million-node chains are fine.
   *
   * Order (it decides the last bits when a node has three or more consumers, since floating-point addition
   * is not associative):
   * - `"creation"` (default) — PyTorch's engine order: the most recently created node first. Every op node
   *   is threaded onto a chain in creation order as it is made, so backward just walks that chain from the
   *   root down; no graph sort is needed.
   * - `"depthFirst"` — the reverse of micrograd's recursive `build_topo` with operands visited in (first,
   *   second) order: the tutorial's Python `Value`, bit for bit. Use it to reproduce the Python run.
   *
   * @param options - `{ order }`, see above.
   * @throws TypeError if `options.order` is not `"creation"` or `"depthFirst"`.
   * @example
   * ```ts
   * const a = new Value(2);
   * const b = new Value(-3);
   * a.mul(b).add(a).backward(); // d/da = b + 1, d/db = a
   * [a.grad, b.grad]; // → [-2, 2]
   * ```
   */
  backward(options?: BackwardOptions): void {
    const depthFirst = options === undefined ? false : isDepthFirst(options);
    if (this._op === Op.leaf) {
      this.grad += 1;
      return;
    }
    sweep.depthFirst = depthFirst;
    try {
      if (depthFirst) backwardDepthFirst(this);
      else backwardByCreation(this);
    } finally {
      endSweep(); // later nodes start a new segment, so this graph can be collected once you drop it
    }
  }

  // ─── Inspection ───

  /** @internal Op code (see `op` for its name), marked or not. */
  get _op(): Op {
    const key = this._key;
    return (key ^ (key >> 31)) & OP_BITS; // key ^ (key >> 31) undoes a mark (~key) and leaves others
  }

  /** The op this value came from, e.g. `"mul"`; `"leaf"` for values you created. @example `new Value(1).op // → "leaf"` */
  get op(): ValueOp {
    return Op[this._op] as ValueOp;
  }

  /**
   * The operands this value was computed from, in the order backward visits them (empty for leaves).
   *
   * @example
   * ```ts
   * const a = new Value(1);
   * a.add(2).parents; // → [Value(data=1, grad=0), Value(data=2, grad=0)]  (a, then the constant 2)
   * ```
   */
  get parents(): readonly Value[] {
    return parentsOf(this);
  }

  /**
   * The constant of a `pow` (the exponent), a `leakyRelu` (the slope) or an `output` of a traced call (its
   * index); `undefined` for other ops.
   *
   * @example
   * ```ts
   * new Value(2).pow(3).param; // → 3
   * ```
   */
  get param(): number | undefined {
    const op = this._op;
    return op === Op.pow || op === Op.leakyRelu || op === Op.output ? (this._b as Value).data : undefined;
  }

  /** A name shown by `toDot` / `toMermaid` (empty by default). Mutable, as in micrograd: `e.label = "e"`. */
  get label(): string {
    return labels.get(this) ?? "";
  }

  set label(name: string) {
    if (typeof name !== "string") badLeaf(0, name);
    if (name === "") labels.delete(this);
    else labels.set(this, name);
  }

  /** Like Python's repr: `Value(data=2, grad=0)`. @example `String(new Value(2)) // → "Value(data=2, grad=0)"` */
  toString(): string {
    return `Value(data=${this.data}, grad=${this.grad})`;
  }

  /** Node's `console.log` shows the short form instead of the whole graph. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** Labels live beside the nodes, not in them: few nodes have one (see the fields of `Value`). */
const labels = new WeakMap<Value, string>();

/** The constructor with its internal parameters (graph structure), for the ops. */
const GraphValue = Value as unknown as new (
  data: number,
  label: string,
  op: Op,
  a: Value | null,
  b: Value | readonly Value[] | null,
) => Value;

/**
 * Record an op's result. Inside `noGrad` the result is a plain leaf (no parents kept); in anomaly mode a
 * NaN or ±Infinity result throws here, so the stack points at the op that produced it.
 */
export function node(data: number, op: Op, a: Value | null, b: Value | readonly Value[] | null): Value {
  if (isGradEnabled() && !isAnomalyEnabled()) return new GraphValue(data, "", op, a, b);
  return unusualNode(data, op, a, b); // out of line, so that `node` stays small enough to inline
}

function unusualNode(data: number, op: Op, a: Value | null, b: Value | readonly Value[] | null): Value {
  if (!Number.isFinite(data) && isAnomalyEnabled()) throwForwardAnomaly(data, op, a, b);
  if (!isGradEnabled()) return new Value(data);
  const out = new GraphValue(data, "", op, a, b);
  if (isAnomalyEnabled()) recordCreation(out);
  return out;
}

/** σ(x) = 1 / (1 + e^−x), evaluated on the side where the exponential cannot overflow. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
