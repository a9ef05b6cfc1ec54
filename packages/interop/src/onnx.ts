/**
 * ONNX export: the model as an ONNX `ModelProto` (a protobuf message) that ONNX Runtime and every other
 * ONNX engine runs. Field numbers are those of `onnx.proto` (cited beside each write).
 */
import { expected } from "@neurogebra/internal";

import type { ExportLayer, ExportableModel } from "./model-layers.js";
import { modelLayers } from "./model-layers.js";
import { ProtoWriter } from "./protobuf-writer.js";

/**
 * Options of {@link toOnnx}.
 *
 * @example
 * ```ts
 * const options: ToOnnxOptions = { dtype: "float32", opset: 17, softmax: true };
 * toOnnx(model, options) instanceof Uint8Array; // → true
 * ```
 */
export interface ToOnnxOptions {
  /**
   * The input's shape; a string (or null) is a dynamic dimension named so. Default `["batch", in]`:
   * any batch size, the first Linear's input features. Rank 2 or more; the last is the features.
   */
  inputShape?: readonly (number | string | null)[];
  /** Element type of the input, the weights and the output (default `"float64"`, our precision). */
  dtype?: "float32" | "float64";
  /** The ONNX operator set (default 17; 13 to 21). */
  opset?: number;
  /** Append `Softmax` over the last axis, so the model outputs probabilities (default false). */
  softmax?: boolean;
  /** `"gemm"`: one `Gemm` per Linear (rank-2 input only); `"matmul"`: `MatMul` + `Add`. Default `"gemm"` for rank 2. */
  linear?: "gemm" | "matmul";
  /** Names of the graph's input and output (default `"input"` and `"output"`). */
  inputName?: string;
  outputName?: string;
}

/** `TensorProto.DataType`: FLOAT = 1, DOUBLE = 11. */
const ELEM_TYPE = { float32: 1, float64: 11 } as const;

/** The IR version that goes with an opset (onnx's versioning table). */
function irVersion(opset: number): number {
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  return 10;
}

function initializer(
  w: ProtoWriter,
  name: string,
  dims: readonly number[],
  data: Float64Array,
  dtype: "float32" | "float64",
): void {
  // GraphProto.initializer = 5: TensorProto { dims = 1, data_type = 2, name = 8, raw_data = 9 }
  w.message(5, (t) => {
    for (const d of dims) t.int64(1, d);
    t.int64(2, ELEM_TYPE[dtype]);
    t.string(8, name);
    const size = dtype === "float64" ? 8 : 4;
    const raw = new Uint8Array(data.length * size);
    const view = new DataView(raw.buffer);
    for (let i = 0; i < data.length; i++) {
      if (size === 8) view.setFloat64(i * size, data[i]!, true);
      else view.setFloat32(i * size, data[i]!, true);
    }
    t.bytes(9, raw);
  });
}

type Attribute = { name: string; float: number } | { name: string; int: number };

function node(
  w: ProtoWriter,
  opType: string,
  inputs: string[],
  output: string,
  attributes: Attribute[] = [],
): void {
  // GraphProto.node = 1: NodeProto { input = 1, output = 2, name = 3, op_type = 4, attribute = 5 }
  w.message(1, (n) => {
    for (const input of inputs) n.string(1, input);
    n.string(2, output);
    n.string(3, `${opType}:${output}`);
    n.string(4, opType);
    for (const a of attributes) {
      // AttributeProto { name = 1, f = 2, i = 3, type = 20 (FLOAT = 1, INT = 2) }
      n.message(5, (at) => {
        at.string(1, a.name);
        if ("float" in a) at.float(2, a.float).int64(20, 1);
        else at.int64(3, a.int).int64(20, 2);
      });
    }
  });
}

function valueInfo(
  w: ProtoWriter,
  field: number,
  name: string,
  dims: readonly (number | string)[],
  dtype: "float32" | "float64",
): void {
  // ValueInfoProto { name = 1, type = 2 }; TypeProto { tensor_type = 1 }; Tensor { elem_type = 1, shape = 2 }
  // TensorShapeProto { dim = 1 }; Dimension { dim_value = 1, dim_param = 2 }
  w.message(field, (v) => {
    v.string(1, name);
    v.message(2, (type) =>
      type.message(1, (tensor) => {
        tensor.int64(1, ELEM_TYPE[dtype]);
        tensor.message(2, (shape) => {
          for (const d of dims)
            shape.message(1, (dim) => (typeof d === "number" ? dim.int64(1, d) : dim.string(2, d)));
        });
      }),
    );
  });
}

function checkOptions(layers: readonly ExportLayer[], options: ToOnnxOptions) {
  if (options === null || typeof options !== "object") {
    throw new TypeError(expected("toOnnx", "options { inputShape?, dtype?, opset?, … }", options));
  }
  const first = layers.find((l) => l.kind === "linear")!;
  const inputShape = options.inputShape ?? ["batch", first.inFeatures];
  const dims: readonly unknown[] = Array.isArray(inputShape) ? (inputShape as readonly unknown[]) : [];
  const okDim = (d: unknown) =>
    d === null || (typeof d === "string" && d !== "") || (Number.isSafeInteger(d) && (d as number) > 0);
  if (dims.length < 2 || !dims.every(okDim) || dims.at(-1) !== first.inFeatures) {
    throw new RangeError(
      expected(
        "toOnnx",
        `inputShape of rank ≥ 2 (positive sizes, or names for dynamic ones) ending in the model's ${first.inFeatures} input features`,
        inputShape,
      ),
    );
  }
  const dtype = options.dtype ?? "float64";
  if (dtype !== "float32" && dtype !== "float64") {
    throw new RangeError(expected("toOnnx", `dtype "float32" or "float64"`, dtype));
  }
  const opset = options.opset ?? 17;
  if (!Number.isInteger(opset) || opset < 13 || opset > 21) {
    throw new RangeError(expected("toOnnx", "opset to be an integer in [13, 21]", opset));
  }
  const linear = options.linear ?? (dims.length === 2 ? "gemm" : "matmul");
  if (linear !== "gemm" && linear !== "matmul") {
    throw new RangeError(expected("toOnnx", `linear "gemm" or "matmul"`, linear));
  }
  if (linear === "gemm" && dims.length !== 2) {
    throw new RangeError(
      `toOnnx: Gemm takes a rank-2 input, got inputShape ${JSON.stringify(inputShape)} (use linear: "matmul")`,
    );
  }
  const names = [options.inputName ?? "input", options.outputName ?? "output"];
  if (!names.every((n) => typeof n === "string" && n !== "") || names[0] === names[1]) {
    throw new RangeError(expected("toOnnx", "two different non-empty inputName and outputName", names));
  }
  return {
    dims: dims.map((d, i) => (d === null ? `dim${i}` : (d as number | string))),
    dtype,
    opset,
    linear,
    inputName: names[0]!,
    outputName: names[1]!,
    softmax: options.softmax === true,
  };
}

/**
 * Export `model` (a `Sequential` of `Linear`, `ReLU`, `Tanh`, `Sigmoid`, `LeakyReLU`, `Dropout`,
 * `BatchNorm1d`, `Softmax`, `LogSoftmax`, or the from-scratch `NeuralNetwork`) as an ONNX model for
 * inference, as PyTorch's exporter does in eval mode: each Linear a `Gemm` (`transB = 1`, the weight
 * stored `[out, in]` under its PyTorch name, e.g. `0.weight`) or a `MatMul` + `Add`; activations as `Relu`,
 * `Tanh`, `Sigmoid`, `LeakyRelu`; `Dropout` as `Identity`; `BatchNorm1d` with its running statistics (one
 * `BatchNormalization` in float32; `Sub`, `Div`, `Mul`, `Add` in float64, exact); `Softmax` /
 * `LogSoftmax` over their `dim`; optionally a final `Softmax`. The batch dimension is dynamic by default.
 * LeakyRelu's `alpha` is a float32 attribute in ONNX: in float64, a slope float32 cannot hold (0.01)
 * — or any slope below opset 16, where ONNX Runtime has no double LeakyRelu — is exported as
 * `Where(Greater(x, 0), x, Mul(x, slope))` instead, so the result stays exact.
 *
 * @example
 * ```ts
 * const bytes = toOnnx(model, { dtype: "float32", opset: 17, softmax: true });
 * writeFileSync("model.onnx", bytes);
 * // python: onnxruntime.InferenceSession("model.onnx").run(None, {"input": x})
 * ```
 */
export function toOnnx(model: ExportableModel, options: ToOnnxOptions = {}): Uint8Array {
  const layers = modelLayers(model, "toOnnx");
  const { dims, dtype, opset, linear, inputName, outputName, softmax } = checkOptions(layers, options);
  const graph = new ProtoWriter();
  let current = inputName;
  let features = layers.find((l) => l.kind === "linear")!.inFeatures;
  const steps = softmax ? [...layers, null] : layers;
  steps.forEach((layer, i) => {
    const output =
      i === steps.length - 1 ? outputName : `/${layer?.name ?? "softmax"}/${layer?.kind ?? "softmax"}`;
    if (layer === null) {
      node(graph, "Softmax", [current], output, [{ name: "axis", int: -1 }]);
    } else if (layer.kind === "linear") {
      const { name, inFeatures, outFeatures, weight, bias } = layer;
      if (linear === "gemm") {
        initializer(graph, `${name}.weight`, [outFeatures, inFeatures], weight, dtype);
        if (bias !== null) initializer(graph, `${name}.bias`, [outFeatures], bias, dtype);
        const inputs = [current, `${name}.weight`, ...(bias === null ? [] : [`${name}.bias`])];
        node(graph, "Gemm", inputs, output, [{ name: "transB", int: 1 }]);
      } else {
        const transposed = new Float64Array(weight.length);
        for (let r = 0; r < outFeatures; r++) {
          for (let c = 0; c < inFeatures; c++) transposed[c * outFeatures + r] = weight[r * inFeatures + c]!;
        }
        initializer(graph, `${name}.weight_transposed`, [inFeatures, outFeatures], transposed, dtype);
        if (bias === null) {
          node(graph, "MatMul", [current, `${name}.weight_transposed`], output);
        } else {
          const product = `/${name}/matmul`;
          node(graph, "MatMul", [current, `${name}.weight_transposed`], product);
          initializer(graph, `${name}.bias`, [outFeatures], bias, dtype);
          node(graph, "Add", [product, `${name}.bias`], output);
        }
      }
      features = outFeatures;
    } else if (layer.kind === "dropout") {
      node(graph, "Identity", [current], output); // inference: dropout passes x through
    } else if (layer.kind === "softmax" || layer.kind === "logSoftmax") {
      const op = layer.kind === "softmax" ? "Softmax" : "LogSoftmax";
      node(graph, op, [current], output, [{ name: "axis", int: layer.dim }]);
    } else if (layer.kind === "batchNorm1d") {
      batchNorm(graph, layer, current, output, dtype, dims.length);
    } else {
      if (
        layer.kind === "leakyRelu" &&
        dtype === "float64" &&
        (Math.fround(layer.negativeSlope) !== layer.negativeSlope || opset < 16)
      ) {
        // LeakyRelu's alpha is a float32 attribute (and ONNX Runtime runs LeakyRelu on doubles from
        // opset 16 on): spell out x > 0 ? x : slope·x with a float64 slope
        const { name, negativeSlope } = layer;
        initializer(graph, `/${name}/zero`, [], new Float64Array(1), dtype);
        initializer(graph, `/${name}/negative_slope`, [], Float64Array.of(negativeSlope), dtype);
        node(graph, "Greater", [current, `/${name}/zero`], `/${name}/positive`);
        node(graph, "Mul", [current, `/${name}/negative_slope`], `/${name}/scaled`);
        node(graph, "Where", [`/${name}/positive`, current, `/${name}/scaled`], output);
      } else {
        const op = { relu: "Relu", tanh: "Tanh", sigmoid: "Sigmoid", leakyRelu: "LeakyRelu" }[layer.kind];
        const attributes: Attribute[] =
          layer.kind === "leakyRelu" ? [{ name: "alpha", float: layer.negativeSlope }] : [];
        node(graph, op, [current], output, attributes);
      }
    }
    current = output;
  });
  graph.string(2, "neurogebra"); // GraphProto.name
  valueInfo(graph, 11, inputName, dims, dtype); // GraphProto.input
  valueInfo(graph, 12, outputName, [...dims.slice(0, -1), features], dtype); // GraphProto.output
  return assemble(irVersion(opset), opset, graph.finish());
}

/**
 * Inference-mode `BatchNorm1d`: `(x − running_mean) / sqrt(running_var + eps) · weight + bias`. In float32
 * one `BatchNormalization`; in float64 the same four steps as `Sub`, `Div`, `Mul`, `Add` with a float64
 * standard deviation, because ONNX holds `epsilon` as a float32 attribute (1e-5 is not a float32).
 */
function batchNorm(
  graph: ProtoWriter,
  layer: Extract<ExportLayer, { kind: "batchNorm1d" }>,
  current: string,
  output: string,
  dtype: "float32" | "float64",
  rank: number,
): void {
  const { name, numFeatures, eps, weight, bias, runningMean, runningVar } = layer;
  if (runningMean === null || runningVar === null) {
    throw new RangeError(
      `toOnnx: expected BatchNorm1d at index ${name} to track running statistics (inference uses them), got trackRunningStats: false`,
    );
  }
  if (rank !== 2) {
    throw new RangeError(
      `toOnnx: BatchNorm1d at index ${name} normalises dimension 1, the features only for a rank-2 input; got an input of rank ${rank}`,
    );
  }
  const c = [numFeatures];
  const scale = weight ?? new Float64Array(numFeatures).fill(1);
  const shift = bias ?? new Float64Array(numFeatures);
  initializer(graph, `${name}.running_mean`, c, runningMean, dtype);
  if (dtype === "float32") {
    initializer(graph, `${name}.weight`, c, scale, dtype);
    initializer(graph, `${name}.bias`, c, shift, dtype);
    initializer(graph, `${name}.running_var`, c, runningVar, dtype);
    const inputs = [current, `${name}.weight`, `${name}.bias`, `${name}.running_mean`, `${name}.running_var`];
    node(graph, "BatchNormalization", inputs, output, [{ name: "epsilon", float: eps }]);
    return;
  }
  const std = Float64Array.from(runningVar, (v) => Math.sqrt(v + eps));
  initializer(graph, `/${name}/running_std`, c, std, dtype);
  node(graph, "Sub", [current, `${name}.running_mean`], `/${name}/centered`);
  if (weight === null || bias === null) {
    node(graph, "Div", [`/${name}/centered`, `/${name}/running_std`], output);
    return;
  }
  initializer(graph, `${name}.weight`, c, weight, dtype);
  initializer(graph, `${name}.bias`, c, bias, dtype);
  node(graph, "Div", [`/${name}/centered`, `/${name}/running_std`], `/${name}/normalized`);
  node(graph, "Mul", [`/${name}/normalized`, `${name}.weight`], `/${name}/scaled`);
  node(graph, "Add", [`/${name}/scaled`, `${name}.bias`], output);
}

/** The ModelProto around a graph. */
function assemble(ir: number, opset: number, graph: Uint8Array): Uint8Array {
  return new ProtoWriter()
    .int64(1, ir) // ModelProto.ir_version
    .string(2, "@neurogebra/interop") // producer_name
    .bytes(7, graph) // graph
    .message(8, (o) => o.string(1, "").int64(2, opset)) // opset_import: OperatorSetIdProto { domain = 1, version = 2 }
    .finish();
}
