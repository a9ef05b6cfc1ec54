/**
 * Adam's update again, in WebAssembly with 128-bit SIMD: two weights per instruction, each lane rounded
 * exactly like the scalar operation of the JavaScript loop in `adam.ts` — same operations, same order,
 * no fused multiply-add — so the trajectories are identical to the last bit, and `adam.ts` stays the
 * readable reference. What it buys is the square root and two divisions per weight, which bound the
 * JavaScript loop (about half their cost; numbers in bench/README.md, History).
 *
 * The moments live in WebAssembly memory for the optimizer's whole life, in a region of an instance
 * shared by every optimizer with the same options (see `Shared` below); each step copies the weights and
 * gradients in, side by side, updates them in one call and copies the weights back. Written with
 * the shared assembler (`@neurogebra/internal/wasm-assembler`), one module per combination of options, each function
 * reading like its `.wat`.
 */
import * as wasm from "@neurogebra/internal/wasm-assembler";

const {
  F64,
  I32,
  V128,
  add32,
  assembleModule,
  f64Add,
  f64Div,
  f64Load,
  f64Max,
  f64Mul,
  f64Neg,
  f64Sqrt,
  f64Store,
  f64x2Add,
  f64x2Div,
  f64x2Max,
  f64x2Mul,
  f64x2Neg,
  f64x2Splat,
  f64x2Sqrt,
  ge32,
  i32,
  instantiate,
  lt32,
  shl32,
  v128Load,
  v128Store,
  when,
  whileNot,
} = wasm;

/** Which form of the update runs; each combination is its own function, without run-time branches. */
export interface AdamVariant {
  /** Ascend: the gradient's sign is flipped first. */
  readonly maximize: boolean;
  /** Adam's L2 penalty: `g = g + weightDecay·w`. */
  readonly l2: boolean;
  /** AdamW's decoupled decay: `w = w · (1 − lr·weightDecay)`. */
  readonly decoupled: boolean;
  /** AMSGrad: the running maximum of the second moments. */
  readonly amsgrad: boolean;
}

/**
 * The numbers of one update, computed in JavaScript as the loop computes them: `[β1, β2, −lr / (1 − β1^t),
 * √(1 − β2^t), eps, weightDecay, 1 − lr·weightDecay]`.
 */
export type AdamStepConstants = readonly [
  beta1: number,
  beta2: number,
  negativeStepSize: number,
  biasCorrection2Sqrt: number,
  eps: number,
  weightDecay: number,
  decay: number,
];

/** The f64 parameters of `update`, in order; the body splats each into a v128 local named with a `2`. */
const F64_PARAMS = ["beta1", "c1", "beta2", "c2", "step", "bc2", "eps", "wd", "decay"] as const;

/**
 * The update's body over `count` weights: two at a time in f64x2 lanes, an odd last one in f64. Per
 * weight, as `adam.ts`: g (negated to maximize) [+ wd·w], w [· decay], m = m·β1 + (1−β1)·g,
 * v = v·β2 + ((1−β2)·g)·g [v̂ = max(v̂, v)], w = w + (−stepSize·m) / (√v̂ / √(1−β2^t) + eps).
 */
function updateBody(variant: AdamVariant): (f: wasm.Locals) => wasm.Code[] {
  return ({ get, set }) => {
    /** The formula over one lane shape: vectors (`x2`) or scalars. */
    const update = (x2: boolean, at: wasm.Code): wasm.Code[] => {
      const load = (base: string) => (x2 ? v128Load : f64Load)(add32(get(base), at));
      const store = (base: string, value: wasm.Code) =>
        (x2 ? v128Store : f64Store)(add32(get(base), at), value);
      const add = x2 ? f64x2Add : f64Add;
      const mul = x2 ? f64x2Mul : f64Mul;
      const div = x2 ? f64x2Div : f64Div;
      const c = (name: string) => get(x2 ? `${name}2` : name); // a constant, splat or scalar
      const [g, w, m, v] = x2 ? ["G", "W", "M", "V"] : ["g1", "w1", "m1", "v1"];
      const code: wasm.Code[] = [set(g, variant.maximize ? (x2 ? f64x2Neg : f64Neg)(load("g")) : load("g"))];
      code.push(set(w, load("w")));
      if (variant.decoupled) code.push(set(w, mul(get(w), c("decay"))));
      else if (variant.l2) code.push(set(g, add(get(g), mul(c("wd"), get(w)))));
      code.push(set(m, add(mul(load("m"), c("beta1")), mul(c("c1"), get(g)))), store("m", get(m)));
      code.push(
        set(v, add(mul(load("v"), c("beta2")), mul(mul(c("c2"), get(g)), get(g)))),
        store("v", get(v)),
      );
      if (variant.amsgrad)
        code.push(set(v, (x2 ? f64x2Max : f64Max)(load("vmax"), get(v))), store("vmax", get(v)));
      const denominator = add(div((x2 ? f64x2Sqrt : f64Sqrt)(get(v)), c("bc2")), c("eps"));
      code.push(store("w", add(get(w), div(mul(c("step"), get(m)), denominator))));
      return code;
    };
    return [
      ...F64_PARAMS.map((name) => set(`${name}2`, f64x2Splat(get(name)))),
      set("end", shl32(get("count"), i32(3))), // in bytes
      set("at", i32(0)),
      whileNot(
        ge32(add32(get("at"), i32(8)), get("end")),
        ...update(true, get("at")),
        set("at", add32(get("at"), i32(16))),
      ),
      when(lt32(get("at"), get("end")), ...update(false, get("at"))),
    ];
  };
}

/** The module of one variant: `update(w, g, m, v, vmax, count, β1, 1−β1, β2, 1−β2, −stepSize, √bc2, eps, wd, decay)`. */
function moduleBytes(variant: AdamVariant): Uint8Array {
  const ints = (...names: string[]) => names.map((name): [string, typeof I32] => [name, I32]);
  return assembleModule([
    {
      name: "update",
      params: [
        ...ints("w", "g", "m", "v", "vmax", "count"),
        ...F64_PARAMS.map((n): [string, typeof F64] => [n, F64]),
      ],
      results: [],
      locals: [
        ...ints("end", "at"),
        ...["g1", "w1", "m1", "v1"].map((n): [string, typeof F64] => [n, F64]),
        ...["G", "W", "M", "V", ...F64_PARAMS.map((n) => `${n}2`)].map((n): [string, typeof V128] => [
          n,
          V128,
        ]),
      ],
      body: updateBody(variant),
    },
  ]);
}

type Update = (
  w: number,
  g: number,
  m: number,
  v: number,
  vmax: number,
  count: number,
  beta1: number,
  c1: number,
  beta2: number,
  c2: number,
  step: number,
  bc2: number,
  eps: number,
  wd: number,
  decay: number,
) => void;

/** Largest memory the kernels of one variant may take together (1 GB); beyond, JavaScript runs. */
const MEMORY_LIMIT = 1 << 30;

/**
 * One instance per variant, shared by every optimizer of that variant: V8 calls a new instance's
 * functions through a slow generic wrapper for their first calls, which an optimizer per training run
 * would pay every time. Its memory holds each optimizer's region (moments
 * and staging), allocated first-fit, grown when full, and handed back when the optimizer is collected.
 */
interface Shared {
  readonly update: Update;
  readonly memory: wasm.WasmMemory;
  /** A view of all of `memory`, renewed when it grows (growing detaches the old one). */
  heap: Float64Array;
  /** End of the highest region (elements). */
  top: number;
  /** Regions given back: `[start, length]`. */
  readonly free: [number, number][];
}

const instances = new Map<string, Shared | null>();

function sharedInstance(variant: AdamVariant): Shared | null {
  const key = `${+variant.maximize}${+variant.l2}${+variant.decoupled}${+variant.amsgrad}`;
  let shared = instances.get(key);
  if (shared === undefined) {
    const instance = instantiate(moduleBytes(variant));
    shared =
      instance === null
        ? null
        : {
            update: instance.exports["update"] as Update,
            memory: instance.memory,
            heap: new Float64Array(instance.memory.buffer),
            top: 0,
            free: [],
          };
    instances.set(key, shared);
  }
  return shared;
}

/** A zeroed region of `length` elements in `shared`'s memory (its start), or -1 past the limit. */
function allocateRegion(shared: Shared, length: number): number {
  const { free } = shared;
  for (let i = 0; i < free.length; i++) {
    const [start, available] = free[i]!;
    if (available < length) continue;
    if (available === length) free.splice(i, 1);
    else free[i] = [start + length, available - length];
    shared.heap.fill(0, start, start + length);
    return start;
  }
  const start = shared.top;
  const bytes = (start + length) * 8;
  if (bytes > MEMORY_LIMIT) return -1;
  if (bytes > shared.memory.buffer.byteLength) {
    shared.memory.grow(Math.ceil((bytes - shared.memory.buffer.byteLength) / 65536));
    shared.heap = new Float64Array(shared.memory.buffer);
  }
  shared.top = start + length;
  shared.heap.fill(0, start, start + length); // below an old top it may hold a collected optimizer's state
  return start;
}

/** Gives an optimizer's region back once the optimizer (its kernel) has been collected. */
const regions = new FinalizationRegistry<{ shared: Shared; start: number; length: number }>(
  ({ shared, start, length }) => {
    if (start + length === shared.top) shared.top = start;
    else shared.free.push([start, length]);
  },
);

/** A tensor parameter as the kernel reads it: its weights and, for a step, its gradient. */
export interface StagedParameter {
  readonly data: Float64Array;
  readonly grad: { readonly data: Float64Array } | null;
}

/**
 * Adam's moments in WebAssembly memory and the fused update over them. Create with
 * {@link AdamKernel.create}, which returns null where WebAssembly SIMD is missing.
 *
 * Every parameter has a place in the staging area at its offset, like its moments, so the weights and
 * gradients of all parameters can be copied in side by side and updated by one call (cheaper than a
 * call per parameter).
 */
export class AdamKernel {
  readonly #shared: Shared;
  readonly #size: number;
  readonly #amsgrad: boolean;
  /** Where each parameter's scalars start, in the moments as in the staging area (elements). */
  readonly #offsets: readonly number[];
  /** Where the moments (m, v, v̂) and the staged weights and gradients start (elements). */
  readonly #mAt: number;
  readonly #vAt: number;
  readonly #vMaxAt: number;
  readonly #wAt: number;
  readonly #gAt: number;
  /** The heap the views below were cut from; they are cut again after the memory grows. */
  #viewsOf: Float64Array | null = null;
  #moments: [Float64Array, Float64Array, Float64Array] = [
    new Float64Array(0),
    new Float64Array(0),
    new Float64Array(0),
  ];
  /** Each parameter's staged weights, to copy them back without cutting a view per step. */
  #staged: Float64Array[] = [];

  private constructor(shared: Shared, start: number, sizes: readonly number[], amsgrad: boolean) {
    let size = 0;
    this.#offsets = sizes.map((n) => (size += n) - n);
    this.#shared = shared;
    this.#size = size;
    this.#amsgrad = amsgrad;
    this.#mAt = start;
    this.#vAt = start + size;
    this.#vMaxAt = start + 2 * size;
    this.#wAt = this.#vMaxAt + (amsgrad ? size : 0);
    this.#gAt = this.#wAt + size;
  }

  /**
   * A kernel for parameters of `sizes` scalars each (in order, a `Value` counting 1); null without
   * WebAssembly SIMD or past the memory limit.
   */
  static create(sizes: readonly number[], variant: AdamVariant): AdamKernel | null {
    const shared = sharedInstance(variant);
    if (shared === null) return null;
    const size = sizes.reduce((total, n) => total + n, 0);
    const length = (variant.amsgrad ? 5 : 4) * size;
    const start = allocateRegion(shared, length);
    if (start < 0) return null;
    const kernel = new AdamKernel(shared, start, sizes, variant.amsgrad);
    regions.register(kernel, { shared, start, length });
    return kernel;
  }

  /** The first moments, second moments and AMSGrad maxima (empty without AMSGrad), one per scalar. */
  moments(): [m: Float64Array, v: Float64Array, vMax: Float64Array] {
    const heap = this.#shared.heap;
    if (this.#viewsOf !== heap) {
      const size = this.#size;
      this.#moments = [
        heap.subarray(this.#mAt, this.#mAt + size),
        heap.subarray(this.#vAt, this.#vAt + size),
        heap.subarray(this.#vMaxAt, this.#vMaxAt + (this.#amsgrad ? size : 0)),
      ];
      const offsets = this.#offsets;
      this.#staged = offsets.map((at, i) =>
        heap.subarray(this.#wAt + at, this.#wAt + (offsets[i + 1] ?? size)),
      );
      this.#viewsOf = heap;
    }
    return this.#moments;
  }

  /** Update parameter `index` (`weights`, gradient `grads`) in place with the step's constants. */
  update(index: number, weights: Float64Array, grads: Float64Array, k: AdamStepConstants): void {
    this.moments(); // renews the views if the memory grew
    const at = this.#offsets[index]!;
    const heap = this.#shared.heap;
    heap.set(weights, this.#wAt + at);
    heap.set(grads, this.#gAt + at);
    this.#run(at, weights.length, k);
    weights.set(this.#staged[index]!);
  }

  /**
   * Update every parameter in place with one call of the kernel: `params` are the kernel's parameters, in
   * order, all tensors with a gradient of their own size and at the same step.
   */
  updateAll(params: readonly StagedParameter[], k: AdamStepConstants): void {
    this.moments();
    const heap = this.#shared.heap;
    const offsets = this.#offsets;
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      heap.set(p.data, this.#wAt + offsets[i]!);
      heap.set(p.grad!.data, this.#gAt + offsets[i]!);
    }
    this.#run(0, this.#size, k);
    const staged = this.#staged;
    for (let i = 0; i < params.length; i++) params[i]!.data.set(staged[i]!);
  }

  /** The kernel over the staged scalars `at … at + count − 1` and their moments. */
  #run(at: number, count: number, k: AdamStepConstants): void {
    const [beta1, beta2, negativeStepSize, biasCorrection2Sqrt, eps, weightDecay, decay] = k;
    this.#shared.update(
      (this.#wAt + at) * 8,
      (this.#gAt + at) * 8,
      (this.#mAt + at) * 8,
      (this.#vAt + at) * 8,
      (this.#vMaxAt + at) * 8,
      count,
      beta1,
      1 - beta1,
      beta2,
      1 - beta2,
      negativeStepSize,
      biasCorrection2Sqrt,
      eps,
      weightDecay,
      decay,
    );
  }
}
