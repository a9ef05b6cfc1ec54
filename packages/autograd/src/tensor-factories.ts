/**
 * Ways to make a tensor: from nested arrays or typed arrays (`tensor`, `fromRows`), filled
 * (`zeros`, `ones`, `full`, `arange`), or random (`rand`, `randn`, `uniform`, each drawing from an `Rng`).
 * Every factory copies its input, so the tensor owns its storage. Bad options, shapes and sizes are
 * `TypeError`s / `RangeError`s naming the factory (checked before anything is allocated).
 */
import { checkRng, describe, expected, tooManyElements } from "@neurogebra/internal";

import { drawFrom } from "./default-rng.js";
import type { Rng } from "./rng.js";
import { MAX_SIZE, checkShape, formatShape, shapeSize, tooLarge, type Shape } from "./shape.js";
import { Tensor, type NestedArray } from "./tensor.js";
import { requiresGradOption, type TensorOptions } from "./tensor-options.js";

/**
 * Anything `tensor()` can read: a number, nested arrays of numbers, or a flat typed array / array.
 *
 * @example
 * ```ts
 * const data: TensorData = [[1, 2], [3, 4]];
 * tensor(data).shape; // → [2, 2]
 * ```
 */
export type TensorData = number | NestedArray | readonly NestedArray[] | ArrayLike<number>;

/**
 * A tensor from a number, nested arrays (shape inferred; ragged arrays throw), or flat data with an
 * explicit `shape`. Always copies. Pass `{ requiresGrad: true }` for a parameter.
 *
 * @example
 * ```ts
 * tensor([[1, 2], [3, 4]]).shape; // → [2, 2]
 * tensor(new Float64Array([1, 2, 3, 4, 5, 6]), [3, 2]).shape; // → [3, 2]
 * tensor([0.5, -1], { requiresGrad: true }).requiresGrad; // → true
 * ```
 */
export function tensor(data: TensorData, shape?: Shape | TensorOptions, options?: TensorOptions): Tensor {
  let explicitShape: Shape | undefined;
  let opts = options;
  if (Array.isArray(shape)) explicitShape = checkShape(shape, "tensor");
  else if (shape !== undefined && shape !== null) {
    if (typeof shape !== "object") {
      throw new TypeError(expected("tensor", "shape to be an array or options object", shape));
    }
    opts = shape as TensorOptions;
  }
  requiresGradOption(opts, "tensor");

  let values: Float64Array;
  let inferred: Shape;
  if (typeof data === "number") {
    values = Float64Array.of(data);
    inferred = [];
  } else if (ArrayBuffer.isView(data)) {
    if (data instanceof DataView || typeof (data as unknown as ArrayLike<number>).length !== "number") {
      throw new TypeError(expected("tensor", "data to be numbers or a numeric typed array", data));
    }
    values = Float64Array.from(data as ArrayLike<number>);
    inferred = [values.length];
  } else if (Array.isArray(data)) {
    ({ values, shape: inferred } = flattenNested(data));
  } else {
    throw new TypeError(expected("tensor", "data to be a number, nested arrays or a typed array", data));
  }

  if (explicitShape !== undefined) {
    if (shapeSize(explicitShape) !== values.length) {
      throw new RangeError(
        `tensor: shape ${formatShape(explicitShape)} holds ${shapeSize(explicitShape)} elements but data has ${values.length}`,
      );
    }
    return new Tensor(values, explicitShape, opts);
  }
  return new Tensor(values, inferred, opts);
}

/** Flatten nested arrays row-major, checking every level is rectangular and every leaf a number. */
function flattenNested(data: readonly NestedArray[]): { values: Float64Array; shape: Shape } {
  const shape: number[] = [];
  let level: unknown = data;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  // Lengths come from the first element of each level, so a ragged array may claim more than it holds.
  if (shapeSize(shape) > MAX_SIZE) throw tooLarge("tensor", shape, shapeSize(shape));
  const values = new Float64Array(shapeSize(shape));
  let next = 0;
  // Iterative walk: (array, depth, path) frames, children visited in order.
  const stack: { node: unknown; depth: number; path: string }[] = [{ node: data, depth: 0, path: "data" }];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (depth === shape.length) {
      if (typeof node !== "number") {
        throw new TypeError(expected("tensor", `a number at ${path}`, node));
      }
      values[next++] = node;
      continue;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new RangeError(
        `tensor: ragged nested array — expected ${path} to be an array of length ${shape[depth]}, got ${describe(node)}`,
      );
    }
    for (let i = node.length - 1; i >= 0; i--) {
      stack.push({ node: node[i] as unknown, depth: depth + 1, path: `${path}[${i}]` });
    }
  }
  return { values, shape };
}

/**
 * A 2-D tensor `(rows.length, rowLength)` from rows of numbers (arrays or typed arrays, e.g.
 * `Float64Array` views of a dataset). All rows must have the same length.
 *
 * @example
 * ```ts
 * fromRows([[1, 2], new Float64Array([3, 4])]).toArray(); // → [[1, 2], [3, 4]]
 * ```
 */
export function fromRows(rows: readonly ArrayLike<number>[], options?: TensorOptions): Tensor {
  const list: unknown = rows;
  if (!Array.isArray(list)) throw new TypeError(expected("fromRows", "an array of rows", list));
  if (rows.length === 0) throw new RangeError("fromRows: expected at least one row, got 0");
  requiresGradOption(options, "fromRows");
  const width = rows[0]?.length ?? 0;
  if (rows.length * width > MAX_SIZE) throw tooLarge("fromRows", [rows.length, width], rows.length * width);
  const values = new Float64Array(rows.length * width);
  for (let r = 0; r < rows.length; r++) {
    const row: unknown = rows[r];
    if (row === null || typeof row !== "object" || (row as ArrayLike<unknown>).length !== width) {
      throw new RangeError(expected("fromRows", `row ${r} to have length ${width}`, row));
    }
    for (let j = 0; j < width; j++) {
      const v = (row as ArrayLike<unknown>)[j];
      if (typeof v !== "number") {
        throw new TypeError(expected("fromRows", `a number at rows[${r}][${j}]`, v));
      }
      values[r * width + j] = v;
    }
  }
  return new Tensor(values, [rows.length, width], options);
}

/** A tensor of `shape` filled with `value`. @example `full([2], 7).toArray() // → [7, 7]` */
export function full(shape: Shape, value: number, options?: TensorOptions): Tensor {
  return filled("full", shape, value, options);
}

/** A tensor of zeros. @example `zeros([2, 3]).shape // → [2, 3]` */
export function zeros(shape: Shape, options?: TensorOptions): Tensor {
  return filled("zeros", shape, 0, options);
}

/** A tensor of ones. @example `ones([2]).toArray() // → [1, 1]` */
export function ones(shape: Shape, options?: TensorOptions): Tensor {
  return filled("ones", shape, 1, options);
}

function filled(fn: string, shape: Shape, value: number, options: TensorOptions | undefined): Tensor {
  const checked = checkShape(shape, fn);
  if (typeof value !== "number") throw new TypeError(expected(fn, "value to be a number", value));
  requiresGradOption(options, fn);
  return new Tensor(new Float64Array(shapeSize(checked)).fill(value), checked, options);
}

/**
 * `[start, start + step, …]` up to but excluding `stop` (PyTorch's `arange`); `arange(n)` is `0 … n−1`.
 *
 * @example
 * ```ts
 * arange(4).toArray(); // → [0, 1, 2, 3]
 * arange(1, 2, 0.25).toArray(); // → [1, 1.25, 1.5, 1.75]
 * ```
 */
export function arange(start: number, stop?: number, step = 1, options?: TensorOptions): Tensor {
  const [from, to] = stop === undefined ? [0, start] : [start, stop];
  for (const [name, v] of [
    ["start", from],
    ["stop", to],
    ["step", step],
  ] as const) {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new TypeError(expected("arange", `${name} to be a finite number`, v));
    }
  }
  if (step === 0) throw new RangeError("arange: step must not be 0");
  requiresGradOption(options, "arange");
  const n = Math.max(0, Math.ceil((to - from) / step));
  if (n > MAX_SIZE) throw tooManyElements("arange", `[${from}, ${to}) in steps of ${step}`, n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = from + i * step;
  return new Tensor(values, [n], options);
}

/**
 * Uniform draws in [0, 1) from `rng.random()`, in row-major order; without an `rng`, from the default
 * generator (`manualSeed` of `@neurogebra/random`, see `default-rng.ts`).
 *
 * @example
 * ```ts
 * rand([2, 2], rng).shape; // → [2, 2]
 * rand([2, 2], { requiresGrad: true }).requiresGrad; // → true  (drawn from the default generator)
 * ```
 */
export function rand(shape: Shape, rng?: Rng | TensorOptions | null, options?: TensorOptions): Tensor {
  [rng, options] = drawFrom("rand", rng, options);
  const checked = checkShape(shape, "rand");
  checkRng("rand", "rng", rng, ["random", "normal"]);
  requiresGradOption(options, "rand");
  const values = new Float64Array(shapeSize(checked));
  for (let i = 0; i < values.length; i++) values[i] = rng.random();
  return new Tensor(values, checked, options);
}

/**
 * Standard normal draws from `rng.normal()`, in row-major order; without an `rng`, from the default
 * generator (PyTorch's `torch.randn(3, 2)` after `torch.manual_seed`).
 *
 * @example
 * ```ts
 * // torch.manual_seed(0), from @neurogebra/random
 * manualSeed(0);
 * randn([3, 2]).shape; // → [3, 2]
 * randn([3], createRng(1)).shape; // → [3]  (an explicit rng wins)
 * ```
 */
export function randn(shape: Shape, rng?: Rng | TensorOptions | null, options?: TensorOptions): Tensor {
  [rng, options] = drawFrom("randn", rng, options);
  const checked = checkShape(shape, "randn");
  checkRng("randn", "rng", rng, ["random", "normal"]);
  requiresGradOption(options, "randn");
  const values = new Float64Array(shapeSize(checked));
  for (let i = 0; i < values.length; i++) values[i] = rng.normal();
  return new Tensor(values, checked, options);
}

/**
 * Uniform draws `low + (high − low)·u` with `u = rng.random()` (NumPy's and Python's formula), in
 * row-major order — e.g. PyTorch's `nn.Linear` init `uniform([out, in], -1/√in, 1/√in, rng)`. Without an
 * `rng`, from the default generator.
 *
 * @example
 * ```ts
 * uniform([16, 2], -0.5, 0.5, rng, { requiresGrad: true });
 * uniform([16, 2], -0.5, 0.5, { requiresGrad: true }).shape; // → [16, 2]  (from the default generator)
 * ```
 */
export function uniform(
  shape: Shape,
  low: number,
  high: number,
  rng?: Rng | TensorOptions | null,
  options?: TensorOptions,
): Tensor {
  [rng, options] = drawFrom("uniform", rng, options);
  const checked = checkShape(shape, "uniform");
  if (
    typeof low !== "number" ||
    typeof high !== "number" ||
    !Number.isFinite(low) ||
    !Number.isFinite(high)
  ) {
    throw new TypeError(
      `uniform: expected finite numbers low and high, got ${describe(low)} and ${describe(high)}`,
    );
  }
  checkRng("uniform", "rng", rng, ["random", "normal"]);
  requiresGradOption(options, "uniform");
  const values = new Float64Array(shapeSize(checked));
  for (let i = 0; i < values.length; i++) values[i] = low + (high - low) * rng.random();
  return new Tensor(values, checked, options);
}
