import { AnomalyError, isAnomalyEnabled, isGradEnabled } from "./grad-mode.js";

/**
 * The operation a {@link Value} came from (`"leaf"` for values you created yourself).
 *
 * @example
 * ```ts
 * const op: ValueOp = new Value(2).mul(3).op; // "mul"
 * ```
 */
export type ValueOp =
  | "leaf"
  | "add"
  | "sub"
  | "mul"
  | "div"
  | "pow"
  | "neg"
  | "relu"
  | "leakyRelu"
  | "tanh"
  | "sigmoid"
  | "exp"
  | "log"
  | "abs"
  | "softplus"
  | "sum"
  | "dot";

/**
 * @internal Op codes. `backward` dispatches on this small integer with one `switch` instead of keeping a
 * closure per node (a closure costs an allocation per node and an indirect call). Binary ops come first,
 * then unary ops, then the n-ary ones — the graph walk relies on that grouping.
 */
export const enum Op {
  Leaf,
  // binary: operands in `_a` and `_b`
  Add,
  Sub,
  Mul,
  Div,
  // unary: operand in `_a`; pow and leakyRelu keep their constant in `_b`, as a leaf
  Pow,
  Neg,
  Relu,
  LeakyRelu,
  Tanh,
  Sigmoid,
  Exp,
  Log,
  Abs,
  Softplus,
  // n-ary: start/bias (or null) in `_a`, the other operands as an array in `_b`
  Sum,
  Dot,
}

const OP_NAMES: readonly ValueOp[] = [
  "leaf",
  "add",
  "sub",
  "mul",
  "div",
  "pow",
  "neg",
  "relu",
  "leakyRelu",
  "tanh",
  "sigmoid",
  "exp",
  "log",
  "abs",
  "softplus",
  "sum",
  "dot",
];

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

function isDepthFirst(options: unknown): boolean {
  if (options === null || typeof options !== "object") {
    throw new TypeError(
      `Value.backward: expected options to be an object like { order: "depthFirst" }, got ${describe(options)}`,
    );
  }
  const order = (options as BackwardOptions).order;
  if (order === undefined || order === "creation") return false;
  if (order === "depthFirst") return true;
  throw new TypeError(
    `Value.backward: expected options.order to be "creation" or "depthFirst", got ${describe(order)}`,
  );
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

  // Graph structure (internal — read it through `op`, `parents` and `param`). Every field costs 8 bytes on
  // each of the millions of nodes a training run creates (and allocation is most of a training step), so
  // there are only six: labels live in a side table, the rare constants (pow's exponent, sum's terms)
  // share `_b` instead of having fields of their own, and the op code shares `_key` with the creation number.
  /** @internal First operand; start/bias of `sum`/`dot` (or null); null for leaves. */
  declare readonly _a: Value | null;
  /**
   * @internal Second operand of a binary op; the constant (a leaf) of `pow`/`leakyRelu`; the other
   * operands of `sum` (v0, v1, …) and `dot` (w0, x0, w1, x1, …); null otherwise.
   */
  declare readonly _b: Value | readonly Value[] | null;
  /**
   * @internal The op code and the creation number in one small integer, `id · 32 + op` (one field
   * instead of two: 8 bytes less on each of millions of nodes, 4–8% of the tutorial's training time,
   * measured). Each op node gets the next creation number, so operands always have smaller numbers than
   * the nodes made from them (PyTorch's "sequence number"). While a backward pass runs, a node it has
   * reached but not yet processed holds `~key` (negative: a mark that needs no field of its own). Leaves
   * hold `~Op.Leaf` = −1: to backward they look reached already, and there is nothing to do for them.
   * Read the op code through `_op`.
   */
  declare _key: number;
  /**
   * @internal The op node created just before this one in the current chain segment (see `backward`;
   * `CHAIN_START` for the segment's oldest); null for leaves and once the segment is cut.
   */
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
    op: Op = Op.Leaf,
    a: Value | null = null,
    b: Value | readonly Value[] | null = null,
  ) {
    if (typeof data !== "number" || typeof label !== "string") badLeaf(data, label);
    this.data = data;
    this.grad = 0;
    this._a = a;
    this._b = b;
    if (op === Op.Leaf) {
      this._key = LEAF;
      this._prev = null;
    } else {
      this._key = newKey(op);
      this._prev = chainUp(this);
    }
    if (label !== "") labels.set(this, label);
  }

  // ─── Binary ops. Python's micrograd turns a number operand into a constant leaf `Value(n)`; so do we. ───

  /** `this + other`. Local derivatives: ∂/∂this = 1, ∂/∂other = 1. @example `new Value(2).add(3).data // 5` */
  add(other: Value | number): Value {
    const o = operand(other, "add");
    return node(this.data + o.data, Op.Add, this, o);
  }

  /**
   * `this - other` (one node; Python's `a - b` builds `a + b * -1`, with the same value and gradients).
   * Local derivatives: ∂/∂this = 1, ∂/∂other = −1.
   *
   * @example
   * ```ts
   * new Value(2).sub(3).data; // -1
   * ```
   */
  sub(other: Value | number): Value {
    const o = operand(other, "sub");
    return node(this.data - o.data, Op.Sub, this, o);
  }

  /** `this · other`. Local derivatives: ∂/∂this = other, ∂/∂other = this. @example `new Value(2).mul(3).data // 6` */
  mul(other: Value | number): Value {
    const o = operand(other, "mul");
    return node(this.data * o.data, Op.Mul, this, o);
  }

  /**
   * `this / other`, a true IEEE division (`1 / 0 = Infinity`). Local derivatives: ∂/∂this = 1/other,
   * ∂/∂other = −this/other². Python's micrograd computes `a / b` as `a * b**-1`; to reproduce its last bits
   * write `a.mul(b.pow(-1))`.
   *
   * @example
   * ```ts
   * new Value(1).div(4).data; // 0.25
   * ```
   */
  div(other: Value | number): Value {
    const o = operand(other, "div");
    return node(this.data / o.data, Op.Div, this, o);
  }

  // ─── Unary ops ───

  /**
   * `this ** k` for a constant exponent. Local derivative: k · this^(k−1).
   *
   * @throws TypeError if `k` is not a number (a `Value` exponent: use `b.mul(a.log()).exp()`).
   * @throws RangeError if `k` is NaN or ±Infinity.
   * @example
   * ```ts
   * new Value(3).pow(2).data; // 9
   * ```
   */
  pow(k: number): Value {
    if (typeof k !== "number") {
      throw new TypeError(`Value.pow: expected k to be a number, got ${describe(k)}`);
    }
    if (!Number.isFinite(k)) throw new RangeError(`Value.pow: expected k to be finite, got ${k}`);
    return node(this.data ** k, Op.Pow, this, new Value(k));
  }

  /**
   * `-this` (one node; Python's `-a` builds `a * -1`, with the same value and gradient).
   * Local derivative: −1.
   *
   * @example
   * ```ts
   * new Value(2).neg().data; // -2
   * ```
   */
  neg(): Value {
    return node(-this.data, Op.Neg, this, null);
  }

  /**
   * `max(0, this)`, written `this < 0 ? 0 : this` as in micrograd (NaN stays NaN).
   * Local derivative: 1 where the output is > 0, else 0 (so relu'(0) = 0, as in PyTorch).
   *
   * @example
   * ```ts
   * new Value(-2).relu().data; // 0
   * ```
   */
  relu(): Value {
    const x = this.data;
    return node(x < 0 ? 0 : x, Op.Relu, this, null);
  }

  /**
   * `this > 0 ? this : alpha · this` (PyTorch's `leaky_relu`). Local derivative: 1 where this > 0, else alpha.
   *
   * @param alpha - the slope for non-positive inputs, default 0.01.
   * @throws RangeError if `alpha` is not a finite number.
   * @example
   * ```ts
   * new Value(-2).leakyRelu(0.1).data; // -0.2
   * ```
   */
  leakyRelu(alpha = 0.01): Value {
    if (typeof alpha !== "number" || !Number.isFinite(alpha)) {
      throw new RangeError(`Value.leakyRelu: expected alpha to be a finite number, got ${describe(alpha)}`);
    }
    const x = this.data;
    return node(x > 0 ? x : alpha * x, Op.LeakyRelu, this, new Value(alpha));
  }

  /** `tanh(this)`. Local derivative: 1 − t² = (1 − t)(1 + t). @example `new Value(0).tanh().data // 0` */
  tanh(): Value {
    return node(Math.tanh(this.data), Op.Tanh, this, null);
  }

  /**
   * `1 / (1 + e^−this)`, computed without overflow for any input. Local derivative: σ · (1 − σ).
   *
   * @example
   * ```ts
   * new Value(0).sigmoid().data; // 0.5
   * ```
   */
  sigmoid(): Value {
    return node(sigmoid(this.data), Op.Sigmoid, this, null);
  }

  /** `e^this`. Local derivative: e^this (the output itself). @example `new Value(0).exp().data // 1` */
  exp(): Value {
    return node(Math.exp(this.data), Op.Exp, this, null);
  }

  /**
   * Natural logarithm: `log(0) = -Infinity`, `log(-1) = NaN` (IEEE, like PyTorch; Python's `math.log` would
   * raise). Local derivative: 1/this.
   *
   * @example
   * ```ts
   * new Value(1).log().data; // 0
   * ```
   */
  log(): Value {
    return node(Math.log(this.data), Op.Log, this, null);
  }

  /** `|this|`. Local derivative: sign(this), 0 at 0 (as in PyTorch). @example `new Value(-2).abs().data // 2` */
  abs(): Value {
    return node(Math.abs(this.data), Op.Abs, this, null);
  }

  /**
   * `log(1 + e^this)`, computed as `max(this, 0) + log1p(e^−|this|)` so it neither overflows nor loses the
   * small tail. Local derivative: σ(this).
   *
   * @example
   * ```ts
   * new Value(0).softplus().data; // 0.6931471805599453 (log 2)
   * ```
   */
  softplus(): Value {
    const x = this.data;
    return node((x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x))), Op.Softplus, this, null);
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
   *   root down; no graph sort is needed (twice as fast as sorting).
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
    if (this._op === Op.Leaf) {
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
    const key = this._key;
    return (key ^ (key >> 31)) & OP_BITS; // key ^ (key >> 31) undoes a mark (~key) and leaves others
  }

  /** The op this value came from, e.g. `"mul"`; `"leaf"` for values you created. @example `new Value(1).op // "leaf"` */
  get op(): ValueOp {
    return OP_NAMES[this._op]!;
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
    return this._op === Op.Pow || this._op === Op.LeakyRelu ? (this._b as Value).data : undefined;
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

/** The constructor with its internal parameters (graph structure), for the ops in this file. */
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
function node(data: number, op: Op, a: Value | null, b: Value | readonly Value[] | null): Value {
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
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

// ─── n-ary nodes: the neuron's `sum(w·x, b)` in one node ───

/**
 * `start + values[0] + values[1] + …` as one node, summed left to right like Python's `sum(values, start)`
 * (so `sum(products, bias)` gives the tutorial's neuron value to the last bit). Numbers are allowed and
 * become constants. With no values, returns `start` itself (a `Value`) or a new constant.
 *
 * @param values - the terms, `Value`s or numbers.
 * @param start - the first term (default 0), e.g. the bias.
 * @throws TypeError if a term or `start` is neither a `Value` nor a number.
 * @example
 * ```ts
 * const b = new Value(0.5);
 * sum([new Value(1), new Value(2)], b).data; // 3.5
 * ```
 */
export function sum(values: Iterable<Value | number>, start?: Value | number): Value {
  const terms = operands(values, "sum", "values");
  const first = start === undefined ? null : operand(start, "sum", "start");
  if (terms.length === 0) return first ?? new Value(0);
  let acc = first === null ? 0 : first.data;
  for (let i = 0; i < terms.length; i++) acc += terms[i]!.data;
  return node(acc, Op.Sum, first, terms);
}

/**
 * `bias + ws[0]·xs[0] + ws[1]·xs[1] + …` as one node — a neuron's pre-activation without the 2n
 * intermediate nodes of `mul`/`add`. Accumulates left to right starting from the bias, exactly as the
 * tutorial's `sum((wi * xi for …), self.b)`, so values and gradients equal the add/mul chain bit for bit.
 *
 * @param ws - weights (`Value`s or numbers).
 * @param xs - inputs, same length as `ws`.
 * @param bias - the starting term, default 0.
 * @throws RangeError if `ws` and `xs` differ in length; TypeError for a non-Value, non-number element.
 * @example
 * ```ts
 * dot([new Value(2), new Value(3)], [new Value(4), new Value(5)], new Value(1)).data; // 24
 * ```
 */
export function dot(
  ws: Iterable<Value | number>,
  xs: Iterable<Value | number>,
  bias?: Value | number,
): Value {
  const w = operands(ws, "dot", "ws");
  const x = operands(xs, "dot", "xs");
  if (w.length !== x.length) {
    throw new RangeError(
      `dot: expected ws and xs to have the same length, got ${w.length} weights and ${x.length} inputs`,
    );
  }
  const first = bias === undefined ? null : operand(bias, "dot", "bias");
  if (w.length === 0) return first ?? new Value(0);
  const wx: Value[] = new Array<Value>(2 * w.length);
  let acc = first === null ? 0 : first.data;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i]!;
    const xi = x[i]!;
    acc += wi.data * xi.data;
    wx[2 * i] = wi;
    wx[2 * i + 1] = xi;
  }
  return node(acc, Op.Dot, first, wx);
}

// ─── Finding the graph: the creation chain ───
//
// Backward must visit each node after every node that uses it. Creation order already is such an order
// (an op's operands exist before the op), so every op node links to the op node created just before it
// (`_prev`), and backward walks that chain down from the root, processing the nodes it has reached and
// skipping the others — no sort, no stack, one pass. The chain is cut at the end of every backward and
// whenever a segment is full (`segmentNodes` op nodes); cutting unlinks the old part, so from then on a
// node keeps only its operands alive (as in micrograd) and a program that never calls backward holds at
// most one segment through the chain. A node is in the current segment exactly when its `_prev` is set
// (the oldest one points at CHAIN_START). A graph that is not all in the current segment is still
// differentiated alike: the nodes outside it are collected and sorted by creation number instead (same
// order, same bits, but ~40× slower per node), and segments are then made big enough for such a graph.

/** The low bits of `_key` that hold the op code (the 17 op codes fit in 5 bits; more than 32 would not). */
const OP_BITS = 31;
/** `_key` of every leaf: `~Op.Leaf` (marked, op code 0). */
const LEAF = ~Op.Leaf;
/**
 * @internal Creation numbers run from 0 to ID_LIMIT − 1 and then start over, so `id · 32 + op` stays a
 * small integer (below 2^30, V8's smallest "Smi" range; a larger one would cost a heap box per node).
 */
export const ID_LIMIT = 2 ** 25;
/** The creation number the next op node gets. */
let nextId = 0;

/**
 * @internal Set the next creation number (0 … ID_LIMIT − 1), so tests can cross the point where numbers
 * start over.
 */
export function setNextCreationNumber(id: number): void {
  nextId = id;
}

/** `_key` of a new op node: the next creation number (from 0 again after ID_LIMIT − 1) and the op code. */
function newKey(op: Op): number {
  const id = nextId;
  nextId = id === ID_LIMIT - 1 ? 0 : id + 1;
  return id * (OP_BITS + 1) + op;
}

/** What the oldest node of a segment links to: `_prev` is non-null exactly for nodes of the current segment. */
const CHAIN_START = new Value(0);

/**
 * The linked run of the chain: its newest op node (CHAIN_START while empty), how many it holds and how
 * many it may hold (`segmentNodes` when it was started).
 */
interface Segment {
  last: Value;
  size: number;
  readonly limit: number;
}

/** The smallest segment (16,384 op nodes): the tutorial's batch graph (~11,600 nodes) fits. */
const MIN_SEGMENT_NODES = 1 << 14;
/** The largest segment (~4 million op nodes, ~500 MB). */
const MAX_SEGMENT_NODES = 1 << 22;
/**
 * Op nodes per segment: bounds what the chain keeps alive between `backward()` calls, and so what the
 * young-generation collector has to copy when a program builds graphs it never differentiates (28 ns per
 * node of such forward passes with 131,072-node segments, 21 with 16,384, measured). It starts at
 * MIN_SEGMENT_NODES (~2 MB of nodes). A `backward()` whose graph did not fit in one segment raises it to
 * twice that graph's size (at most MAX_SEGMENT_NODES), so the next graph like it fits: the 2→64→64→3
 * network's batches (~144,000 nodes) otherwise each took the sorting path (five epochs: 14.6 s instead of
 * 5.7). When segments fill up twice with no `backward()` in between (forward passes only), each further
 * full segment halves it again, down to MIN_SEGMENT_NODES.
 */
let segmentNodes = MIN_SEGMENT_NODES;
/** Whether a segment filled up since the last `backward()`. */
let filledSinceBackward = false;

/** The segment new op nodes join. A fresh object at every cut (writes into a young object are cheapest). */
let chain: Segment = { last: CHAIN_START, size: 0, limit: segmentNodes };

/** Link a new op node into the chain; returns the op node created before it (or CHAIN_START). */
function chainUp(v: Value): Value {
  let c = chain;
  if (c.size === c.limit) c = segmentFull();
  const previous = c.last;
  c.last = v;
  c.size++;
  return previous;
}

/** Unlink the current segment and start a new one. */
function cutChain(): Segment {
  if (chain.last === CHAIN_START && chain.limit === segmentNodes) return chain;
  unlinkFrom(chain.last);
  chain = { last: CHAIN_START, size: 0, limit: segmentNodes };
  return chain;
}

/** The current segment is full: cut it, and shrink later ones if forward passes alone fill them (see `segmentNodes`). */
function segmentFull(): Segment {
  if (filledSinceBackward) segmentNodes = Math.max(MIN_SEGMENT_NODES, segmentNodes >> 1);
  filledSinceBackward = true;
  return cutChain();
}

/** A `backward()` ended: cut the chain there (so its graph can be collected once dropped). */
function endSweep(): void {
  cutChain();
  filledSinceBackward = false;
}

/** Make later segments hold a graph of `size` op nodes (see `segmentNodes`). */
function fitSegments(size: number): void {
  segmentNodes = Math.min(MAX_SEGMENT_NODES, Math.max(segmentNodes, 2 * size));
}

/** @internal How many op nodes a new segment may hold (for tests). */
export function segmentCapacity(): number {
  return segmentNodes;
}

/** Clear `_prev` from `v` down the chain, to where it is already clear. */
function unlinkFrom(v: Value | null): void {
  while (v !== null) {
    const previous = v._prev;
    v._prev = null;
    v = previous;
  }
}

// Marks: while a backward pass runs, an op node it has reached but not yet processed holds `~key`.
const isMarked = (v: Value): boolean => v._key < 0;
// A mark is `~key`, an integer op, so `_key` stays a small integer: a `-0` (once `-id - 1` of id 0) made
// V8 store the field as a boxed double, 16 more bytes per node and per mark.
const toggleMark = (v: Value): void => void (v._key = ~v._key);

/** Backward in creation order (the default): walk the current segment, then sort any older nodes reached. */
function backwardByCreation(root: Value): void {
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
  fitSegments(chain.size + older.length); // the graph's size, give or take nodes of the segment it did not reach
}

/**
 * Backward in micrograd's order: the reverse of a depth-first post-order, operands in operand order.
 * The graph is sorted into a list threaded through `_prev` (free once the chain is cut), then walked.
 */
function backwardDepthFirst(root: Value): void {
  cutChain(); // every `_prev` is null now: "not visited yet" for the sort
  const count = sortDepthFirst(root);
  root.grad = 1;
  propagate(root, null, [], count);
}

/** List markers for {@link sortDepthFirst}: a node whose operands are being visited; the end of the list. */
const ENTERED = new Value(0);
const END = new Value(0);

/**
 * Sort the op nodes `root` reaches into the reverse of micrograd's recursive `build_topo` (operands
 * visited in operand order): a list from `root` through `_prev`, each node before its operands, ending
 * at `END`. An explicit stack replaces recursion; each node is marked and its `grad` reset on its first
 * visit. Returns the number of nodes listed.
 */
function sortDepthFirst(root: Value): number {
  const end = END; // locals: module constants would be re-read on every iteration
  const entered = ENTERED;
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
      const b = op <= Op.Div ? (v._b as Value) : null;
      const rest = op >= Op.Sum ? (v._b as readonly Value[]) : null;
      const visitA = a !== null && a._key >= 0;
      const visitB = b !== null && b._key >= 0;
      if (!visitA && !visitB && rest === null) {
        v._prev = head; // nothing to wait for: v is done
        head = v;
        count++;
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
    } else if (u._key >= 0) {
      toggleMark(u); // an operand waiting for its first visit (unless another path got there first)
      u.grad = 0;
      v = u;
    }
  }
  return count;
}

/**
 * A walk reaches op node `p` for the first time: reset its `grad` and mark it. Returns 1 when `p` is in
 * the current segment (the walk will meet it further down the chain), else puts it in `older` and returns 0.
 */
function reach(p: Value, older: Value[]): number {
  p.grad = 0;
  toggleMark(p);
  if (p._prev !== null) return 1;
  older.push(p);
  return 0;
}

/**
 * The backward pass proper. Starting at `first` (marked), take nodes in order — down the `_prev` links
 * (the creation chain, or a sorted list) when `order` is null, else from the end of `order` — and for
 * each marked node: unmark it, mark its op-node operands (resetting their `grad` when first reached), and
 * apply the chain rule. `pending` counts marked nodes not processed yet; it ends at 0. Walking the
 * creation chain, operands outside the current segment (`_prev` null) go to `older` instead; a sorted list or
 * `order` has every node marked up front, so its operands are always marked already. The links walked
 * are cleared on the way.
 */
function propagate(first: Value, order: readonly Value[] | null, older: Value[], pending: number): void {
  const anomaly = isAnomalyEnabled();
  let i = order === null ? 0 : order.length - 1;
  let v = first;
  try {
    for (;;) {
      if (v._key < 0) {
        toggleMark(v);
        pending--;
        // reach v's op-node operands (leaves read as reached already)
        const op = v._op;
        const a = v._a as Value; // null only for a sum/dot without a start, checked where it matters
        if (v._a !== null && a._key >= 0) pending += reach(a, older);
        if (op <= Op.Div) {
          const b = v._b as Value;
          if (b._key >= 0) pending += reach(b, older);
        } else if (op >= Op.Sum) {
          const rest = v._b as readonly Value[];
          for (let k = 0; k < rest.length; k++) if (rest[k]!._key >= 0) pending += reach(rest[k]!, older);
        }

        // The chain rule, one case per op: operand.grad += (local derivative) · g
        const g = v.grad;
        switch (op) {
          case Op.Mul: {
            // out = a · b
            const b = v._b as Value;
            a.grad += b.data * g;
            b.grad += a.data * g;
            break;
          }
          case Op.Add: // out = a + b
            a.grad += g;
            (v._b as Value).grad += g;
            break;
          case Op.Relu: // out = max(0, a)
            a.grad += v.data > 0 ? g : 0;
            break;
          case Op.Sub: // out = a − b
            a.grad += g;
            (v._b as Value).grad -= g;
            break;
          case Op.Div: {
            // out = a / b  (derivatives written as PyTorch's div backward)
            const b = v._b as Value;
            a.grad += g / b.data;
            b.grad += (-g * a.data) / (b.data * b.data);
            break;
          }
          case Op.Pow: {
            // out = a^k  (k = 0 gives 0, not 0 · a^−1, which is NaN at a = 0 — as in PyTorch)
            const k = (v._b as Value).data;
            a.grad += k === 0 ? 0 : k * a.data ** (k - 1) * g;
            break;
          }
          case Op.Neg: // out = −a
            a.grad -= g;
            break;
          case Op.Exp: // out = e^a, d/da = e^a = out
            a.grad += v.data * g;
            break;
          case Op.Log: // out = log a
            a.grad += (1 / a.data) * g;
            break;
          case Op.Tanh: // out = tanh a, d/da = 1 − out² as (1 − out)(1 + out): no rounding of out², exact near ±1
            a.grad += (1 - v.data) * (1 + v.data) * g;
            break;
          case Op.Sigmoid: // out = σ(a)
            a.grad += v.data * (1 - v.data) * g;
            break;
          case Op.LeakyRelu: // out = a > 0 ? a : α · a
            a.grad += a.data > 0 ? g : (v._b as Value).data * g;
            break;
          case Op.Abs: // out = |a|
            a.grad += Math.sign(a.data) * g;
            break;
          case Op.Softplus: // out = log(1 + e^a)
            a.grad += sigmoid(a.data) * g;
            break;
          case Op.Sum: {
            // out = start + v0 + v1 + … ; every term gets g
            const terms = v._b as readonly Value[];
            for (let i = terms.length - 1; i >= 0; i--) terms[i]!.grad += g;
            if (v._a !== null) v._a.grad += g;
            break;
          }
          case Op.Dot: {
            // out = bias + w0·x0 + w1·x1 + … ; wi gets xi·g, xi gets wi·g. Same order as Python's add chain
            // `sum((w*x for …), b)`: the last product first, the bias just before the first product.
            const wx = v._b as readonly Value[];
            for (let i = wx.length - 2; i >= 0; i -= 2) {
              if (i === 0 && v._a !== null) v._a.grad += g;
              const w = wx[i]!;
              const x = wx[i + 1]!;
              w.grad += x.data * g;
              x.grad += w.data * g;
            }
            break;
          }
          case Op.Leaf:
            break;
          default: {
            const unknown: never = op;
            throw new Error(`Value.backward: unknown op code ${String(unknown)}`);
          }
        }
        if (anomaly) checkBackward(v);
        if (pending === 0) break;
      }
      if (order === null) {
        // down the chain, unlinking as we go (backward ends by cutting the chain anyway)
        const previous = v._prev!; // not null: some nodes further down are still marked
        v._prev = null;
        v = previous;
      } else {
        v = order[--i]!;
      }
    }
    if (order === null) unlinkFrom(v);
  } catch (error) {
    // anomaly mode threw: unmark what is still marked, so the graph stays usable
    if (order === null) {
      for (let u = v._prev; pending > 0 && u !== null; u = u._prev) {
        if (isMarked(u)) {
          toggleMark(u);
          pending--;
        }
      }
      unlinkFrom(v);
    } else {
      for (let j = i - 1; j >= 0; j--) toggleMark(order[j]!);
    }
    older.forEach(toggleMark);
    throw error;
  }
}

/** How many creations ago marked op node `v` was made (its number counted back from the newest). */
function age(v: Value): number {
  const id = Math.floor(~v._key / (OP_BITS + 1)); // v is marked: _key = ~(id · 32 + op)
  return (nextId - id + ID_LIMIT) % ID_LIMIT;
}

/** Positions in a sort key: `age · POSITIONS + position` stays an exact integer below 2^52. */
const POSITIONS = 2 ** 22;

/**
 * Sort marked op nodes oldest first (`propagate` takes them from the end): keys `age · 2^22 + position` in
 * a typed array, sorted natively without a comparator function. With the Map-free check below, this took
 * the sorting path from 1.4 to 0.9 µs per node (mostly garbage collection of the large live graph now).
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
      if (p._op !== Op.Leaf && age(p) <= vAge) ok = false;
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

/** Operands backward visits: `_a` (may be null for sum/dot), then `_b` of binary ops or sum/dot's terms. */
function operandCount(v: Value): number {
  const op = v._op;
  if (op === Op.Leaf) return 0;
  if (op <= Op.Div) return 2;
  if (op < Op.Sum) return 1;
  return 1 + (v._b as readonly Value[]).length;
}

function operandAt(v: Value, i: number): Value | null {
  if (i === 0) return v._a;
  return v._op <= Op.Div ? (v._b as Value) : (v._b as readonly Value[])[i - 1]!;
}

function forEachOperand(v: Value, f: (p: Value) => void): void {
  const n = operandCount(v);
  for (let i = 0; i < n; i++) {
    const p = operandAt(v, i);
    if (p !== null) f(p);
  }
}

/**
 * @internal The nodes reachable from `root`, leaves included, each after its operands (root last) — for
 * `topologicalOrder`: micrograd's `build_topo` (operands visited in operand order, a visited `Set`) with
 * an explicit stack instead of recursion.
 */
export function orderedNodes(root: Value): Value[] {
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

function parentsOf(v: Value): Value[] {
  const out: Value[] = [];
  forEachOperand(v, (p) => out.push(p));
  return out;
}

// ─── Operand checks (the throwing paths are out of line so the ops stay small enough to inline) ───

function operand(x: unknown, method: string, name = "other"): Value {
  if (x instanceof Value) return x;
  return constant(x, method, name);
}

function constant(x: unknown, method: string, name: string): Value {
  if (typeof x === "number") return new Value(x);
  const where = method === "sum" || method === "dot" ? method : `Value.${method}`;
  throw new TypeError(`${where}: expected ${name} to be a Value or a number, got ${describe(x)}`);
}

function operands(xs: Iterable<Value | number>, fn: string, name: string): Value[] {
  if (
    xs === null ||
    typeof xs !== "object" ||
    typeof (xs as Partial<Iterable<unknown>>)[Symbol.iterator] !== "function"
  ) {
    throw new TypeError(`${fn}: expected ${name} to be an array or iterable of Values, got ${describe(xs)}`);
  }
  // arrays (what neurons pass) are read by index: no iterator, no growing of `out`
  const items: ArrayLike<Value | number> = Array.isArray(xs) ? xs : [...xs];
  const out = new Array<Value>(items.length);
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (x instanceof Value) out[i] = x;
    else if (typeof x === "number") out[i] = new Value(x);
    else throw new TypeError(`${fn}: expected ${name}[${i}] to be a Value or a number, got ${describe(x)}`);
  }
  return out;
}

function badLeaf(data: unknown, label: unknown): never {
  if (typeof data !== "number") {
    throw new TypeError(`Value: expected data to be a number, got ${describe(data)}`);
  }
  throw new TypeError(`Value: expected label to be a string, got ${describe(label)}`);
}

/** Why two copies of this package meet, and the cure; `instanceof` fails across them. */
const ANOTHER_COPY =
  "its CommonJS and ESM builds, or two installed versions, are loaded together; load every @neurogebra " +
  "package the same way, all with import or all with require, from one install";

/** A short, readable description of a received value for error messages. */
function describe(x: unknown): string {
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (typeof x === "string") return `the string ${JSON.stringify(x.length > 40 ? x.slice(0, 40) + "…" : x)}`;
  if (typeof x === "number" || typeof x === "boolean" || typeof x === "bigint") {
    return `${typeof x} ${String(x)}`;
  }
  if (x instanceof Value) return x.toString();
  if (
    typeof (x as Partial<Value>).backward === "function" &&
    typeof (x as Partial<Value>).data === "number"
  ) {
    return `a Value from another copy of @neurogebra/autograd (${ANOTHER_COPY})`;
  }
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === "function") return "a function";
  return `an object (${Object.prototype.toString.call(x)})`;
}

// ─── Anomaly mode ───

/** Where each node was created, recorded only while anomaly mode is on (to name it in backward errors). */
const creationSites = new WeakMap<Value, string>();

function recordCreation(v: Value): void {
  const stack = new Error().stack ?? "";
  creationSites.set(v, stack.split("\n").slice(3).join("\n"));
}

function throwForwardAnomaly(
  data: number,
  op: Op,
  a: Value | null,
  b: Value | readonly Value[] | null,
): never {
  const inputs = [a, ...(Array.isArray(b) ? (b as readonly Value[]) : [b as Value | null])];
  const shown = inputs.filter((p): p is Value => p !== null).map((p) => String(p.data));
  throw new AnomalyError(OP_NAMES[op]!, String(data), shown, "forward");
}

/**
 * After v's chain-rule step in anomaly mode: the first non-finite gradient names v's op, its inputs and
 * where v was made. (The caller unmarks the rest of the graph before passing the error on.)
 */
function checkBackward(v: Value): void {
  const parents = parentsOf(v);
  for (const p of parents) {
    if (!Number.isFinite(p.grad)) {
      const site = creationSites.get(v);
      const error = new AnomalyError(
        v.op,
        `gradient ${p.grad}`,
        parents.map((q) => String(q.data)),
        "backward",
      );
      if (site !== undefined) error.message += `\nThe ${v.op} node was created at:\n${site}`;
      throw error;
    }
  }
}
