/**
 * `Value`, the scalar engine: a number that remembers the op and operands it came from (micrograd's
 * `Value`). This file holds the op table, the class, and below it every op as a pair — its forward
 * formula and its backward step (local derivative × incoming gradient `g`, added into the operands'
 * `grad`) — so each op's chain rule reads in one screen.
 *
 * How `backward()` finds and orders the graph lives beside it: `creation-chain.ts` (creation numbers,
 * the chain of op nodes, marks), `backward-pass.ts` (the sweep), `creation-order.ts` and
 * `depth-first-order.ts` (the two orders), `value-anomaly.ts` and `value-arguments.ts`.
 */
import { backwardByCreation } from "./creation-order.js";
import { LEAF, chainUp, endSweep, newKey, opCode } from "./creation-chain.js";
import { backwardDepthFirst } from "./depth-first-order.js";
import { isAnomalyEnabled, isGradEnabled } from "./grad-mode.js";
import { recordCreation, throwForwardAnomaly } from "./value-anomaly.js";
import { badLeaf, describe, isDepthFirst, operand } from "./value-arguments.js";
import { parentsOf } from "./value-operands.js";
import { dotBackward, sumBackward } from "./value-sums.js";

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
  // n-ary: start/bias (or null) in `_a`, the other operands as an array in `_b`
  sum,
  dot,
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
 * y.data; // 10
 * x.grad; // 6
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
    } else {
      this._key = newKey(op);
      this._prev = chainUp(this);
    }
    if (label !== "") labels.set(this, label);
  }

  // ─── Ops: each method checks its operands and records the node; the math is in the pairs below ───
  // A number operand becomes a constant leaf `Value(n)`, as in micrograd.

  /** `this + other`. @example `new Value(2).add(3).data // 5` */
  add(other: Value | number): Value {
    const o = operand(other, "add");
    return node(addForward(this.data, o.data), Op.add, this, o);
  }

  /** `this - other`, one node (Python's `a - b` builds `a + b * -1`: same value and gradients). @example `new Value(2).sub(3).data // -1` */
  sub(other: Value | number): Value {
    const o = operand(other, "sub");
    return node(subForward(this.data, o.data), Op.sub, this, o);
  }

  /** `this · other`. @example `new Value(2).mul(3).data // 6` */
  mul(other: Value | number): Value {
    const o = operand(other, "mul");
    return node(mulForward(this.data, o.data), Op.mul, this, o);
  }

  /**
   * `this / other`, a true IEEE division (`1 / 0 = Infinity`). Python's micrograd computes `a / b` as
   * `a * b**-1`; to reproduce its last bits write `a.mul(b.pow(-1))`. @example `new Value(1).div(4).data // 0.25`
   */
  div(other: Value | number): Value {
    const o = operand(other, "div");
    return node(divForward(this.data, o.data), Op.div, this, o);
  }

  /**
   * `this ** k` for a constant exponent. @example `new Value(3).pow(2).data // 9`
   * @throws TypeError if `k` is not a number (a `Value` exponent: use `b.mul(a.log()).exp()`).
   * @throws RangeError if `k` is NaN or ±Infinity.
   */
  pow(k: number): Value {
    if (typeof k !== "number") {
      throw new TypeError(`Value.pow: expected k to be a number, got ${describe(k)}`);
    }
    if (!Number.isFinite(k)) throw new RangeError(`Value.pow: expected k to be finite, got ${k}`);
    return node(powForward(this.data, k), Op.pow, this, new Value(k));
  }

  /** `-this` (one node; Python's `-a` builds `a * -1`, with the same value and gradient). @example `new Value(2).neg().data // -2` */
  neg(): Value {
    return node(negForward(this.data), Op.neg, this, null);
  }

  /** `max(0, this)`, written `this < 0 ? 0 : this` as in micrograd (NaN stays NaN). @example `new Value(-2).relu().data // 0` */
  relu(): Value {
    return node(reluForward(this.data), Op.relu, this, null);
  }

  /**
   * `this > 0 ? this : alpha · this` (PyTorch's `leaky_relu`). @example `new Value(-2).leakyRelu(0.1).data // -0.2`
   * @param alpha - the slope for non-positive inputs, default 0.01.
   * @throws RangeError if `alpha` is not a finite number.
   */
  leakyRelu(alpha = 0.01): Value {
    if (typeof alpha !== "number" || !Number.isFinite(alpha)) {
      throw new RangeError(`Value.leakyRelu: expected alpha to be a finite number, got ${describe(alpha)}`);
    }
    return node(leakyReluForward(this.data, alpha), Op.leakyRelu, this, new Value(alpha));
  }

  /** `tanh(this)`. @example `new Value(0).tanh().data // 0` */
  tanh(): Value {
    return node(tanhForward(this.data), Op.tanh, this, null);
  }

  /** `1 / (1 + e^−this)`, computed without overflow for any input. @example `new Value(0).sigmoid().data // 0.5` */
  sigmoid(): Value {
    return node(sigmoidForward(this.data), Op.sigmoid, this, null);
  }

  /** `e^this`. @example `new Value(0).exp().data // 1` */
  exp(): Value {
    return node(expForward(this.data), Op.exp, this, null);
  }

  /** Natural logarithm, IEEE like PyTorch: `log(0) = -Infinity`, `log(-1) = NaN`. @example `new Value(1).log().data // 0` */
  log(): Value {
    return node(logForward(this.data), Op.log, this, null);
  }

  /** `|this|`. @example `new Value(-2).abs().data // 2` */
  abs(): Value {
    return node(absForward(this.data), Op.abs, this, null);
  }

  /** `log(1 + e^this)`, without overflow or a lost tail. @example `new Value(0).softplus().data // 0.6931471805599453` */
  softplus(): Value {
    return node(softplusForward(this.data), Op.softplus, this, null);
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
   * [a.grad, b.grad]; // [-2, 2]
   * ```
   */
  backward(options?: BackwardOptions): void {
    const depthFirst = options === undefined ? false : isDepthFirst(options);
    if (this._op === Op.leaf) {
      this.grad += 1;
      return;
    }
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
    return opCode(this._key);
  }

  /** The op this value came from, e.g. `"mul"`; `"leaf"` for values you created. @example `new Value(1).op // "leaf"` */
  get op(): ValueOp {
    return Op[this._op] as ValueOp;
  }

  /**
   * The operands this value was computed from, in the order backward visits them (empty for leaves).
   *
   * @example
   * ```ts
   * const a = new Value(1);
   * a.add(2).parents; // [a, Value(data=2, grad=0)]
   * ```
   */
  get parents(): readonly Value[] {
    return parentsOf(this);
  }

  /**
   * The constant of a `pow` (the exponent) or a `leakyRelu` (the slope); `undefined` for other ops.
   *
   * @example
   * ```ts
   * new Value(2).pow(3).param; // 3
   * ```
   */
  get param(): number | undefined {
    return this._op === Op.pow || this._op === Op.leakyRelu ? (this._b as Value).data : undefined;
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

  /** Like Python's repr: `Value(data=2, grad=0)`. @example `String(new Value(2)) // "Value(data=2, grad=0)"` */
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

// ─── The ops, forward beside backward ───
// `xForward` computes the result from the operands' data; `xBackward` runs when backward reaches the
// result `out` with its gradient `g`, and adds ∂out/∂operand · g into each operand's `grad`. `a` is the
// first operand (`out._a`), the second (or the constant) is `out._b`.

// add: out = a + b;  ∂out/∂a = 1, ∂out/∂b = 1
function addForward(a: number, b: number): number {
  return a + b;
}
function addBackward(out: Value, a: Value, g: number): void {
  a.grad += g;
  (out._b as Value).grad += g;
}

// sub: out = a − b;  ∂out/∂a = 1, ∂out/∂b = −1
function subForward(a: number, b: number): number {
  return a - b;
}
function subBackward(out: Value, a: Value, g: number): void {
  a.grad += g;
  (out._b as Value).grad -= g;
}

// mul: out = a · b;  ∂out/∂a = b, ∂out/∂b = a
function mulForward(a: number, b: number): number {
  return a * b;
}
function mulBackward(out: Value, a: Value, g: number): void {
  const b = out._b as Value;
  a.grad += b.data * g;
  b.grad += a.data * g;
}

// div: out = a / b;  ∂out/∂a = 1/b, ∂out/∂b = −a/b² (written as PyTorch's div backward)
function divForward(a: number, b: number): number {
  return a / b;
}
function divBackward(out: Value, a: Value, g: number): void {
  const b = out._b as Value;
  a.grad += g / b.data;
  b.grad += (-g * a.data) / (b.data * b.data);
}

// pow: out = a^k;  ∂out/∂a = k · a^(k−1), and 0 for k = 0 (not 0 · a^−1, NaN at a = 0: as PyTorch)
function powForward(a: number, k: number): number {
  return a ** k;
}
function powBackward(out: Value, a: Value, g: number): void {
  const k = (out._b as Value).data;
  a.grad += k === 0 ? 0 : k * a.data ** (k - 1) * g;
}

// neg: out = −a;  ∂out/∂a = −1
function negForward(a: number): number {
  return -a;
}
function negBackward(a: Value, g: number): void {
  a.grad -= g;
}

// relu: out = max(0, a);  ∂out/∂a = 1 where out > 0, else 0 (relu'(0) = 0, as PyTorch)
function reluForward(a: number): number {
  return a < 0 ? 0 : a;
}
function reluBackward(out: Value, a: Value, g: number): void {
  a.grad += out.data > 0 ? g : 0;
}

// leakyRelu: out = a > 0 ? a : α · a;  ∂out/∂a = 1 where a > 0, else α
function leakyReluForward(a: number, alpha: number): number {
  return a > 0 ? a : alpha * a;
}
function leakyReluBackward(out: Value, a: Value, g: number): void {
  a.grad += a.data > 0 ? g : (out._b as Value).data * g;
}

// tanh: out = tanh a;  ∂out/∂a = 1 − out², as (1 − out)(1 + out): no rounding of out², exact near ±1
function tanhForward(a: number): number {
  return Math.tanh(a);
}
function tanhBackward(out: Value, a: Value, g: number): void {
  a.grad += (1 - out.data) * (1 + out.data) * g;
}

// sigmoid: out = σ(a) = 1 / (1 + e^−a), on the side where the exponential cannot overflow;
// ∂out/∂a = out · (1 − out)
function sigmoidForward(a: number): number {
  if (a >= 0) return 1 / (1 + Math.exp(-a));
  const e = Math.exp(a);
  return e / (1 + e);
}
function sigmoidBackward(out: Value, a: Value, g: number): void {
  a.grad += out.data * (1 - out.data) * g;
}

// exp: out = e^a;  ∂out/∂a = e^a = out
function expForward(a: number): number {
  return Math.exp(a);
}
function expBackward(out: Value, a: Value, g: number): void {
  a.grad += out.data * g;
}

// log: out = log a;  ∂out/∂a = 1/a
function logForward(a: number): number {
  return Math.log(a);
}
function logBackward(a: Value, g: number): void {
  a.grad += (1 / a.data) * g;
}

// abs: out = |a|;  ∂out/∂a = sign(a), 0 at 0 (as PyTorch)
function absForward(a: number): number {
  return Math.abs(a);
}
function absBackward(a: Value, g: number): void {
  a.grad += Math.sign(a.data) * g;
}

// softplus: out = log(1 + e^a) = max(a, 0) + log1p(e^−|a|) (no overflow, no lost tail);  ∂out/∂a = σ(a)
function softplusForward(a: number): number {
  return (a > 0 ? a : 0) + Math.log1p(Math.exp(-Math.abs(a)));
}
function softplusBackward(a: Value, g: number): void {
  a.grad += sigmoidForward(a.data) * g;
}

/**
 * The chain rule at one node: its op's backward step (above). `a` is `out._a`, read once by the sweep
 * (null only for a `sum`/`dot` without a start, which do not use it).
 */
export function chainRule(op: Op, out: Value, a: Value, g: number): void {
  // prettier-ignore
  switch (op) {
    case Op.mul: return mulBackward(out, a, g);
    case Op.add: return addBackward(out, a, g);
    case Op.relu: return reluBackward(out, a, g);
    case Op.sub: return subBackward(out, a, g);
    case Op.div: return divBackward(out, a, g);
    case Op.pow: return powBackward(out, a, g);
    case Op.neg: return negBackward(a, g);
    case Op.exp: return expBackward(out, a, g);
    case Op.log: return logBackward(a, g);
    case Op.tanh: return tanhBackward(out, a, g);
    case Op.sigmoid: return sigmoidBackward(out, a, g);
    case Op.leakyRelu: return leakyReluBackward(out, a, g);
    case Op.abs: return absBackward(a, g);
    case Op.softplus: return softplusBackward(a, g);
    case Op.sum: return sumBackward(out, g);
    case Op.dot: return dotBackward(out, g);
    case Op.leaf: return;
    default: {
      const unknown: never = op;
      throw new Error(`Value.backward: unknown op code ${String(unknown)}`);
    }
  }
}
