/**
 * Weight initialisation, PyTorch's `torch.nn.init`: each function overwrites a tensor's values in place
 * (no graph is recorded, as under PyTorch's `no_grad`) and returns the tensor. The random ones take an
 * optional `{ rng }` and otherwise draw from the shared default generator (`manualSeed` of
 * `@neurogebra/random`), in row-major order. Scales follow PyTorch's formulas operation for operation,
 * so a bound or a standard deviation equals PyTorch's to the last bit:
 *
 * ```text
 * fan_in  = size(1) · receptive field,  fan_out = size(0) · receptive field   (receptive field = Π size(2…))
 * xavier:  std = gain · √(2 / (fan_in + fan_out)),  uniform bound = √3 · std
 * kaiming: std = gain / √fan,                        uniform bound = √3 · std
 * ```
 *
 * @example
 * ```ts
 * const w = zeros([16, 2]);
 * init.kaimingUniform(w, { nonlinearity: "relu" }); // U(−√6/√2, √6/√2)
 * init.zeros(layer.bias!);
 * ```
 */
import type { Tensor } from "@neurogebra/autograd";
import { defaultRng } from "@neurogebra/random";
import type { Rng } from "@neurogebra/random";

import { checkFinite, checkRng, describe, expected } from "@neurogebra/internal";
import { expectTensor } from "./expect-tensor.js";

/**
 * The nonlinearities `calculateGain` knows, under PyTorch's names.
 *
 * @example
 * ```ts
 * const nonlinearity: Nonlinearity = "tanh";
 * init.calculateGain(nonlinearity); // → 1.6666666666666667  (5/3)
 * ```
 */
export type Nonlinearity =
  | "linear"
  | "conv1d"
  | "conv2d"
  | "conv3d"
  | "conv_transpose1d"
  | "conv_transpose2d"
  | "conv_transpose3d"
  | "sigmoid"
  | "tanh"
  | "relu"
  | "leaky_relu"
  | "selu";

const GAIN_ONE: readonly string[] = [
  "linear",
  "conv1d",
  "conv2d",
  "conv3d",
  "conv_transpose1d",
  "conv_transpose2d",
  "conv_transpose3d",
  "sigmoid",
];

/**
 * Options of the random initialisers.
 *
 * @example
 * ```ts
 * const options: InitOptions = { rng: createRng(0) };
 * init.normal(zeros([2]), 0, 1, options).shape; // → [2]
 * ```
 */
export interface InitOptions {
  /** Where the values are drawn from; default: the shared default generator. */
  rng?: Rng;
}

/**
 * Options of {@link xavierUniform} and {@link xavierNormal}.
 *
 * @example
 * ```ts
 * const options: XavierOptions = { gain: init.calculateGain("tanh"), rng: createRng(0) };
 * init.xavierUniform(zeros([16, 2]), options).shape; // → [16, 2]
 * ```
 */
export interface XavierOptions extends InitOptions {
  /** Scaling factor (default 1; `calculateGain("tanh")` for tanh layers). */
  gain?: number;
}

/**
 * Options of {@link kaimingUniform} and {@link kaimingNormal}; the defaults are PyTorch's.
 *
 * @example
 * ```ts
 * const options: KaimingOptions = { nonlinearity: "relu", mode: "fan_in", rng: createRng(0) };
 * init.kaimingUniform(zeros([16, 2]), options).shape; // → [16, 2]
 * ```
 */
export interface KaimingOptions extends InitOptions {
  /** Negative slope of the rectifier after this layer, for `"leaky_relu"` (default 0). */
  a?: number;
  /** `"fan_in"` (default) keeps the forward pass's variance, `"fan_out"` the backward pass's. */
  mode?: "fan_in" | "fan_out";
  /** The nonlinearity after this layer (default `"leaky_relu"`, with slope `a`). */
  nonlinearity?: Nonlinearity;
}

/**
 * The recommended gain for a nonlinearity (PyTorch's `calculate_gain`): 1 for linear, convolutions and
 * sigmoid, 5/3 for tanh, √2 for relu, √(2 / (1 + slope²)) for leaky_relu (slope `param`, default 0.01),
 * 3/4 for selu.
 *
 * @example
 * ```ts
 * init.calculateGain("relu"); // → 1.4142135623730951
 * init.calculateGain("leaky_relu", 0.2); // → 1.3867504905630728  (√(2 / 1.04))
 * ```
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  if (GAIN_ONE.includes(nonlinearity)) return 1;
  switch (nonlinearity) {
    case "tanh":
      return 5.0 / 3;
    case "relu":
      return Math.sqrt(2.0);
    case "leaky_relu": {
      const slope = param ?? 0.01;
      if (typeof slope !== "number" || !Number.isFinite(slope)) {
        throw new TypeError(expected("calculateGain", "the negative slope to be a finite number", slope));
      }
      return Math.sqrt(2.0 / (1 + slope * slope));
    }
    case "selu":
      return 3.0 / 4;
    default:
      throw new RangeError(
        `calculateGain: expected a nonlinearity of ${[...GAIN_ONE, "tanh", "relu", "leaky_relu", "selu"].join(", ")}, ` +
          `got ${describe(nonlinearity)}`,
      );
  }
}

/**
 * `fan_in` and `fan_out` of a weight of shape `(out, in, …kernel)` (PyTorch's
 * `_calculate_fan_in_and_fan_out`): `in · Π kernel` and `out · Π kernel`. Needs at least 2 dimensions.
 *
 * @example
 * ```ts
 * init.calculateFanInAndFanOut(zeros([16, 2])); // → { fanIn: 2, fanOut: 16 }
 * init.calculateFanInAndFanOut(zeros([8, 3, 5, 5])); // → { fanIn: 75, fanOut: 200 }
 * ```
 */
export function calculateFanInAndFanOut(tensor: Tensor): { fanIn: number; fanOut: number } {
  return fans("calculateFanInAndFanOut", tensor);
}

function fans(fn: string, tensor: Tensor): { fanIn: number; fanOut: number } {
  expectTensor(fn, tensor, "tensor");
  if (tensor.ndim < 2) {
    throw new RangeError(
      `${fn}: expected a tensor of at least 2 dimensions to compute fan in and fan out, got shape (${tensor.shape.join(", ")})`,
    );
  }
  let receptiveField = 1;
  for (let d = 2; d < tensor.ndim; d++) receptiveField *= tensor.shape[d]!;
  return { fanIn: tensor.shape[1]! * receptiveField, fanOut: tensor.shape[0]! * receptiveField };
}

/**
 * Fill with U(low, high): `low + (high − low)·u` per element (PyTorch's `uniform_`).
 *
 * @example
 * ```ts
 * init.uniform(w, -0.1, 0.1, { rng: createRng(0) });
 * ```
 */
export function uniform(tensor: Tensor, low = 0, high = 1, options: InitOptions = {}): Tensor {
  return fillUniform(
    "uniform",
    tensor,
    checkFinite("uniform", "low", low),
    checkFinite("uniform", "high", high),
    options,
  );
}

/**
 * Fill with N(mean, std²): `mean + std·z` per element (PyTorch's `normal_`).
 *
 * @example
 * ```ts
 * init.normal(w, 0, 0.02);
 * ```
 */
export function normal(tensor: Tensor, mean = 0, std = 1, options: InitOptions = {}): Tensor {
  checkFinite("normal", "mean", mean);
  if (!(checkFinite("normal", "std", std) >= 0)) {
    throw new RangeError(expected("normal", "std to be ≥ 0", std));
  }
  return fillNormal("normal", tensor, mean, std, options);
}

/**
 * Fill with `value` (PyTorch's `constant_`).
 *
 * @example
 * ```ts
 * init.constant(layer.bias!, 0.1);
 * ```
 */
export function constant(tensor: Tensor, value: number): Tensor {
  expectTensor("constant", tensor, "tensor");
  if (typeof value !== "number") throw new TypeError(expected("constant", "value to be a number", value));
  tensor.data.fill(value);
  return tensor;
}

/** Fill with ones (PyTorch's `ones_`). @example `init.ones(bn.weight!)` */
export function ones(tensor: Tensor): Tensor {
  expectTensor("ones", tensor, "tensor");
  tensor.data.fill(1);
  return tensor;
}

/** Fill with zeros (PyTorch's `zeros_`). @example `init.zeros(layer.bias!)` */
export function zeros(tensor: Tensor): Tensor {
  expectTensor("zeros", tensor, "tensor");
  tensor.data.fill(0);
  return tensor;
}

/**
 * Fill a 2-D tensor with the identity: ones on the diagonal, zeros elsewhere (PyTorch's `eye_`).
 *
 * @example
 * ```ts
 * init.eye(zeros([2, 3])).toArray(); // → [[1, 0, 0], [0, 1, 0]]
 * ```
 */
export function eye(tensor: Tensor): Tensor {
  expectTensor("eye", tensor, "tensor");
  if (tensor.ndim !== 2) {
    throw new RangeError(`eye: expected a tensor of 2 dimensions, got shape (${tensor.shape.join(", ")})`);
  }
  const [rows, cols] = tensor.shape as [number, number];
  const data = tensor.data;
  data.fill(0);
  for (let i = 0; i < Math.min(rows, cols); i++) data[i * cols + i] = 1;
  return tensor;
}

/**
 * Xavier/Glorot uniform (PyTorch's `xavier_uniform_`): U(−a, a) with `a = √3 · gain · √(2 / (fan_in + fan_out))`.
 *
 * @example
 * ```ts
 * init.xavierUniform(w, { gain: init.calculateGain("tanh") });
 * ```
 */
export function xavierUniform(tensor: Tensor, options: XavierOptions = {}): Tensor {
  const std = xavierStd("xavierUniform", tensor, options);
  const a = Math.sqrt(3.0) * std;
  return fillUniform("xavierUniform", tensor, -a, a, options);
}

/**
 * Xavier/Glorot normal (PyTorch's `xavier_normal_`): N(0, std²) with `std = gain · √(2 / (fan_in + fan_out))`.
 *
 * @example
 * ```ts
 * init.xavierNormal(w);
 * ```
 */
export function xavierNormal(tensor: Tensor, options: XavierOptions = {}): Tensor {
  return fillNormal("xavierNormal", tensor, 0, xavierStd("xavierNormal", tensor, options), options);
}

/**
 * Kaiming/He uniform (PyTorch's `kaiming_uniform_`): U(−bound, bound) with `bound = √3 · gain / √fan`.
 * `nn.Linear`'s default weights are `kaimingUniform(w, { a: Math.sqrt(5) })`, a bound of 1/√fan_in.
 *
 * @example
 * ```ts
 * init.kaimingUniform(w, { mode: "fan_in", nonlinearity: "relu" });
 * ```
 */
export function kaimingUniform(tensor: Tensor, options: KaimingOptions = {}): Tensor {
  const std = kaimingStd("kaimingUniform", tensor, options);
  if (std === null) return tensor;
  const bound = Math.sqrt(3.0) * std;
  return fillUniform("kaimingUniform", tensor, -bound, bound, options);
}

/**
 * Kaiming/He normal (PyTorch's `kaiming_normal_`): N(0, std²) with `std = gain / √fan`.
 *
 * @example
 * ```ts
 * init.kaimingNormal(w, { mode: "fan_out", nonlinearity: "relu" });
 * ```
 */
export function kaimingNormal(tensor: Tensor, options: KaimingOptions = {}): Tensor {
  const std = kaimingStd("kaimingNormal", tensor, options);
  if (std === null) return tensor;
  return fillNormal("kaimingNormal", tensor, 0, std, options);
}

function checkOptions(fn: string, options: unknown): InitOptions {
  if (options === null || typeof options !== "object") {
    throw new TypeError(expected(fn, "an options object", options));
  }
  const rng = (options as InitOptions).rng as unknown;
  if (rng !== undefined) checkRng(fn, "options.rng", rng, ["uniform"]);
  return options;
}

function fillUniform(fn: string, tensor: Tensor, low: number, high: number, options: InitOptions): Tensor {
  expectTensor(fn, tensor, "tensor");
  const rng = checkOptions(fn, options).rng ?? defaultRng();
  const data = tensor.data;
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform(low, high);
  return tensor;
}

function fillNormal(fn: string, tensor: Tensor, mean: number, std: number, options: InitOptions): Tensor {
  expectTensor(fn, tensor, "tensor");
  const rng = checkOptions(fn, options).rng ?? defaultRng();
  const data = tensor.data;
  for (let i = 0; i < data.length; i++) data[i] = mean + std * rng.normal();
  return tensor;
}

function xavierStd(fn: string, tensor: Tensor, options: XavierOptions): number {
  const { gain = 1.0 } = checkOptions(fn, options) as XavierOptions;
  checkFinite(fn, "gain", gain);
  const { fanIn, fanOut } = fans(fn, tensor);
  return gain * Math.sqrt(2.0 / (fanIn + fanOut));
}

/** Kaiming's standard deviation, or `null` for a tensor without elements (PyTorch warns and skips it). */
function kaimingStd(fn: string, tensor: Tensor, options: KaimingOptions): number | null {
  expectTensor(fn, tensor, "tensor");
  const { a = 0, mode = "fan_in", nonlinearity = "leaky_relu" } = checkOptions(fn, options) as KaimingOptions;
  if (mode !== "fan_in" && mode !== "fan_out") {
    throw new RangeError(expected(fn, `mode to be "fan_in" or "fan_out"`, mode));
  }
  checkFinite(fn, "a", a);
  if (tensor.numel() === 0) return null;
  const { fanIn, fanOut } = fans(fn, tensor);
  const gain = calculateGain(nonlinearity, a);
  return gain / Math.sqrt(mode === "fan_in" ? fanIn : fanOut);
}
