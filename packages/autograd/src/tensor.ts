/**
 * `Tensor`: an n-dimensional Float64 array that remembers how it was computed, so `backward()` can
 * apply the chain rule — micrograd's `Value`, one array at a time.
 *
 * Every op below is written the same way: compute the output buffer (forward), then hand
 * `Tensor.result` a backward step that turns the output's gradient `g` into the inputs' gradients.
 * Both halves sit side by side, so the local derivative of each op is readable in one screen.
 * Kernels shared by several ops live in `broadcast.ts`, `along-axis.ts`, `matmul.ts` and
 * `permute.ts`; buffers come from `arena.ts`.
 */
import {
  addColumnSums,
  argmaxAlong,
  logSumExpAlong,
  maxAlong,
  softmaxAlong,
  splitAt,
  sumAlong,
} from "./along-axis.js";
import { addReduced, broadcastSource, expandTo } from "./broadcast.js";
import { allocate, allocateGrad, recycle } from "./arena.js";
import { AnomalyError, isAnomalyEnabled, isGradEnabled } from "./grad-mode.js";
import { GEMM_PANEL, gemm } from "./kernels/matmul.js";
import { permutedSource } from "./permute.js";
import { SavedTensorModifiedError, Storage, type SavedSlot } from "./saved-tensor.js";
import {
  MAX_SIZE,
  broadcastShapes,
  checkShape,
  describe,
  formatShape,
  normalizeAxis,
  isShape,
  sameShape,
  shapeSize,
  tooLarge,
  type Shape,
} from "./shape.js";
import { requiresGradOption, type TensorOptions } from "./tensor-options.js";

/** Nested arrays of numbers, as `toArray()` returns them (a plain number for a 0-d tensor). */
export type NestedArray = number | NestedArray[];

/**
 * Class indices for `gather`, `indexSelect` and `crossEntropy`: integers, as `Int32Array` or `number[]`.
 * The op keeps its own copy for backward, so you may refill your array (a reused batch buffer) at once.
 *
 * @example
 * ```ts
 * const batch: Indices = Int32Array.from([3, 0, 7]);
 * ```
 */
export type Indices = Int32Array | readonly number[];

/** How `crossEntropy` combines the per-row losses. */
export type Reduction = "mean" | "sum" | "none";

/** An op's backward step: receives the gradient of the op's output (flat, row-major). */
type BackwardStep = (g: Float64Array) => void;

const NO_PARENTS: readonly Tensor[] = Object.freeze([]);
/** Marks construction by an op of this module (trusted data and shape; see the constructor). */
const INTERNAL: TensorOptions = Object.freeze({});
/** Like `INTERNAL`, for a number operand made into a 0-d tensor. */
const NUMBER_OPERAND: TensorOptions = Object.freeze({});
/** The seed gradient of a one-element root. */
const ONE = new Float64Array([1]);

/**
 * An n-dimensional array of float64 numbers in row-major order, with reverse-mode autodiff.
 *
 * `data` is the flat storage (mutable, e.g. for an optimizer), `shape` its dimensions (frozen). Results of ops
 * on tensors with `requiresGrad` remember their inputs; `backward()` fills the `grad` of the leaves they
 * came from (and of results that asked with `retainGrad()`). Gradients accumulate in leaves (like
 * PyTorch): call `zeroGrad()` between steps. Write to `data` before a forward pass or after
 * `backward()`: a leaf written in between makes `backward()` throw a {@link SavedTensorModifiedError}.
 *
 * @example
 * ```ts
 * const w = tensor([[1, 2], [-3, 1]], { requiresGrad: true });
 * const x = tensor([1, 1]);
 * const loss = w.matmul(x).relu().sum(); // relu([3, -2]) summed = 3
 * loss.backward();
 * w.grad?.toArray(); // [[1, 1], [0, 0]] (the second row was cut by relu)
 * ```
 */
export class Tensor {
  /** The flat row-major values (what `data` returns; ops read this, so only users move the version). */
  private readonly store: Float64Array;
  /** The sizes of the dimensions (what ops read; `shape` hands out a frozen copy). */
  private readonly dims: Shape;
  /** The frozen copy of `dims` that `shape` returns, made on first use. */
  private frozenShape: Shape | null = null;
  /** Whether `backward()` computes a gradient for this tensor. Set it on leaves (parameters). */
  requiresGrad: boolean;
  /**
   * d(root)/d(this) after `backward()`, same shape as this tensor; `null` before the first backward. Like
   * PyTorch, only leaves keep it — an op's result has `null` here unless it called `retainGrad()`.
   */
  grad: Tensor | null = null;

  private opName = "";
  private parents: readonly Tensor[] = NO_PARENTS;
  private backwardStep: BackwardStep | null = null;
  /** The `backward()` sweep that last visited this tensor (a per-sweep token; replaces a `Set`). */
  private visitedBy: object | null = null;
  private retainsGradFlag = false;
  /** A number operand made into a tensor by an op: no one else holds it, so no op saves it. */
  private numberOperand = false;
  /** The version of `store`, shared with views; made when an op saves this tensor or a view is taken. */
  private storage: Storage | null = null;
  /** The saves of up to two leaves whose data this op's backward step reads (see `saved-tensor.ts`). */
  private slotA: SavedSlot | null = null;
  private slotB: SavedSlot | null = null;

  /**
   * Wrap `data` (not copied) as a tensor of `shape`. Use the `tensor()` factory to copy nested arrays.
   *
   * @example
   * ```ts
   * const x = new Tensor(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]);
   * x.toArray(); // [[1, 2, 3], [4, 5, 6]]
   * ```
   */
  constructor(data: Float64Array, shape: Shape, options?: TensorOptions) {
    if (options === INTERNAL || options === NUMBER_OPERAND) {
      // An op's own result: data and shape were computed here, so skip the checks and the copy.
      this.store = data;
      this.dims = shape;
      this.requiresGrad = false;
      this.numberOperand = options === NUMBER_OPERAND;
      return;
    }
    const requiresGrad = requiresGradOption(options, "Tensor");
    if (!(data instanceof Float64Array)) {
      throw new TypeError(`Tensor: expected data to be a Float64Array, got ${describe(data)}`);
    }
    if (!isShape(shape) || shapeSize(shape) !== data.length) {
      const checked = checkShape(shape, "Tensor"); // throws for a malformed shape
      throw new RangeError(
        `Tensor: shape ${formatShape(checked)} holds ${shapeSize(checked)} elements but data has ${data.length}`,
      );
    }
    this.store = data;
    // `| 0` keeps every size a small integer for V8 even when it came from a typed array's length,
    // which optimized code may hold as a double: double sizes flowing into the matmul kernel made it
    // deoptimize and re-optimize with slower generic arithmetic.
    this.dims = Array.from(shape, (d) => d | 0);
    this.requiresGrad = requiresGrad;
  }

  // ───────────────────────────── basics ─────────────────────────────

  /**
   * Size of each dimension, outermost first; `[]` for a scalar. A frozen array: pushing to it or
   * assigning an entry throws, and the tensor's shape never changes.
   *
   * @example
   * ```ts
   * zeros([2, 3]).shape; // [2, 3]
   * ```
   */
  get shape(): Shape {
    return (this.frozenShape ??= Object.freeze(this.dims.slice()));
  }

  /**
   * The flat row-major values, mutable (optimizers write here). Shared, not copied, by `reshape` and
   * `detach`, like PyTorch views. Each access counts as a possible write for `backward()`: write before
   * a forward pass or after `backward()`, never in between (that throws a
   * {@link SavedTensorModifiedError} when an op saved this tensor; reading in between is fine).
   *
   * @example
   * ```ts
   * const w = tensor([1, 2], { requiresGrad: true });
   * w.data[0] = 5; // before the forward pass: fine
   * w.data; // Float64Array [5, 2]
   * ```
   */
  get data(): Float64Array {
    this.storage?.touch();
    return this.store;
  }

  /** Number of dimensions. @example `zeros([2, 3]).ndim // 2` */
  get ndim(): number {
    return this.dims.length;
  }

  /** Number of elements (NumPy's `size`). @example `zeros([2, 3]).size // 6` */
  get size(): number {
    return this.store.length;
  }

  /** Number of elements (PyTorch's `numel()`). @example `zeros([2, 3]).numel() // 6` */
  numel(): number {
    return this.store.length;
  }

  /** Name of the op that produced this tensor (`""` for a leaf or a result computed without a graph). */
  get op(): string {
    return this.opName;
  }

  /** Whether this tensor was created by the user rather than by an op that recorded a graph. */
  get isLeaf(): boolean {
    return this.backwardStep === null;
  }

  /**
   * Keep this result's gradient after `backward()` (PyTorch's `retain_grad()`); without it only leaves
   * keep theirs. No effect on a leaf, which always does. Returns this tensor; throws if it does not
   * require grad (there would be nothing to keep).
   *
   * @example
   * ```ts
   * const x = tensor([1, 2], { requiresGrad: true });
   * const y = x.mul(3).retainGrad();
   * y.sum().backward();
   * y.grad?.toArray(); // [1, 1]
   * ```
   */
  retainGrad(): this {
    if (!this.requiresGrad) {
      throw new Error(
        `retainGrad: this tensor of shape ${formatShape(this.dims)} does not require grad, so backward() ` +
          `computes no gradient for it`,
      );
    }
    if (!this.isLeaf) this.retainsGradFlag = true;
    return this;
  }

  /** Whether this op result keeps its gradient after `backward()` (PyTorch's `retains_grad`; false for leaves). */
  get retainsGrad(): boolean {
    return this.retainsGradFlag;
  }

  /** The single number of a one-element tensor. @example `tensor([[5]]).item() // 5` */
  item(): number {
    if (this.store.length !== 1) {
      throw new RangeError(
        `item: expected a tensor with exactly one element, got shape ${formatShape(this.dims)}`,
      );
    }
    return this.store[0]!;
  }

  /** The values as nested arrays (a number for a 0-d tensor). @example `arange(4).reshape([2, 2]).toArray() // [[0, 1], [2, 3]]` */
  toArray(): NestedArray {
    const build = (dim: number, offset: number, stride: number): NestedArray => {
      if (dim === this.dims.length) return this.store[offset]!;
      const n = this.dims[dim]!;
      const inner = stride / Math.max(n, 1);
      const out: NestedArray[] = [];
      for (let i = 0; i < n; i++) out.push(build(dim + 1, offset + i * inner, inner));
      return out;
    };
    return build(0, 0, this.store.length);
  }

  /** A short readable form, e.g. `tensor([[1, 2], [3, 4]], requiresGrad=true)`. */
  toString(): string {
    const body = this.size <= 1000 ? JSON.stringify(this.toArray()) : `<${this.size} values>`;
    const shape = this.size <= 1000 ? "" : `, shape=${formatShape(this.dims)}`;
    return `tensor(${body.replace(/,/g, ", ")}${shape}${this.requiresGrad ? ", requiresGrad=true" : ""})`;
  }

  /** The same values, cut from the graph (shares `data`, no gradient). @example `w.detach().requiresGrad // false` */
  detach(): Tensor {
    const out = new Tensor(this.store, this.dims, INTERNAL);
    out.storage = this.storageOf();
    return out;
  }

  /** Set every entry of `grad` to 0 (keeps the buffer). @example `w.zeroGrad(); w.grad?.toArray() // zeros` */
  zeroGrad(): void {
    this.grad?.store.fill(0);
  }

  // ───────────────────────────── graph ─────────────────────────────

  /**
   * Reverse-mode sweep from this tensor: fills `grad` of every tensor with `requiresGrad` it depends on.
   * A one-element tensor is seeded with 1; any other needs `gradient` of its own shape (d root / d this).
   * Leaves accumulate (`+=`) across calls. Intermediate results use a gradient during the sweep and drop
   * it afterwards, as PyTorch does (their buffers serve the next sweep); one that called `retainGrad()`
   * keeps it, recomputed from zero on every call.
   * The topological order is built iteratively, so very deep graphs do not overflow the stack.
   * Inside `noGrad` results have no graph and `backward()` on them does nothing.
   *
   * @example
   * ```ts
   * const x = tensor([1, 2, 3], { requiresGrad: true });
   * x.mul(x).sum().backward();
   * x.grad?.toArray(); // [2, 4, 6]
   * ```
   */
  backward(gradient?: Tensor): void {
    let seed: Float64Array;
    if (gradient === undefined) {
      if (this.size !== 1) {
        throw new RangeError(
          `backward: a tensor of shape ${formatShape(this.dims)} is not a scalar; pass a seed gradient ` +
            `of the same shape, e.g. y.backward(ones(${JSON.stringify(this.dims)}))`,
        );
      }
      seed = ONE;
    } else {
      if (!(gradient instanceof Tensor)) {
        throw new TypeError(`backward: expected gradient to be a Tensor, got ${describe(gradient)}`);
      }
      if (!sameShape(gradient.dims, this.dims)) {
        throw new RangeError(
          `backward: gradient shape ${formatShape(gradient.dims)} differs from the tensor's shape ` +
            formatShape(this.dims),
        );
      }
      seed = gradient.store;
    }
    if (!this.requiresGrad) return;

    const order = Tensor.topologicalOrder(this);
    // Every saved leaf still as the forward pass saw it? Checked before anything is written; then the
    // saves are released, so the optimizer's access to `data` after this sweep costs nothing.
    for (let i = 0; i < order.length; i++) {
      const node = order[i]!;
      if (node.slotA !== null) node.checkSaved(node.slotA);
      if (node.slotB !== null) node.checkSaved(node.slotB);
    }
    for (let i = 0; i < order.length; i++) {
      const node = order[i]!;
      if (node.slotA !== null) node.slotA.released = true;
      if (node.slotB !== null) node.slotB.released = true;
    }
    // Intermediate results start from zero (a gradient left by an interrupted sweep is dropped, not reused)
    for (let i = 0; i < order.length; i++) {
      const node = order[i]!;
      if (node.isLeaf) continue;
      if (node.retainsGradFlag) node.grad?.store.fill(0);
      else node.grad = null;
    }
    addReduced(this.gradData(), this.dims, seed, this.dims);

    const anomaly = isAnomalyEnabled();
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i]!;
      if (node.backwardStep === null || node.grad === null) continue;
      node.backwardStep(node.grad.store);
      if (anomaly) node.checkInputGradients();
      // Used up: like PyTorch, an intermediate keeps its gradient only after `retainGrad()`; the buffer
      // serves a later sweep (it was created in this one, so nothing outside holds it).
      if (!node.retainsGradFlag) {
        recycle(node.grad.store);
        node.grad = null;
      }
    }
  }

  /**
   * Tensors reachable from `root` through inputs that require grad, each after all its inputs.
   * Iterative depth-first search: a node is pushed twice, first to expand it (push its inputs), then,
   * below its inputs, as "done" — so it is emitted only after everything it depends on. Visited nodes
   * are marked with a token unique to this sweep, which is cheaper than a `Set` of a few nodes.
   */
  private static topologicalOrder(root: Tensor): Tensor[] {
    const sweep = {};
    const order: Tensor[] = [];
    const stack: Tensor[] = [root];
    const done: boolean[] = [false];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (done.pop()!) {
        order.push(node);
        continue;
      }
      if (node.visitedBy === sweep) continue;
      node.visitedBy = sweep;
      stack.push(node);
      done.push(true);
      const parents = node.parents;
      for (let i = 0; i < parents.length; i++) {
        const p = parents[i]!;
        if (p.requiresGrad && p.visitedBy !== sweep) {
          stack.push(p);
          done.push(false);
        }
      }
    }
    return order;
  }

  /** The parents this tensor was computed from (empty for leaves). */
  get inputs(): readonly Tensor[] {
    return this.parents;
  }

  /**
   * Build an op's result: record `parents` and the backward step when a graph is wanted (grad mode on
   * and some parent requires grad); in anomaly mode, throw if the forward produced NaN/±Infinity.
   */
  private static result(
    op: string,
    shape: Shape,
    data: Float64Array,
    parents: readonly Tensor[],
    backwardStep: BackwardStep,
  ): Tensor {
    if (isAnomalyEnabled()) checkFinite(op, data, shape, parents, "forward", "result");
    const out = new Tensor(data, shape, INTERNAL);
    if (!isGradEnabled()) return out;
    for (let i = 0; i < parents.length; i++) {
      if (parents[i]!.requiresGrad) {
        out.requiresGrad = true;
        out.opName = op;
        out.parents = parents;
        out.backwardStep = backwardStep;
        break;
      }
    }
    return out;
  }

  /**
   * Declare the tensors whose data this result's backward step reads (PyTorch's `save_for_backward`), so
   * `backward()` can tell if they were written after the forward pass. Returns this result.
   */
  private saving(a: Tensor, b?: Tensor): Tensor {
    if (this.backwardStep !== null) {
      this.save(a);
      if (b !== undefined) this.save(b);
    }
    return this;
  }

  /**
   * Save `t` if it is a leaf or a view of one (op results are not tracked: like PyTorch's `.data`,
   * writes to them are the caller's business; number operands cannot be written): record its storage's
   * version, see `saved-tensor.ts`.
   */
  private save(t: Tensor): void {
    if (t.numberOperand || !(t.isLeaf || (t.storage !== null && t.storage.owner.isLeaf))) return;
    const slot = t.storageOf().save();
    if (this.slotA === null) this.slotA = slot;
    else if (slot !== this.slotA) this.slotB = slot;
  }

  /** Throw a `SavedTensorModifiedError` if a saved leaf's data may differ from the forward pass's. */
  private checkSaved(slot: SavedSlot): void {
    const reason = slot.storage.check(slot);
    if (reason === null) return;
    const t = slot.storage.owner;
    const at = this.parents.findIndex((p) => p.storage === slot.storage);
    const role =
      at === -1
        ? "the condition"
        : `input ${at + 1} of ${this.parents.length}${this.parents[at] === t ? "" : ", through a view,"}`;
    throw new SavedTensorModifiedError(this.opName, t, role, reason);
  }

  /** The version of `store`, made on first use (views share it; its owner is this tensor). */
  private storageOf(): Storage {
    return (this.storage ??= new Storage(this.store, this));
  }

  /** Both operands of a binary op, expanded to their broadcast shape. */
  private static pair(op: string, a: Tensor, b: Tensor): { shape: Shape; x: Float64Array; y: Float64Array } {
    const shape = broadcastShapes(a.dims, b.dims, op);
    return { shape, x: expandTo(a.store, a.dims, shape), y: expandTo(b.store, b.dims, shape) };
  }

  /** A 0/1 tensor from an elementwise comparison; comparisons have no gradient. */
  private compare(other: Tensor | number, op: string, test: (x: number, y: number) => boolean): Tensor {
    const b = operand(other, op);
    const { shape, x, y } = Tensor.pair(op, this, b);
    const out = allocate(x.length);
    for (let i = 0; i < out.length; i++) out[i] = test(x[i]!, y[i]!) ? 1 : 0;
    return new Tensor(out, shape, INTERNAL);
  }

  /** This tensor's gradient buffer, created as zeros on first use. */
  private gradData(): Float64Array {
    if (this.grad === null) this.grad = new Tensor(allocateGrad(this.store.length), this.dims, INTERNAL);
    return this.grad.store;
  }

  /** Add `g` (of shape `from`, possibly this shape broadcast) into this gradient, if one is wanted. */
  private addGrad(g: Float64Array, from: Shape): void {
    if (this.requiresGrad) addReduced(this.gradData(), this.dims, g, from);
  }

  /** Anomaly mode, backward phase: the inputs' gradients must still be finite after this op's step. */
  private checkInputGradients(): void {
    for (const p of this.parents) {
      if (p.grad !== null)
        checkFinite(this.opName, p.grad.store, p.dims, this.parents, "backward", "gradient");
    }
  }

  // ─────────────────── elementwise, two operands (NumPy broadcasting) ───────────────────

  /**
   * `this + other`, broadcasting. Backward: ∂/∂a = 1, ∂/∂b = 1 (summed over broadcast copies).
   *
   * @example
   * ```ts
   * tensor([[1, 2], [3, 4]]).add(tensor([10, 20])).toArray(); // [[11, 22], [13, 24]]
   * ```
   */
  add(other: Tensor | number): Tensor {
    const b = operand(other, "add");
    const { shape, x, y } = Tensor.pair("add", this, b);
    const out = allocate(x.length);
    for (let i = 0; i < out.length; i++) out[i] = x[i]! + y[i]!;
    return Tensor.result("add", shape, out, [this, b], (g) => {
      this.addGrad(g, shape);
      b.addGrad(g, shape);
    });
  }

  /** `this - other`, broadcasting. Backward: ∂/∂a = 1, ∂/∂b = −1. @example `tensor([5]).sub(2).item() // 3` */
  sub(other: Tensor | number): Tensor {
    const b = operand(other, "sub");
    const { shape, x, y } = Tensor.pair("sub", this, b);
    const out = allocate(x.length);
    for (let i = 0; i < out.length; i++) out[i] = x[i]! - y[i]!;
    return Tensor.result("sub", shape, out, [this, b], (g) => {
      this.addGrad(g, shape);
      if (b.requiresGrad) b.addGrad(scaled(g, -1), shape);
    });
  }

  /** `this * other` elementwise, broadcasting. Backward: ∂/∂a = b, ∂/∂b = a. @example `tensor([2, 3]).mul(4).toArray() // [8, 12]` */
  mul(other: Tensor | number): Tensor {
    const b = operand(other, "mul");
    const { shape, x, y } = Tensor.pair("mul", this, b);
    const out = allocate(x.length);
    for (let i = 0; i < out.length; i++) out[i] = x[i]! * y[i]!;
    return Tensor.result("mul", shape, out, [this, b], (g) => {
      if (this.requiresGrad) this.addGrad(product(g, y), shape);
      if (b.requiresGrad) b.addGrad(product(g, x), shape);
    }).saving(this, b);
  }

  /** `this / other`, broadcasting. Backward: ∂/∂a = 1/b, ∂/∂b = −a/b². @example `tensor([3]).div(2).item() // 1.5` */
  div(other: Tensor | number): Tensor {
    const b = operand(other, "div");
    const { shape, x, y } = Tensor.pair("div", this, b);
    const out = allocate(x.length);
    for (let i = 0; i < out.length; i++) out[i] = x[i]! / y[i]!;
    return Tensor.result("div", shape, out, [this, b], (g) => {
      if (this.requiresGrad) {
        const da = allocate(g.length);
        for (let i = 0; i < g.length; i++) da[i] = g[i]! / y[i]!;
        this.addGrad(da, shape);
      }
      if (b.requiresGrad) {
        const db = allocate(g.length);
        for (let i = 0; i < g.length; i++) db[i] = (-g[i]! * out[i]!) / y[i]!; // −a/b² = −(a/b)/b
        b.addGrad(db, shape);
      }
    }).saving(b);
  }

  /**
   * `this ** exponent`, broadcasting. Backward: ∂/∂a = k·a^(k−1) (0 where k = 0),
   * ∂/∂k = a^k·ln a (0 where a = 0 and k ≥ 0, as PyTorch).
   *
   * @example
   * ```ts
   * tensor([2, 3]).pow(2).toArray(); // [4, 9]
   * ```
   */
  pow(exponent: Tensor | number): Tensor {
    const k = operand(exponent, "pow", "exponent");
    const { shape, x, y } = Tensor.pair("pow", this, k);
    const out = allocate(x.length);
    for (let i = 0; i < out.length; i++) out[i] = Math.pow(x[i]!, y[i]!);
    return Tensor.result("pow", shape, out, [this, k], (g) => {
      if (this.requiresGrad) {
        const da = allocate(g.length);
        for (let i = 0; i < g.length; i++) {
          da[i] = y[i] === 0 ? 0 : g[i]! * y[i]! * Math.pow(x[i]!, y[i]! - 1);
        }
        this.addGrad(da, shape);
      }
      if (k.requiresGrad) {
        const dk = allocate(g.length);
        for (let i = 0; i < g.length; i++) {
          dk[i] = x[i] === 0 && y[i]! >= 0 ? 0 : g[i]! * out[i]! * Math.log(x[i]!);
        }
        k.addGrad(dk, shape);
      }
    }).saving(this, k);
  }

  /**
   * Elementwise maximum (NaN if either is NaN), broadcasting. Backward: the gradient goes to the larger
   * input, split in half on ties (as PyTorch).
   *
   * @example
   * ```ts
   * tensor([1, 5]).maximum(tensor([3, 2])).toArray(); // [3, 5]
   * ```
   */
  maximum(other: Tensor | number): Tensor {
    return this.extremum(other, "maximum", true);
  }

  /** Elementwise minimum, broadcasting; gradient like `maximum`. @example `tensor([1, 5]).minimum(3).toArray() // [1, 3]` */
  minimum(other: Tensor | number): Tensor {
    return this.extremum(other, "minimum", false);
  }

  /** `maximum` (`larger` = true) or `minimum`, with PyTorch's tie rule in the backward step. */
  private extremum(other: Tensor | number, op: string, larger: boolean): Tensor {
    const b = operand(other, op);
    const { shape, x, y } = Tensor.pair(op, this, b);
    const out = allocate(x.length);
    for (let i = 0; i < out.length; i++) {
      const a = x[i]!;
      const c = y[i]!;
      out[i] = Number.isNaN(a) || Number.isNaN(c) ? NaN : (larger ? a >= c : a <= c) ? a : c;
    }
    return Tensor.result(op, shape, out, [this, b], (g) => {
      // share[i]: the part of g[i] that goes to `this` (1, ½ on a tie, or 0); the rest goes to `other`.
      const share = allocate(g.length);
      for (let i = 0; i < g.length; i++) {
        const a = x[i]!;
        const c = y[i]!;
        share[i] = a === c ? 0.5 : (larger ? a > c : a < c) ? 1 : 0;
      }
      if (this.requiresGrad) this.addGrad(product(g, share), shape);
      if (b.requiresGrad) {
        const db = allocate(g.length);
        for (let i = 0; i < g.length; i++) db[i] = g[i]! * (1 - share[i]!);
        b.addGrad(db, shape);
      }
    }).saving(this, b);
  }

  /**
   * `this` where `condition` is non-zero, else `other` (PyTorch's `x.where(cond, y)`), broadcasting all
   * three. Backward: the gradient flows to whichever input was picked; `condition` gets none.
   *
   * @example
   * ```ts
   * tensor([1, 2, 3]).where(tensor([1, 0, 1]), 0).toArray(); // [1, 0, 3]
   * ```
   */
  where(condition: Tensor, other: Tensor | number): Tensor {
    if (!(condition instanceof Tensor)) {
      throw new TypeError(`where: expected condition to be a Tensor, got ${describe(condition)}`);
    }
    const b = operand(other, "where");
    const shape = broadcastShapes(broadcastShapes(condition.dims, this.dims, "where"), b.dims, "where");
    const c = expandTo(condition.store, condition.dims, shape);
    const x = expandTo(this.store, this.dims, shape);
    const y = expandTo(b.store, b.dims, shape);
    const out = allocate(c.length);
    for (let i = 0; i < out.length; i++) out[i] = c[i] !== 0 ? x[i]! : y[i]!;
    return Tensor.result("where", shape, out, [this, b], (g) => {
      const da = allocate(g.length);
      const db = allocate(g.length);
      for (let i = 0; i < g.length; i++) {
        if (c[i] !== 0) da[i] = g[i]!;
        else db[i] = g[i]!;
      }
      this.addGrad(da, shape);
      b.addGrad(db, shape);
    }).saving(condition);
  }

  /** 1 where `this > other`, else 0 (no gradient). @example `tensor([1, 5]).gt(3).toArray() // [0, 1]` */
  gt(other: Tensor | number): Tensor {
    return this.compare(other, "gt", (a, b) => a > b);
  }

  /** 1 where `this < other`, else 0 (no gradient). @example `tensor([1, 5]).lt(3).toArray() // [1, 0]` */
  lt(other: Tensor | number): Tensor {
    return this.compare(other, "lt", (a, b) => a < b);
  }

  /** 1 where `this >= other`, else 0 (no gradient). @example `tensor([1, 3]).ge(3).toArray() // [0, 1]` */
  ge(other: Tensor | number): Tensor {
    return this.compare(other, "ge", (a, b) => a >= b);
  }

  /** 1 where `this <= other`, else 0 (no gradient). @example `tensor([1, 3]).le(1).toArray() // [1, 0]` */
  le(other: Tensor | number): Tensor {
    return this.compare(other, "le", (a, b) => a <= b);
  }

  /** 1 where `this == other`, else 0 (no gradient). @example `tensor([1, 3]).eq(3).toArray() // [0, 1]` */
  eq(other: Tensor | number): Tensor {
    return this.compare(other, "eq", (a, b) => a === b);
  }

  // ───────────────────────────── elementwise, one operand ─────────────────────────────

  /** `−x`. Backward: −g. @example `tensor([1, -2]).neg().toArray() // [-1, 2]` */
  neg(): Tensor {
    const x = this.store;
    const out = allocate(x.length);
    for (let i = 0; i < x.length; i++) out[i] = -x[i]!;
    return Tensor.result("neg", this.dims, out, [this], (g) => {
      const dx = this.gradData();
      for (let i = 0; i < g.length; i++) dx[i]! -= g[i]!;
    });
  }

  /** `eˣ`. Backward: g·eˣ (the output itself). @example `tensor([0]).exp().item() // 1` */
  exp(): Tensor {
    const x = this.store;
    const out = allocate(x.length);
    for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]!);
    return Tensor.result("exp", this.dims, out, [this], (g) => {
      const dx = this.gradData();
      for (let i = 0; i < g.length; i++) dx[i]! += g[i]! * out[i]!;
    });
  }

  /** Natural log (`log(0) = −∞`, `log(−1) = NaN`, as IEEE-754). Backward: g/x. @example `tensor([1]).log().item() // 0` */
  log(): Tensor {
    const x = this.store;
    const out = allocate(x.length);
    for (let i = 0; i < x.length; i++) out[i] = Math.log(x[i]!);
    return Tensor.result("log", this.dims, out, [this], (g) => {
      const dx = this.gradData();
      for (let i = 0; i < g.length; i++) dx[i]! += g[i]! / x[i]!;
    }).saving(this);
  }

  /** `√x`. Backward: g / (2√x). @example `tensor([9]).sqrt().item() // 3` */
  sqrt(): Tensor {
    const x = this.store;
    const out = allocate(x.length);
    for (let i = 0; i < x.length; i++) out[i] = Math.sqrt(x[i]!);
    return Tensor.result("sqrt", this.dims, out, [this], (g) => {
      const dx = this.gradData();
      for (let i = 0; i < g.length; i++) dx[i]! += g[i]! / (2 * out[i]!);
    });
  }

  /** `|x|`. Backward: g·sign(x), with sign(0) = 0 (as PyTorch). @example `tensor([-2, 3]).abs().toArray() // [2, 3]` */
  abs(): Tensor {
    const x = this.store;
    const out = allocate(x.length);
    for (let i = 0; i < x.length; i++) out[i] = Math.abs(x[i]!);
    return Tensor.result("abs", this.dims, out, [this], (g) => {
      const dx = this.gradData();
      for (let i = 0; i < g.length; i++) dx[i]! += g[i]! * Math.sign(x[i]!);
    }).saving(this);
  }

  /**
   * `max(0, x)` (NaN stays NaN). Backward: g where x > 0, else 0 (so relu'(0) = 0), selected as
   * PyTorch's `threshold_backward` does, so a NaN or ±∞ gradient does not leak into dead units.
   *
   * The forward loop avoids an `if` on the sign: activations' signs are random, so a branch is
   * mispredicted half the time (4× slower here). It uses max(0, x) = (x + |x|) / 2, exact for every x
   * except x > 8.98e307 (x + |x| overflows to ∞) and x = −∞ (−∞ + ∞ is NaN). Both leave a non-finite
   * value in the output, so running sums of the outputs tell in one check whether to redo the pass with
   * a guard per element (1.4× slower; taken only for such inputs, NaN or a sum above 1.8e308). The
   * backward select measured no slower than multiplying by a 0/1 mask (422 vs 473 ns per 256 entries).
   *
   * @example
   * ```ts
   * tensor([-1, 2]).relu().toArray(); // [0, 2]
   * ```
   */
  relu(): Tensor {
    const x = this.store;
    const n = x.length;
    const out = allocate(n);
    // Two running sums (even and odd entries): with one, every addition waited for the previous one and
    // the pass took 1.35× as long (365 vs 270 ns on 256 entries, measured).
    let even = 0;
    let odd = 0;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const v = x[i]!;
      const w = x[i + 1]!;
      const r = 0.5 * (v + Math.abs(v));
      const q = 0.5 * (w + Math.abs(w));
      out[i] = r;
      out[i + 1] = q;
      even += r;
      odd += q;
    }
    if (i < n) {
      const v = x[i]!;
      out[i] = 0.5 * (v + Math.abs(v));
      even += out[i]!;
    }
    if (!Number.isFinite(even + odd)) {
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = Math.abs(v) < 8e307 ? 0.5 * (v + Math.abs(v)) : v < 0 ? 0 : v;
      }
    }
    return Tensor.result("relu", this.dims, out, [this], (g) => {
      const x = this.store;
      const dx = this.gradData();
      // dx += (x > 0 ? g : 0), PyTorch's threshold_backward: a dead unit passes 0 even when g is NaN or
      // ±∞. As a branch that select cost 1.7 µs per 256 entries of random sign (mispredictions); as
      // g·(x > 0) it costs 0.3 µs, but NaN·0 is NaN. So, four entries at a time: multiply when their g
      // are all finite (then so is their sum), select otherwise.
      const n = g.length;
      let i = 0;
      for (; i + 3 < n; i += 4) {
        const g0 = g[i]!;
        const g1 = g[i + 1]!;
        const g2 = g[i + 2]!;
        const g3 = g[i + 3]!;
        const sum = g0 + g1 + g2 + g3;
        if (sum - sum === 0) {
          dx[i]! += g0 * +(x[i]! > 0);
          dx[i + 1]! += g1 * +(x[i + 1]! > 0);
          dx[i + 2]! += g2 * +(x[i + 2]! > 0);
          dx[i + 3]! += g3 * +(x[i + 3]! > 0);
        } else {
          for (let j = i; j < i + 4; j++) dx[j]! += x[j]! > 0 ? g[j]! : 0;
        }
      }
      for (; i < n; i++) dx[i]! += x[i]! > 0 ? g[i]! : 0;
    }).saving(this);
  }

  /** `x` if x > 0 else `alpha·x`. Backward: g or alpha·g. @example `tensor([-2, 2]).leakyRelu(0.1).toArray() // [-0.2, 2]` */
  leakyRelu(alpha = 0.01): Tensor {
    if (typeof alpha !== "number" || !Number.isFinite(alpha)) {
      throw new TypeError(`leakyRelu: expected alpha to be a finite number, got ${describe(alpha)}`);
    }
    const x = this.store;
    const out = allocate(x.length);
    for (let i = 0; i < x.length; i++) out[i] = x[i]! > 0 ? x[i]! : alpha * x[i]!;
    return Tensor.result("leakyRelu", this.dims, out, [this], (g) => {
      const dx = this.gradData();
      for (let i = 0; i < g.length; i++) dx[i]! += x[i]! > 0 ? g[i]! : alpha * g[i]!;
    }).saving(this);
  }

  /**
   * `tanh x`. Backward: g·(1 − t)(1 + t) with t = tanh x — 1 − t² without the rounding of t·t, which
   * near saturation (1 − t ≈ 1e-9) is a millionth of the result.
   *
   * @example
   * ```ts
   * tensor([0]).tanh().item(); // 0
   * ```
   */
  tanh(): Tensor {
    const x = this.store;
    const out = allocate(x.length);
    for (let i = 0; i < x.length; i++) out[i] = Math.tanh(x[i]!);
    return Tensor.result("tanh", this.dims, out, [this], (g) => {
      const dx = this.gradData();
      for (let i = 0; i < g.length; i++) dx[i]! += g[i]! * ((1 - out[i]!) * (1 + out[i]!));
    });
  }

  /**
   * `1 / (1 + e⁻ˣ)`, computed without overflow for large |x|. Backward: g·σ(x)·(1 − σ(x)).
   *
   * @example
   * ```ts
   * tensor([0]).sigmoid().item(); // 0.5
   * ```
   */
  sigmoid(): Tensor {
    const x = this.store;
    const out = allocate(x.length);
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (v >= 0) {
        out[i] = 1 / (1 + Math.exp(-v));
      } else {
        const e = Math.exp(v);
        out[i] = e / (1 + e);
      }
    }
    return Tensor.result("sigmoid", this.dims, out, [this], (g) => {
      const dx = this.gradData();
      for (let i = 0; i < g.length; i++) dx[i]! += g[i]! * out[i]! * (1 - out[i]!);
    });
  }

  /** `log(1 + eˣ)`, stable for large |x|. Backward: g·σ(x). @example `tensor([0]).softplus().item() // Math.LN2` */
  softplus(): Tensor {
    const x = this.store;
    const out = allocate(x.length);
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      out[i] = Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
    }
    return Tensor.result("softplus", this.dims, out, [this], (g) => {
      const dx = this.gradData();
      for (let i = 0; i < g.length; i++) {
        const v = x[i]!;
        const s = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
        dx[i]! += g[i]! * s;
      }
    }).saving(this);
  }

  // ───────────────────────────── shape ─────────────────────────────

  /**
   * The same data with a new shape (one entry may be −1: inferred). Shares `data`. Backward: g reshaped.
   *
   * @example
   * ```ts
   * arange(6).reshape([2, -1]).shape; // [2, 3]
   * ```
   */
  reshape(shape: readonly number[]): Tensor {
    const dims: unknown = shape;
    if (!Array.isArray(dims)) {
      throw new TypeError(`reshape: expected shape to be an array of integers, got ${describe(shape)}`);
    }
    const inferred = shape.indexOf(-1);
    let target = shape;
    if (inferred !== -1 && shape.lastIndexOf(-1) === inferred) {
      const known = shapeSize(shape.filter((_, i) => i !== inferred));
      if (known === 0 || this.size % known !== 0) {
        throw new RangeError(
          `reshape: cannot infer −1 in [${shape.join(", ")}] for ${this.size} elements of shape ${formatShape(this.dims)}`,
        );
      }
      target = shape.map((d, i) => (i === inferred ? this.size / known : d));
    }
    const checked = checkShape(target, "reshape");
    if (shapeSize(checked) !== this.size) {
      throw new RangeError(
        `reshape: cannot view shape ${formatShape(this.dims)} (${this.size} elements) as ` +
          `${formatShape(checked)} (${shapeSize(checked)} elements)`,
      );
    }
    const out = Tensor.result("reshape", checked, this.store, [this], (g) => {
      this.addGrad(g, this.dims);
    });
    out.storage = this.storageOf();
    return out;
  }

  /** Collapse to 1-D. @example `zeros([2, 3]).flatten().shape // [6]` */
  flatten(): Tensor {
    return this.reshape([this.size]);
  }

  /** Insert a dimension of size 1 at `axis`. @example `zeros([3]).unsqueeze(0).shape // [1, 3]` */
  unsqueeze(axis: number): Tensor {
    const at = normalizeAxis(axis, this.ndim + 1, "unsqueeze");
    const shape = [...this.dims];
    shape.splice(at, 0, 1);
    return this.reshape(shape);
  }

  /** Remove dimensions of size 1 (only `axis`, if given). @example `zeros([1, 3, 1]).squeeze().shape // [3]` */
  squeeze(axis?: number): Tensor {
    if (axis === undefined) return this.reshape(this.dims.filter((d) => d !== 1));
    const at = normalizeAxis(axis, this.ndim, "squeeze");
    if (this.dims[at] !== 1) return this;
    return this.reshape(this.dims.filter((_, i) => i !== at));
  }

  /**
   * Copy out to a broadcast shape (NumPy's `broadcast_to`, PyTorch's `expand`). Backward: g summed over
   * the copies.
   *
   * @example
   * ```ts
   * tensor([1, 2]).broadcastTo([2, 2]).toArray(); // [[1, 2], [1, 2]]
   * ```
   */
  broadcastTo(shape: readonly number[]): Tensor {
    const target = checkShape(shape, "broadcastTo");
    const joint = broadcastShapes(this.dims, target, "broadcastTo");
    if (!sameShape(joint, target)) {
      throw new RangeError(
        `broadcastTo: shape ${formatShape(this.dims)} cannot be broadcast to ${formatShape(target)}`,
      );
    }
    const out = expandTo(this.store, this.dims, target);
    return Tensor.result("broadcastTo", target, out === this.store ? out.slice() : out, [this], (g) => {
      this.addGrad(g, target);
    });
  }

  /**
   * Reorder dimensions: output dimension d is input dimension `dims[d]`. Copies. Backward: g permuted
   * back.
   *
   * @example
   * ```ts
   * zeros([2, 3, 4]).permute([2, 0, 1]).shape; // [4, 2, 3]
   * ```
   */
  permute(dims: readonly number[]): Tensor {
    if (!Array.isArray(dims) || dims.length !== this.ndim) {
      throw new RangeError(
        `permute: expected ${this.ndim} dims for shape ${formatShape(this.dims)}, got ${describe(dims)}`,
      );
    }
    const axes = dims.map((d) => normalizeAxis(d, this.ndim, "permute"));
    if (new Set(axes).size !== axes.length) {
      throw new RangeError(`permute: dims [${dims.join(", ")}] repeat an axis`);
    }
    const shape = axes.map((d) => this.dims[d]!);
    const source = permutedSource(this.dims, axes);
    const x = this.store;
    const out = allocate(x.length);
    for (let i = 0; i < out.length; i++) out[i] = x[source[i]!]!;
    return Tensor.result("permute", shape, out, [this], (g) => {
      const dx = this.gradData();
      for (let i = 0; i < g.length; i++) dx[source[i]!]! += g[i]!;
    });
  }

  /** Swap two dimensions (default: the last two). @example `zeros([2, 3]).transpose().shape // [3, 2]` */
  transpose(dim0 = -2, dim1 = -1): Tensor {
    if (this.ndim < 2 && dim0 === -2 && dim1 === -1) return this.permute(this.dims.map((_, i) => i));
    const a = normalizeAxis(dim0, this.ndim, "transpose");
    const b = normalizeAxis(dim1, this.ndim, "transpose");
    const dims = this.dims.map((_, i) => (i === a ? b : i === b ? a : i));
    return this.permute(dims);
  }

  /** Transpose of a matrix (all dimensions reversed, like NumPy's `.T`). @example `zeros([2, 3]).T.shape // [3, 2]` */
  get T(): Tensor {
    return this.permute(this.dims.map((_, i) => this.ndim - 1 - i));
  }

  // ───────────────────────────── matrix products ─────────────────────────────

  /**
   * Matrix product with PyTorch's rules: 2-D × 2-D; leading (batch) dimensions broadcast; a 1-D operand
   * is a row (left) or column (right) vector whose dimension is dropped from the result.
   * Backward: ∂/∂A = g·Bᵀ, ∂/∂B = Aᵀ·g, summed over broadcast batches.
   *
   * @example
   * ```ts
   * tensor([[1, 2], [3, 4]]).matmul(tensor([[1], [1]])).toArray(); // [[3], [7]]
   * ```
   */
  matmul(other: Tensor): Tensor {
    if (!(other instanceof Tensor)) {
      throw new TypeError(`matmul: expected other to be a Tensor, got ${describe(other)}`);
    }
    const b = other;
    if (this.ndim === 0 || b.ndim === 0) {
      throw new RangeError(
        `matmul: ${formatShape(this.dims)} @ ${formatShape(b.dims)} — both operands need at least 1 dimension`,
      );
    }
    const k = this.dims[this.ndim - 1]!;
    const k2 = b.dims[b.ndim === 1 ? 0 : b.ndim - 2]!;
    if (k !== k2) {
      throw new RangeError(
        `matmul: ${formatShape(this.dims)} @ ${formatShape(b.dims)} — inner dims ${k} and ${k2} differ`,
      );
    }
    if (this.ndim === 1 || b.ndim === 1) {
      // A vector is a 1-row (left) or 1-column (right) matrix whose dimension is dropped afterwards.
      const out = (this.ndim === 1 ? this.unsqueeze(0) : this).matmul(b.ndim === 1 ? b.unsqueeze(1) : b);
      const rowAxis = out.ndim - 2;
      const colAxis = out.ndim - 1;
      return out.reshape(
        out.dims.filter((_, i) => !(i === rowAxis && this.ndim === 1) && !(i === colAxis && b.ndim === 1)),
      );
    }

    const m = this.dims[this.ndim - 2]!;
    const n = b.dims[b.ndim - 1]!;
    const aBatch = this.dims.slice(0, -2);
    const bBatch = b.dims.slice(0, -2);
    const batch = broadcastShapes(aBatch, bBatch, "matmul");
    const aIndex = broadcastSource(aBatch, batch);
    const bIndex = broadcastSource(bBatch, batch);
    const shape = [...batch, m, n];
    const size = shapeSize(shape);
    if (size > MAX_SIZE) throw tooLarge("matmul", shape, size);
    const out = allocate(size);
    for (let t = 0; t < aIndex.length; t++) {
      gemm(
        false,
        false,
        m,
        n,
        k,
        this.store,
        aIndex[t]! * m * k,
        b.store,
        bIndex[t]! * k * n,
        out,
        t * m * n,
      );
    }
    return Tensor.result("matmul", shape, out, [this, b], (g) => {
      for (let t = 0; t < aIndex.length; t++) {
        if (this.requiresGrad) {
          // dA += g · Bᵀ
          gemm(
            false,
            true,
            m,
            k,
            n,
            g,
            t * m * n,
            b.store,
            bIndex[t]! * k * n,
            this.gradData(),
            aIndex[t]! * m * k,
          );
        }
        if (b.requiresGrad) {
          // dB += Aᵀ · g
          gemm(
            true,
            false,
            k,
            n,
            m,
            this.store,
            aIndex[t]! * m * k,
            g,
            t * m * n,
            b.gradData(),
            bIndex[t]! * k * n,
          );
        }
      }
    }).saving(this, b);
  }

  /**
   * Fused affine layer `this · weightᵀ + bias` (PyTorch's `F.linear`, weight shape `(out, in)`), one
   * graph node instead of three. Input `(…, in)` → output `(…, out)`.
   * Backward: ∂/∂x = g·W, ∂/∂W = gᵀ·x, ∂/∂b = column sums of g.
   *
   * @example
   * ```ts
   * const W = tensor([[1, 0], [0, 2], [1, 1]]); // 2 inputs → 3 outputs
   * tensor([[1, 2]]).linear(W, tensor([0, 0, 10])).toArray(); // [[1, 4, 13]]
   * ```
   */
  linear(weight: Tensor, bias?: Tensor | null): Tensor {
    if (!(weight instanceof Tensor)) {
      throw new TypeError(`linear: expected weight to be a Tensor, got ${describe(weight)}`);
    }
    if (bias !== undefined && bias !== null && !(bias instanceof Tensor)) {
      throw new TypeError(`linear: expected bias to be a Tensor, null or undefined, got ${describe(bias)}`);
    }
    const nIn = this.dims[this.ndim - 1];
    if (weight.ndim !== 2 || nIn === undefined || weight.dims[1] !== nIn) {
      throw new RangeError(
        `linear: input ${formatShape(this.dims)} and weight ${formatShape(weight.dims)} — ` +
          `expected weight of shape (out, ${nIn ?? "in"})`,
      );
    }
    const nOut = weight.dims[0]!;
    const b = bias ?? null;
    if (b !== null && !(b.ndim === 1 && b.dims[0] === nOut)) {
      throw new RangeError(
        `linear: bias ${formatShape(b.dims)} does not match weight ${formatShape(weight.dims)} — expected (${nOut},)`,
      );
    }
    const rows = this.ndim === 2 ? this.dims[0]! : shapeSize(this.dims.slice(0, -1));
    const shape = this.ndim === 2 ? [rows, nOut] : [...this.dims.slice(0, -1), nOut];
    if (rows * nOut > MAX_SIZE) throw tooLarge("linear", shape, rows * nOut);
    const out = allocate(rows * nOut);
    // Bias as PyTorch rounds it: (x·Wᵀ) + b, not b + x·Wᵀ term by term. Up to one panel of inputs, gemm
    // writes each finished dot product plus b straight into the output (no pass to fill it with b);
    // wider inputs are summed panel by panel, so b is added after the last one.
    const biasInGemm = b !== null && nIn <= GEMM_PANEL;
    gemm(false, true, rows, nOut, nIn, this.store, 0, weight.store, 0, out, 0, biasInGemm ? b.store : null); // x·Wᵀ (+ b)
    if (b !== null && !biasInGemm) {
      const bias = b.store;
      for (let r = 0; r < rows; r++) for (let o = 0; o < nOut; o++) out[r * nOut + o]! += bias[o]!;
    }
    const parents = b === null ? [this, weight] : [this, weight, b];
    return Tensor.result("linear", shape, out, parents, (g) => {
      if (this.requiresGrad) gemm(false, false, rows, nIn, nOut, g, 0, weight.store, 0, this.gradData(), 0); // g·W
      if (weight.requiresGrad) {
        gemm(true, false, nOut, nIn, rows, g, 0, this.store, 0, weight.gradData(), 0); // gᵀ·x
      }
      if (b !== null && b.requiresGrad) {
        addColumnSums(b.gradData(), g, rows, nOut); // db += Σ_rows g, as PyTorch's grad += g.sum(0)
      }
    }).saving(this, weight);
  }

  // ───────────────────────────── reductions ─────────────────────────────

  /**
   * Sum over `axis` (a number, a list, or all elements when omitted); `keepdims` keeps reduced
   * dimensions as size 1. Backward: every summed element receives g.
   *
   * @example
   * ```ts
   * tensor([[1, 2], [3, 4]]).sum(0).toArray(); // [4, 6]
   * tensor([[1, 2], [3, 4]]).sum().item(); // 10
   * ```
   */
  sum(axis?: number | readonly number[], keepdims = false): Tensor {
    return this.sumOver("sum", axis, keepdims);
  }

  /** `sum`, with errors named after `op` (`mean` sums first). */
  private sumOver(op: string, axis: number | readonly number[] | undefined, keepdims: boolean): Tensor {
    checkKeepdims(op, keepdims);
    if (axis === undefined) {
      const x = this.store;
      let s = 0;
      for (let i = 0; i < x.length; i++) s += x[i]!;
      const shape = keepdims ? this.dims.map(() => 1) : [];
      return Tensor.result("sum", shape, scalar(s), [this], (g) => {
        const dx = this.gradData();
        for (let i = 0; i < dx.length; i++) dx[i]! += g[0]!;
      });
    }
    if (typeof axis !== "number") return this.overAxes(axis, keepdims, op, (t, a) => t.sum(a, true));
    const at = normalizeAxis(axis, this.ndim, op);
    const split = splitAt(this.dims, at);
    const out = sumAlong(this.store, split);
    return Tensor.result("sum", reducedShape(this.dims, at, keepdims), out, [this], (g) => {
      const dx = this.gradData();
      const { outer, n, inner } = split;
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < n; j++) {
          const row = (o * n + j) * inner;
          for (let i = 0; i < inner; i++) dx[row + i]! += g[o * inner + i]!;
        }
      }
    });
  }

  /** Mean over `axis` (or all elements): `sum / count`. @example `tensor([[1, 2], [3, 4]]).mean(1).toArray() // [1.5, 3.5]` */
  mean(axis?: number | readonly number[], keepdims = false): Tensor {
    const total = this.sumOver("mean", axis, keepdims);
    const count = total.size === 0 ? 0 : this.size / total.size;
    return total.div(count);
  }

  /**
   * Maximum over `axis` (or all elements). Backward: g is split evenly over the positions that reach
   * the maximum (over the NaNs, for a NaN maximum), like PyTorch's `max()` of all elements and `amax`:
   * `tensor([1, 1, 0]).max()` sends `[0.5, 0.5, 0]`.
   *
   * @example
   * ```ts
   * tensor([[1, 5], [7, 2]]).max(1).toArray(); // [5, 7]
   * ```
   */
  max(axis?: number, keepdims = false): Tensor {
    const { split, shape } = this.reduction("max", axis, keepdims);
    const { values } = maxAlong(this.store, split);
    return Tensor.result("max", shape, values, [this], (g) => {
      const x = this.store;
      const dx = this.gradData();
      forEachSlice(split, (base, step, n, r) => {
        const m = values[r]!;
        const nan = Number.isNaN(m);
        let count = 0;
        for (let j = 0; j < n; j++)
          if (x[base + j * step] === m || (nan && Number.isNaN(x[base + j * step]))) count++;
        const share = g[r]! / count;
        for (let j = 0; j < n; j++) {
          const e = base + j * step;
          if (x[e] === m || (nan && Number.isNaN(x[e]))) dx[e]! += share;
        }
      });
    }).saving(this);
  }

  /** Minimum over `axis` (or all elements), as `−max(−x)`. @example `tensor([[1, 5], [7, 2]]).min(1).toArray() // [1, 2]` */
  min(axis?: number, keepdims = false): Tensor {
    this.reduction("min", axis, keepdims); // argument errors name min
    return this.neg().max(axis, keepdims).neg();
  }

  /**
   * Index of the maximum over `axis` (or over all elements, flattened), as an `Int32Array` in row-major
   * order of the remaining dimensions. Not differentiable.
   *
   * @example
   * ```ts
   * tensor([[1, 5, 2], [7, 0, 1]]).argmax(1); // Int32Array [1, 0]
   * ```
   */
  argmax(axis?: number): Int32Array {
    return argmaxAlong(this.store, this.reduction("argmax", axis, false).split);
  }

  /**
   * `log Σ exp(x)` over `axis` (or all elements), stable for large inputs. Backward: g·softmax(x).
   *
   * @example
   * ```ts
   * tensor([1000, 1000]).logSumExp().item(); // 1000 + Math.LN2
   * ```
   */
  logSumExp(axis?: number, keepdims = false): Tensor {
    const { split, shape } = this.reduction("logSumExp", axis, keepdims);
    const out = logSumExpAlong(this.store, split);
    return Tensor.result("logSumExp", shape, out, [this], (g) => {
      const dx = this.gradData();
      const x = this.store;
      const { outer, n, inner } = split;
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < n; j++) {
          const row = (o * n + j) * inner;
          for (let i = 0; i < inner; i++) {
            const r = o * inner + i;
            dx[row + i]! += g[r]! * Math.exp(x[row + i]! - out[r]!);
          }
        }
      }
    }).saving(this);
  }

  /**
   * Softmax over `axis` (default the last): `exp(x − max) / Σ exp(x − max)`.
   * Backward: dx = s ⊙ (g − Σ g⊙s) along the axis.
   *
   * @example
   * ```ts
   * tensor([[2, 1, 0.1]]).softmax().toArray(); // [[0.659…, 0.242…, 0.098…]]
   * ```
   */
  softmax(axis = -1): Tensor {
    const split = splitAt(this.dims, normalizeAxis(axis, this.ndim, "softmax"));
    const s = softmaxAlong(this.store, split);
    return Tensor.result("softmax", this.dims, s, [this], (g) => {
      const dx = this.gradData();
      forEachSlice(split, (base, step, n) => {
        let dot = 0;
        for (let j = 0; j < n; j++) dot += g[base + j * step]! * s[base + j * step]!;
        for (let j = 0; j < n; j++) {
          const e = base + j * step;
          dx[e]! += s[e]! * (g[e]! - dot);
        }
      });
    });
  }

  /**
   * `log softmax(x)` over `axis` (default the last), computed as PyTorch does: `(x − m) − log Σ exp(x − m)`
   * with `m` the max, so it stays finite where softmax underflows and keeps the entries near the max
   * exact (`x − logSumExp(x)` rounds them to the ulp of `m`: `[30.5, 1]` lost 1% of its first entry).
   * Backward: dx = g − softmax(x)·Σ g along the axis.
   *
   * @example
   * ```ts
   * tensor([[0, 0]]).logSoftmax().toArray(); // [[-0.693…, -0.693…]]
   * ```
   */
  logSoftmax(axis = -1): Tensor {
    const split = splitAt(this.dims, normalizeAxis(axis, this.ndim, "logSoftmax"));
    const x = this.store;
    const max = maxAlong(x, split).values;
    const out = allocate(x.length);
    forEachSlice(split, (base, step, n, r) => {
      const m = max[r]!;
      let s = 0;
      for (let j = 0; j < n; j++) s += Math.exp(x[base + j * step]! - m);
      const logS = Math.log(s);
      for (let j = 0; j < n; j++) out[base + j * step] = x[base + j * step]! - m - logS;
    });
    return Tensor.result("logSoftmax", this.dims, out, [this], (g) => {
      const dx = this.gradData();
      forEachSlice(split, (base, step, n) => {
        let total = 0;
        for (let j = 0; j < n; j++) total += g[base + j * step]!;
        for (let j = 0; j < n; j++) {
          const e = base + j * step;
          dx[e]! += g[e]! - Math.exp(out[e]!) * total;
        }
      });
    });
  }

  // ───────────────────────────── indexing ─────────────────────────────

  /**
   * Pick one element along `axis` for every position of the other dimensions:
   * `out[…, …] = x[…, indices[…], …]`, shape = this shape without `axis`. For logits `(n, c)` and
   * `gather(1, targets)` it returns the `n` target scores — PyTorch's
   * `x.gather(axis, idx.unsqueeze(axis)).squeeze(axis)`. Backward: g goes to the picked positions.
   *
   * @example
   * ```ts
   * tensor([[1, 2, 3], [4, 5, 6]]).gather(1, [2, 0]).toArray(); // [3, 4]
   * ```
   */
  gather(axis: number, indices: Indices): Tensor {
    const at = normalizeAxis(axis, this.ndim, "gather");
    const split = splitAt(this.dims, at);
    const { outer, n, inner } = split;
    const idx = checkIndices(indices, "gather", n);
    if (idx.length !== outer * inner) {
      throw new RangeError(
        `gather: expected ${outer * inner} indices (one per position of shape ${formatShape(
          reducedShape(this.dims, at, false),
        )}) for input ${formatShape(this.dims)} along axis ${axis}, got ${idx.length}`,
      );
    }
    const x = this.store;
    const out = allocate(idx.length);
    for (let r = 0; r < out.length; r++) {
      const o = Math.floor(r / inner);
      out[r] = x[(o * n + idx[r]!) * inner + (r - o * inner)]!;
    }
    return Tensor.result("gather", reducedShape(this.dims, at, false), out, [this], (g) => {
      const dx = this.gradData();
      for (let r = 0; r < g.length; r++) {
        const o = Math.floor(r / inner);
        dx[(o * n + idx[r]!) * inner + (r - o * inner)]! += g[r]!;
      }
    });
  }

  /**
   * Whole slices along `axis`, in the order of `indices` (PyTorch's `index_select`), e.g. the rows of a
   * mini-batch: `X.indexSelect(0, batch)`. Backward: g's slices are added back to the picked slices.
   *
   * @example
   * ```ts
   * tensor([[1, 2], [3, 4], [5, 6]]).indexSelect(0, [2, 0]).toArray(); // [[5, 6], [1, 2]]
   * ```
   */
  indexSelect(axis: number, indices: Indices): Tensor {
    const at = normalizeAxis(axis, this.ndim, "indexSelect");
    const { outer, n, inner } = splitAt(this.dims, at);
    const idx = checkIndices(indices, "indexSelect", n);
    const m = idx.length | 0; // a small integer, as in the constructor
    const shape = this.dims.map((d, i) => (i === at ? m : d));
    if (outer * m * inner > MAX_SIZE) throw tooLarge("indexSelect", shape, outer * m * inner);
    const x = this.store;
    const out = allocate(outer * m * inner);
    for (let o = 0; o < outer; o++) {
      for (let t = 0; t < m; t++) {
        const src = (o * n + idx[t]!) * inner;
        const dst = (o * m + t) * inner;
        for (let i = 0; i < inner; i++) out[dst + i] = x[src + i]!;
      }
    }
    return Tensor.result("indexSelect", shape, out, [this], (g) => {
      const dx = this.gradData();
      for (let o = 0; o < outer; o++) {
        for (let t = 0; t < m; t++) {
          const dst = (o * n + idx[t]!) * inner;
          const src = (o * m + t) * inner;
          for (let i = 0; i < inner; i++) dx[dst + i]! += g[src + i]!;
        }
      }
    });
  }

  // ───────────────────────────── fused loss ─────────────────────────────

  /**
   * Fused, stable softmax cross-entropy of logits `(n, c)` against class indices (PyTorch's
   * `F.cross_entropy`): per row `−log softmax(x)[target] = logSumExp(x) − x[target]`, then the mean
   * (default), the sum, or `"none"` (shape `(n,)`). One graph node; backward: (softmax − onehot) · g
   * (÷ n for the mean). `@neurogebra/losses` builds `crossEntropy` on it.
   *
   * @example
   * ```ts
   * tensor([[2, 1, 0.1]]).crossEntropy([0]).item(); // 0.41703001627783354
   * ```
   */
  crossEntropy(targets: Indices, reduction: Reduction = "mean"): Tensor {
    if (this.ndim !== 2) {
      throw new RangeError(
        `crossEntropy: expected logits of shape (batch, classes), got ${formatShape(this.dims)}`,
      );
    }
    if (reduction !== "mean" && reduction !== "sum" && reduction !== "none") {
      throw new TypeError(
        `crossEntropy: expected reduction "mean", "sum" or "none", got ${describe(reduction)}`,
      );
    }
    const [rows, classes] = this.dims as [number, number];
    const t = checkIndices(targets, "crossEntropy", classes);
    if (t.length !== rows) {
      throw new RangeError(`crossEntropy: ${rows} rows of logits but ${t.length} targets`);
    }
    const x = this.store;
    const probs = allocate(x.length);
    const losses = reduction === "none" ? allocate(rows) : null;
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const base = r * classes;
      let m = -Infinity;
      for (let j = 0; j < classes; j++) if (x[base + j]! > m) m = x[base + j]!;
      let s = 0;
      for (let j = 0; j < classes; j++) {
        const e = Math.exp(x[base + j]! - m);
        probs[base + j] = e;
        s += e;
      }
      for (let j = 0; j < classes; j++) probs[base + j]! /= s;
      const loss = -(x[base + t[r]!]! - m - Math.log(s)); // −log softmax(x)[target]
      if (losses !== null) losses[r] = loss;
      total += loss;
    }
    const out = losses ?? scalar(reduction === "mean" ? total / rows : total);
    const shape = reduction === "none" ? [rows] : [];
    return Tensor.result("crossEntropy", shape, out, [this], (g) => {
      const dx = this.gradData();
      for (let r = 0; r < rows; r++) {
        const coef = reduction === "none" ? g[r]! : reduction === "mean" ? g[0]! / rows : g[0]!;
        const base = r * classes;
        for (let j = 0; j < classes; j++) dx[base + j]! += coef * probs[base + j]!;
        dx[base + t[r]!]! -= coef;
      }
    });
  }

  // ───────────────────────────── helpers ─────────────────────────────

  /** Validate `axis` for a reduction (undefined = all elements) and give its split and result shape. */
  private reduction(op: string, axis: number | undefined, keepdims: boolean) {
    checkKeepdims(op, keepdims);
    if (this.size === 0) {
      throw new RangeError(`${op}: cannot reduce an empty tensor of shape ${formatShape(this.dims)}`);
    }
    if (axis === undefined) {
      return {
        split: { outer: 1, n: this.size, inner: 1 },
        shape: keepdims ? this.dims.map(() => 1) : [],
      };
    }
    const at = normalizeAxis(axis, this.ndim, op);
    const split = splitAt(this.dims, at);
    if (split.n === 0) {
      throw new RangeError(`${op}: cannot reduce axis ${axis} of size 0 in shape ${formatShape(this.dims)}`);
    }
    return { split, shape: reducedShape(this.dims, at, keepdims) };
  }

  /** Apply a keepdims reduction over several axes, then drop them unless `keepdims`. */
  private overAxes(
    axes: readonly number[],
    keepdims: boolean,
    op: string,
    reduceOne: (t: Tensor, axis: number) => Tensor,
  ): Tensor {
    if (!Array.isArray(axes)) {
      throw new TypeError(
        `${op}: expected axis to be an integer or an array of integers, got ${describe(axes)}`,
      );
    }
    const normalized = axes.map((a) => normalizeAxis(a, this.ndim, op));
    if (new Set(normalized).size !== normalized.length) {
      throw new RangeError(`${op}: axes [${axes.join(", ")}] repeat an axis`);
    }
    const out = normalized.reduce<Tensor>((t, a) => reduceOne(t, a), this);
    if (keepdims) return out;
    return out.reshape(this.dims.filter((_, i) => !normalized.includes(i)));
  }
}

// ───────────────────────────── module helpers ─────────────────────────────

/** Turn a `Tensor | number` operand into a tensor, or throw a `TypeError` naming the op. */
function operand(x: Tensor | number, op: string, name = "other"): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === "number") return new Tensor(scalar(x), [], NUMBER_OPERAND);
  throw new TypeError(`${op}: expected ${name} to be a Tensor or a number, got ${describe(x)}`);
}

/** A one-element buffer holding `v`. */
function scalar(v: number): Float64Array {
  const out = allocate(1);
  out[0] = v;
  return out;
}

/** `g[i] * factor[i]` as a new buffer. */
function product(g: Float64Array, factor: Float64Array): Float64Array {
  const out = allocate(g.length);
  for (let i = 0; i < g.length; i++) out[i] = g[i]! * factor[i]!;
  return out;
}

/** `g[i] * c` as a new buffer. */
function scaled(g: Float64Array, c: number): Float64Array {
  const out = allocate(g.length);
  for (let i = 0; i < g.length; i++) out[i] = g[i]! * c;
  return out;
}

/** Throw a `TypeError` naming `op` unless `keepdims` is a boolean (a truthy string is not `true`). */
function checkKeepdims(op: string, keepdims: unknown): void {
  if (typeof keepdims !== "boolean") {
    throw new TypeError(`${op}: expected keepdims to be a boolean, got ${describe(keepdims)}`);
  }
}

/** `shape` with `axis` removed, or set to 1 when `keepdims`. */
function reducedShape(shape: Shape, axis: number, keepdims: boolean): Shape {
  return keepdims ? shape.map((d, i) => (i === axis ? 1 : d)) : shape.filter((_, i) => i !== axis);
}

/** Visit each 1-D slice along the split axis: elements `base + j·step`, j < n; `r` is the slice number. */
function forEachSlice(
  { outer, n, inner }: { outer: number; n: number; inner: number },
  visit: (base: number, step: number, n: number, r: number) => void,
): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) visit(o * n * inner + i, inner, n, o * inner + i);
  }
}

/** The error for index `v` at position `i` outside `[0, bound)` (shared by both kinds of index array). */
function indexOutOfRange(op: string, v: number, i: number, bound: number): RangeError {
  return new RangeError(`${op}: index ${v} at position ${i} is out of range [0, ${bound})`);
}

/**
 * Validate class/row indices (`Int32Array` or an array of integers, each in `[0, bound)`) and return a
 * copy. Backward reads them again later, and a caller that refills its array meanwhile (a reused batch
 * buffer) must not change a pending backward pass — PyTorch raises for a saved tensor modified in place.
 * The copies cost ~2% of the tutorial's Tensor training (two per step, measured in one process).
 */
function checkIndices(indices: unknown, op: string, bound: number): Int32Array {
  if (indices instanceof Int32Array) {
    const idx = indices.slice();
    for (let i = 0; i < idx.length; i++) {
      if (idx[i]! < 0 || idx[i]! >= bound) throw indexOutOfRange(op, idx[i]!, i, bound);
    }
    return idx;
  }
  if (!Array.isArray(indices)) {
    throw new TypeError(`${op}: expected indices to be an Int32Array or number[], got ${describe(indices)}`);
  }
  const idx = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const v: unknown = indices[i];
    if (typeof v !== "number" || !Number.isInteger(v)) {
      throw new TypeError(
        `${op}: expected indices to be integers (Int32Array or number[]), got ${describe(v)} at position ${i}`,
      );
    }
    if (v < 0 || v >= bound) throw indexOutOfRange(op, v, i, bound); // before Int32Array could wrap it
    idx[i] = v;
  }
  return idx;
}

/** Anomaly mode: throw `AnomalyError` at the first NaN/±Infinity of `data`. */
function checkFinite(
  op: string,
  data: Float64Array,
  shape: Shape,
  inputs: readonly Tensor[],
  phase: "forward" | "backward",
  what: "result" | "gradient",
): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new AnomalyError(
        op,
        `${data[i]} (element ${i} of a ${formatShape(shape)} ${what})`,
        inputs.map((t) => `tensor ${formatShape(t.shape)}`),
        phase,
      );
    }
  }
}
