/**
 * `Tensor`: an n-dimensional Float64 array that remembers how it was computed, so `backward()` can
 * apply the chain rule — micrograd's `Value`, one array at a time.
 *
 * This file holds the class: its basics, `backward()` (the sweep itself is in `tensor-backward.ts`),
 * saving inputs and gradient buffers; `tensor-result.ts` builds every op's result. The ops live in
 * `tensor-ops/`, one file per family (elementwise, unary, shape, products, reduce, softmax, indexing,
 * cross-entropy), each written the same way: compute the output buffer (forward), then hand `result` a
 * backward step that turns the output's gradient `g` into the inputs' gradients — both halves side by
 * side. Tuned loops are in `kernels/`, buffers come from `arena.ts`.
 */
import { expected } from "@neurogebra/internal";

import { addReduced } from "./broadcast.js";
import { allocateGrad } from "./arena.js";
import { save, storageOf, type SavedSlot, type Storage } from "./saved-tensor.js";
import { checkShape, formatShape, isShape, shapeSize, type Shape } from "./shape.js";
import { crossEntropy, type Reduction } from "./tensor-ops/cross-entropy.js";
import * as elementwise from "./tensor-ops/elementwise.js";
import { gather, indexSelect, type Indices } from "./tensor-ops/indexing.js";
import { linear, matmul } from "./tensor-ops/products.js";
import { argmax, logSumExp, max, mean, min, sum } from "./tensor-ops/reduce.js";
import * as shapeOps from "./tensor-ops/shape.js";
import { logSoftmax, softmax } from "./tensor-ops/softmax.js";
import * as unary from "./tensor-ops/unary.js";
import { backwardFrom, seedOf } from "./tensor-backward.js";
import { INTERNAL, NUMBER_OPERAND, requiresGradOption, type TensorOptions } from "./tensor-options.js";

/**
 * Nested arrays of numbers, as `toArray()` returns them (a plain number for a 0-d tensor).
 *
 * @example
 * ```ts
 * const rows: NestedArray = tensor([[1, 2], [3, 4]]).toArray();
 * rows; // → [[1, 2], [3, 4]]
 * ```
 */
export type NestedArray = number | NestedArray[];

/** An op's backward step: receives the gradient of the op's output (flat, row-major). */
export type BackwardStep = (g: Float64Array) => void;

const NO_PARENTS: readonly Tensor[] = Object.freeze([]);

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
 * w.grad?.toArray(); // → [[1, 1], [0, 0]]  (the second row was cut by relu)
 * ```
 */
export class Tensor {
  /** @internal The flat row-major values (what `data` returns; ops read this, so only users move the version). */
  readonly _store: Float64Array;
  /** @internal The sizes of the dimensions (what ops read; `shape` hands out a frozen copy). */
  readonly _dims: Shape;
  /** @internal The frozen copy of `_dims` that `shape` returns, made on first use. */
  _frozenShape: Shape | null = null;
  /** Whether `backward()` computes a gradient for this tensor. Set it on leaves (parameters). */
  requiresGrad: boolean;
  /**
   * d(root)/d(this) after `backward()`, same shape as this tensor; `null` before the first backward. Like
   * PyTorch, only leaves keep it — an op's result has `null` here unless it called `retainGrad()`.
   */
  grad: Tensor | null = null;

  /** @internal The op that made this tensor ("" for a leaf). */
  _opName = "";
  /** @internal The inputs of that op. */
  _parents: readonly Tensor[] = NO_PARENTS;
  /** @internal The op's backward step (null for a leaf). */
  _backwardStep: BackwardStep | null = null;
  /** @internal The `backward()` sweep that last visited this tensor (a per-sweep token; replaces a `Set`). */
  _visitedBy: object | null = null;
  /** @internal Whether `retainGrad()` was called. */
  _retainsGrad = false;
  /** @internal A number operand made into a tensor by an op: no one else holds it, so no op saves it. */
  _numberOperand = false;
  /** @internal The version of `_store`, shared with views; made when an op saves this tensor or a view is taken. */
  _storage: Storage | null = null;
  /** @internal The saves of up to two leaves whose data this op's backward step reads (see `saved-tensor.ts`). */
  _slotA: SavedSlot | null = null;
  /** @internal The second save. */
  _slotB: SavedSlot | null = null;

  /**
   * Wrap `data` (not copied) as a tensor of `shape`. Use the `tensor()` factory to copy nested arrays.
   * @example `new Tensor(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]).toArray() // → [[1, 2, 3], [4, 5, 6]]`
   */
  constructor(data: Float64Array, shape: Shape, options?: TensorOptions) {
    if (options === INTERNAL || options === NUMBER_OPERAND) {
      // An op's own result: data and shape were computed by the op, so skip the checks and the copy.
      this._store = data;
      this._dims = shape;
      this.requiresGrad = false;
      this._numberOperand = options === NUMBER_OPERAND;
      return;
    }
    const requiresGrad = requiresGradOption(options, "Tensor");
    if (!(data instanceof Float64Array)) {
      throw new TypeError(expected("Tensor", "data to be a Float64Array", data));
    }
    if (!isShape(shape) || shapeSize(shape) !== data.length) {
      const checked = checkShape(shape, "Tensor"); // throws for a malformed shape
      throw new RangeError(
        `Tensor: shape ${formatShape(checked)} holds ${shapeSize(checked)} elements but data has ${data.length}`,
      );
    }
    this._store = data;
    // `| 0` keeps every size a small integer for V8 even when it came from a typed array's length,
    // which optimized code may hold as a double: double sizes reaching the matmul kernel made it
    // deoptimize and re-optimize with slower generic arithmetic.
    this._dims = Array.from(shape, (d) => d | 0);
    this.requiresGrad = requiresGrad;
  }

  // ───────────────────────────── basics ─────────────────────────────

  /**
   * Size of each dimension, outermost first; `[]` for a scalar. A frozen array: pushing to it or
   * assigning an entry throws, and the tensor's shape never changes. @example `zeros([2, 3]).shape // → [2, 3]`
   */
  get shape(): Shape {
    return (this._frozenShape ??= Object.freeze(this._dims.slice()));
  }

  /**
   * The flat row-major values, mutable (optimizers write here). Shared, not copied, by `reshape` and
   * `detach`, like PyTorch views. Each access counts as a possible write for `backward()`: write before
   * a forward pass or after `backward()`, never in between (that throws a
   * {@link SavedTensorModifiedError} when an op saved this tensor; reading in between is fine).
   * @example `const w = tensor([1, 2]); w.data[0] = 5; w.data // → Float64Array [5, 2]`
   */
  get data(): Float64Array {
    this._storage?.touch();
    return this._store;
  }

  /** Number of dimensions. @example `zeros([2, 3]).ndim // → 2` */
  get ndim(): number {
    return this._dims.length;
  }

  /** Number of elements (NumPy's `size`). @example `zeros([2, 3]).size // → 6` */
  get size(): number {
    return this._store.length;
  }

  /** Number of elements (PyTorch's `numel()`). @example `zeros([2, 3]).numel() // → 6` */
  numel(): number {
    return this._store.length;
  }

  /** Name of the op that produced this tensor (`""` for a leaf or a result computed without a graph). */
  get op(): string {
    return this._opName;
  }

  /** Whether this tensor was created by the user rather than by an op that recorded a graph. */
  get isLeaf(): boolean {
    return this._backwardStep === null;
  }

  /**
   * Keep this result's gradient after `backward()` (PyTorch's `retain_grad()`); without it only leaves
   * keep theirs. No effect on a leaf, which always does. Returns this tensor; throws if it does not
   * require grad (there would be nothing to keep).
   * @example `const y = x.mul(3).retainGrad(); y.sum().backward(); y.grad?.toArray() // → [1, 1]`
   */
  retainGrad(): this {
    if (!this.requiresGrad) {
      throw new Error(
        `retainGrad: this tensor of shape ${formatShape(this._dims)} does not require grad, so backward() ` +
          `computes no gradient for it`,
      );
    }
    if (!this.isLeaf) this._retainsGrad = true;
    return this;
  }

  /** Whether this op result keeps its gradient after `backward()` (PyTorch's `retains_grad`; false for leaves). */
  get retainsGrad(): boolean {
    return this._retainsGrad;
  }

  /** The single number of a one-element tensor. @example `tensor([[5]]).item() // → 5` */
  item(): number {
    if (this._store.length !== 1) {
      throw new RangeError(
        `item: expected a tensor with exactly one element, got shape ${formatShape(this._dims)}`,
      );
    }
    return this._store[0]!;
  }

  /** The values as nested arrays (a number for a 0-d tensor). @example `arange(4).reshape([2, 2]).toArray() // → [[0, 1], [2, 3]]` */
  toArray(): NestedArray {
    return nested(this._store, this._dims, 0, 0, this._store.length);
  }

  /** A short readable form, e.g. `tensor([[1, 2], [3, 4]], requiresGrad=true)`. */
  toString(): string {
    const body = this.size <= 1000 ? JSON.stringify(this.toArray()) : `<${this.size} values>`;
    const shape = this.size <= 1000 ? "" : `, shape=${formatShape(this._dims)}`;
    return `tensor(${body.replace(/,/g, ", ")}${shape}${this.requiresGrad ? ", requiresGrad=true" : ""})`;
  }

  /** The same values, cut from the graph (shares `data`, no gradient). @example `w.detach().requiresGrad // → false` */
  detach(): Tensor {
    const out = new Tensor(this._store, this._dims, INTERNAL);
    out._storage = storageOf(this);
    return out;
  }

  /** Set every entry of `grad` to 0 (keeps the buffer). @example `w.zeroGrad(); w.grad?.toArray() // zeros` */
  zeroGrad(): void {
    this.grad?._store.fill(0);
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
   * @example `const x = tensor([1, 2, 3], { requiresGrad: true }); x.mul(x).sum().backward(); x.grad?.toArray() // → [2, 4, 6]`
   */
  backward(gradient?: Tensor): void {
    const seed = seedOf(this, gradient);
    if (this.requiresGrad) backwardFrom(this, seed);
  }

  /** The parents this tensor was computed from (empty for leaves). */
  get inputs(): readonly Tensor[] {
    return this._parents;
  }

  /**
   * @internal Declare the tensors whose data this result's backward step reads (PyTorch's
   * `save_for_backward`), so `backward()` can tell if they were written after the forward pass.
   * Returns this result.
   */
  _saving(a: Tensor, b?: Tensor): Tensor {
    if (this._backwardStep !== null) {
      save(this, a);
      if (b !== undefined) save(this, b);
    }
    return this;
  }

  /** @internal This tensor's gradient buffer, created as zeros on first use. */
  _gradData(): Float64Array {
    if (this.grad === null) this.grad = new Tensor(allocateGrad(this._store.length), this._dims, INTERNAL);
    return this.grad._store;
  }

  /** @internal Add `g` (of shape `from`, possibly this shape broadcast) into this gradient, if one is wanted. */
  _addGrad(g: Float64Array, from: Shape): void {
    if (this.requiresGrad) addReduced(this._gradData(), this._dims, g, from);
  }

  // ───── ops: each delegates to its family in `tensor-ops/`, where its forward and backward are ─────

  // ── two operands, broadcasting: tensor-ops/elementwise.ts ──
  /** `this + other`, broadcasting. @example `tensor([[1, 2], [3, 4]]).add(tensor([10, 20])).toArray() // → [[11, 22], [13, 24]]` */
  add(other: Tensor | number): Tensor {
    return elementwise.add(this, other);
  }
  /** `this - other`, broadcasting. @example `tensor([5]).sub(2).item() // → 3` */
  sub(other: Tensor | number): Tensor {
    return elementwise.sub(this, other);
  }
  /** `this * other` elementwise, broadcasting. @example `tensor([2, 3]).mul(4).toArray() // → [8, 12]` */
  mul(other: Tensor | number): Tensor {
    return elementwise.mul(this, other);
  }
  /** `this / other`, broadcasting. @example `tensor([3]).div(2).item() // → 1.5` */
  div(other: Tensor | number): Tensor {
    return elementwise.div(this, other);
  }
  /** `this ** exponent`, broadcasting (a tensor exponent gets a gradient too). @example `tensor([2, 3]).pow(2).toArray() // → [4, 9]` */
  pow(exponent: Tensor | number): Tensor {
    return elementwise.pow(this, exponent);
  }
  /** Elementwise maximum (NaN if either is NaN), broadcasting; ties split the gradient in half. @example `tensor([1, 5]).maximum(tensor([3, 2])).toArray() // → [3, 5]` */
  maximum(other: Tensor | number): Tensor {
    return elementwise.maximum(this, other);
  }
  /** Elementwise minimum, broadcasting; gradient like `maximum`. @example `tensor([1, 5]).minimum(3).toArray() // → [1, 3]` */
  minimum(other: Tensor | number): Tensor {
    return elementwise.minimum(this, other);
  }
  /**
   * `this` where `condition` is non-zero, else `other` (PyTorch's `x.where(cond, y)`), broadcasting all
   * three; `condition` gets no gradient. @example `tensor([1, 2, 3]).where(tensor([1, 0, 1]), 0).toArray() // → [1, 0, 3]`
   */
  where(condition: Tensor, other: Tensor | number): Tensor {
    return elementwise.where(this, condition, other);
  }
  /** 1 where `this > other`, else 0 (no gradient). @example `tensor([1, 5]).gt(3).toArray() // → [0, 1]` */
  gt(other: Tensor | number): Tensor {
    return elementwise.compare(this, other, "gt", (a, b) => a > b);
  }
  /** 1 where `this < other`, else 0 (no gradient). @example `tensor([1, 5]).lt(3).toArray() // → [1, 0]` */
  lt(other: Tensor | number): Tensor {
    return elementwise.compare(this, other, "lt", (a, b) => a < b);
  }
  /** 1 where `this >= other`, else 0 (no gradient). @example `tensor([1, 3]).ge(3).toArray() // → [0, 1]` */
  ge(other: Tensor | number): Tensor {
    return elementwise.compare(this, other, "ge", (a, b) => a >= b);
  }
  /** 1 where `this <= other`, else 0 (no gradient). @example `tensor([1, 3]).le(1).toArray() // → [1, 0]` */
  le(other: Tensor | number): Tensor {
    return elementwise.compare(this, other, "le", (a, b) => a <= b);
  }
  /** 1 where `this == other`, else 0 (no gradient). @example `tensor([1, 3]).eq(3).toArray() // → [0, 1]` */
  eq(other: Tensor | number): Tensor {
    return elementwise.compare(this, other, "eq", (a, b) => a === b);
  }

  // ── one operand: tensor-ops/unary.ts ──
  /** `−x`. @example `tensor([1, -2]).neg().toArray() // → [-1, 2]` */
  neg(): Tensor {
    return unary.neg(this);
  }
  /** `eˣ`. @example `tensor([0]).exp().item() // → 1` */
  exp(): Tensor {
    return unary.exp(this);
  }
  /** Natural log (`log(0) = −∞`, `log(−1) = NaN`, as IEEE-754). @example `tensor([1]).log().item() // → 0` */
  log(): Tensor {
    return unary.log(this);
  }
  /** `√x`. @example `tensor([9]).sqrt().item() // → 3` */
  sqrt(): Tensor {
    return unary.sqrt(this);
  }
  /** `|x|`, with |x|'(0) = 0 (as PyTorch). @example `tensor([-2, 3]).abs().toArray() // → [2, 3]` */
  abs(): Tensor {
    return unary.abs(this);
  }
  /** `max(0, x)` (NaN stays NaN), relu'(0) = 0; a NaN or ±∞ gradient does not leak into dead units. @example `tensor([-1, 2]).relu().toArray() // → [0, 2]` */
  relu(): Tensor {
    return unary.relu(this);
  }
  /** `x` if x > 0 else `alpha·x`. @example `tensor([-2, 2]).leakyRelu(0.1).toArray() // → [-0.2, 2]` */
  leakyRelu(alpha = 0.01): Tensor {
    return unary.leakyRelu(this, alpha);
  }
  /** `tanh x`. @example `tensor([0]).tanh().item() // → 0` */
  tanh(): Tensor {
    return unary.tanh(this);
  }
  /** `1 / (1 + e⁻ˣ)`, computed without overflow for large |x|. @example `tensor([0]).sigmoid().item() // → 0.5` */
  sigmoid(): Tensor {
    return unary.sigmoid(this);
  }
  /** `log(1 + eˣ)`, stable for large |x|. @example `tensor([0]).softplus().item() // → 0.6931471805599453  (ln 2)` */
  softplus(): Tensor {
    return unary.softplus(this);
  }

  // ── shape: tensor-ops/shape.ts ──
  /** The same data with a new shape (one entry may be −1: inferred). Shares `data`. @example `arange(6).reshape([2, -1]).shape // → [2, 3]` */
  reshape(shape: readonly number[]): Tensor {
    return shapeOps.reshape(this, shape);
  }
  /** Collapse to 1-D. @example `zeros([2, 3]).flatten().shape // → [6]` */
  flatten(): Tensor {
    return this.reshape([this.size]);
  }
  /** Insert a dimension of size 1 at `axis`. @example `zeros([3]).unsqueeze(0).shape // → [1, 3]` */
  unsqueeze(axis: number): Tensor {
    return shapeOps.unsqueeze(this, axis);
  }
  /** Remove dimensions of size 1 (only `axis`, if given). @example `zeros([1, 3, 1]).squeeze().shape // → [3]` */
  squeeze(axis?: number): Tensor {
    return shapeOps.squeeze(this, axis);
  }
  /** Copy out to a broadcast shape (NumPy's `broadcast_to`, PyTorch's `expand`). @example `tensor([1, 2]).broadcastTo([2, 2]).toArray() // → [[1, 2], [1, 2]]` */
  broadcastTo(shape: readonly number[]): Tensor {
    return shapeOps.broadcastTo(this, shape);
  }
  /** Reorder dimensions: output dimension d is input dimension `dims[d]`. Copies. @example `zeros([2, 3, 4]).permute([2, 0, 1]).shape // → [4, 2, 3]` */
  permute(dims: readonly number[]): Tensor {
    return shapeOps.permute(this, dims);
  }
  /** Swap two dimensions (default: the last two). @example `zeros([2, 3]).transpose().shape // → [3, 2]` */
  transpose(dim0 = -2, dim1 = -1): Tensor {
    return shapeOps.transpose(this, dim0, dim1);
  }
  /** Transpose of a matrix (all dimensions reversed, like NumPy's `.T`). @example `zeros([2, 3]).T.shape // → [3, 2]` */
  get T(): Tensor {
    return this.permute(this._dims.map((_, i) => this.ndim - 1 - i));
  }

  // ── products: tensor-ops/products.ts ──
  /**
   * Matrix product with PyTorch's rules: 2-D × 2-D; leading (batch) dimensions broadcast; a 1-D operand
   * is a row (left) or column (right) vector whose dimension is dropped from the result.
   * @example `tensor([[1, 2], [3, 4]]).matmul(tensor([[1], [1]])).toArray() // → [[3], [7]]`
   */
  matmul(other: Tensor): Tensor {
    return matmul(this, other);
  }
  /**
   * Fused affine layer `this · weightᵀ + bias` (PyTorch's `F.linear`, weight shape `(out, in)`), one
   * graph node instead of three. Input `(…, in)` → output `(…, out)`.
   *
   * @example
   * ```ts
   * const W = tensor([[1, 0], [0, 2], [1, 1]]); // 2 inputs → 3 outputs
   * tensor([[1, 2]]).linear(W, tensor([0, 0, 10])).toArray(); // → [[1, 4, 13]]
   * ```
   */
  linear(weight: Tensor, bias?: Tensor | null): Tensor {
    return linear(this, weight, bias);
  }

  // ── reductions: tensor-ops/reduce.ts ──
  /**
   * Sum over `axis` (a number, a list, or all elements when omitted); `keepdims` keeps reduced
   * dimensions as size 1. @example `tensor([[1, 2], [3, 4]]).sum(0).toArray() // → [4, 6]`
   */
  sum(axis?: number | readonly number[], keepdims = false): Tensor {
    return sum(this, axis, keepdims);
  }
  /** Mean over `axis` (or all elements): `sum / count`. @example `tensor([[1, 2], [3, 4]]).mean(1).toArray() // → [1.5, 3.5]` */
  mean(axis?: number | readonly number[], keepdims = false): Tensor {
    return mean(this, axis, keepdims);
  }
  /**
   * Maximum over `axis` (or all elements). The gradient is split evenly over the positions that reach
   * the maximum, like PyTorch's `max()` and `amax`. @example `tensor([[1, 5], [7, 2]]).max(1).toArray() // → [5, 7]`
   */
  max(axis?: number, keepdims = false): Tensor {
    return max(this, axis, keepdims);
  }
  /** Minimum over `axis` (or all elements), as `−max(−x)`. @example `tensor([[1, 5], [7, 2]]).min(1).toArray() // → [1, 2]` */
  min(axis?: number, keepdims = false): Tensor {
    return min(this, axis, keepdims);
  }
  /**
   * Index of the maximum over `axis` (or over all elements, flattened), as an `Int32Array` in row-major
   * order of the remaining dimensions. Not differentiable. @example `tensor([[1, 5, 2], [7, 0, 1]]).argmax(1) // → Int32Array [1, 0]`
   */
  argmax(axis?: number): Int32Array {
    return argmax(this, axis);
  }
  /** `log Σ exp(x)` over `axis` (or all elements), stable for large inputs. @example `tensor([1000, 1000]).logSumExp().item() // → 1000.6931471805599  (1000 + ln 2, no overflow)` */
  logSumExp(axis?: number, keepdims = false): Tensor {
    return logSumExp(this, axis, keepdims);
  }

  // ── softmax: tensor-ops/softmax.ts ──
  /** Softmax over `axis` (default the last): `exp(x − max) / Σ exp(x − max)`. @example `tensor([[2, 1, 0.1]]).softmax().toArray() // → [[0.659…, 0.242…, 0.098…]]` */
  softmax(axis = -1): Tensor {
    return softmax(this, axis);
  }
  /**
   * `log softmax(x)` over `axis` (default the last), as PyTorch computes it: `(x − m) − log Σ exp(x − m)`
   * with `m` the max, so the entries near the max stay exact. @example `tensor([[0, 0]]).logSoftmax().toArray() // → [[-0.693…, -0.693…]]`
   */
  logSoftmax(axis = -1): Tensor {
    return logSoftmax(this, axis);
  }

  // ── indexing: tensor-ops/indexing.ts ──
  /**
   * Pick one element along `axis` for every position of the other dimensions (PyTorch's
   * `x.gather(axis, idx.unsqueeze(axis)).squeeze(axis)`): for logits `(n, c)`, `gather(1, targets)` gives
   * the `n` target scores. @example `tensor([[1, 2, 3], [4, 5, 6]]).gather(1, [2, 0]).toArray() // → [3, 4]`
   */
  gather(axis: number, indices: Indices): Tensor {
    return gather(this, axis, indices);
  }
  /**
   * Whole slices along `axis`, in the order of `indices` (PyTorch's `index_select`), e.g. the rows of a
   * mini-batch: `X.indexSelect(0, batch)`. @example `tensor([[1, 2], [3, 4], [5, 6]]).indexSelect(0, [2, 0]).toArray() // → [[5, 6], [1, 2]]`
   */
  indexSelect(axis: number, indices: Indices): Tensor {
    return indexSelect(this, axis, indices);
  }

  // ── fused loss: tensor-ops/cross-entropy.ts ──
  /**
   * Fused, stable softmax cross-entropy of logits `(n, c)` against class indices (PyTorch's
   * `F.cross_entropy`): per row `logSumExp(x) − x[target]`, then the mean (default), the sum, or `"none"`
   * (shape `(n,)`); one graph node. @example `tensor([[2, 1, 0.1]]).crossEntropy([0]).item() // → 0.41703001627783354`
   */
  crossEntropy(targets: Indices, reduction: Reduction = "mean"): Tensor {
    return crossEntropy(this, targets, reduction);
  }
}

/** The entries of `store` from `offset` (`stride` of them) as nested arrays, from dimension `dim` of `dims` in. */
function nested(store: Float64Array, dims: Shape, dim: number, offset: number, stride: number): NestedArray {
  if (dim === dims.length) return store[offset]!;
  const n = dims[dim]!;
  const inner = stride / Math.max(n, 1);
  const out: NestedArray[] = [];
  for (let i = 0; i < n; i++) out.push(nested(store, dims, dim + 1, offset + i * inner, inner));
  return out;
}
