import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { exportStateDict, modelLayers, toOnnx, toPyTorch, toSafetensors } from "@neurogebra/interop";
import type { NeuralNetwork, Sequential } from "@neurogebra/nn";

import type { TutorialOptions } from "./cli-options.js";
import type { LabelledData } from "./from-scratch-half.js";

/** What the run trained, for the export: the from-scratch network when it ran, else the framework one. */
export interface ExportRequest {
  model: NeuralNetwork | Sequential;
  /** "from-scratch network" or "framework network". */
  label: string;
  /** The training split, embedded in train_more.py so it trains on without a data file. */
  train: LabelledData;
  /** The recipe the run used, as train_more.py's defaults. */
  epochs: number;
  batchSize: number;
  lr: number;
  optimizer: "sgd" | "adam";
  /** String pairs stored in model.safetensors' `__metadata__`. */
  metadata: Record<string, string>;
}

/** The files written and the lines describing them. */
export interface ExportResult {
  files: string[];
  lines: string[];
}

/**
 * Writes `model.safetensors` (PyTorch's parameter names, float64), `model.onnx` (float64, opset 17,
 * dynamic batch) and `train_more.py` (the same `nn.Sequential`, DDP under torchrun) into `dir`.
 *
 * @example
 * ```ts
 * const { files, lines } = exportModel(dir, { model: net, label: "from-scratch network", … });
 * ```
 */
export function exportModel(dir: string, request: ExportRequest): ExportResult {
  const { model, train } = request;
  const state = exportStateDict(model);
  const weights = toSafetensors(state, { metadata: request.metadata });
  const onnx = toOnnx(model, { dtype: "float64", opset: 17 });
  const script = toPyTorch(model, {
    title: `The spiral tutorial's ${request.label}`,
    data: { X: train.X, y: train.y, nFeatures: 2 },
    epochs: request.epochs,
    batchSize: request.batchSize,
    lr: request.lr,
    optimizer: request.optimizer,
  });
  writeFileSync(join(dir, "model.safetensors"), weights);
  writeFileSync(join(dir, "model.onnx"), onnx);
  writeFileSync(join(dir, "train_more.py"), script);
  const layers = modelLayers(model)
    .map((layer) => {
      switch (layer.kind) {
        case "linear":
          return `Linear(${layer.inFeatures}, ${layer.outFeatures})`;
        case "leakyRelu":
          return `LeakyReLU(${layer.negativeSlope})`;
        default:
          return {
            relu: "ReLU",
            tanh: "Tanh",
            sigmoid: "Sigmoid",
            dropout: "Dropout",
            batchNorm1d: "BatchNorm1d",
            softmax: "Softmax",
            logSoftmax: "LogSoftmax",
          }[layer.kind];
      }
    })
    .join(" → ");
  const names = Object.entries(state)
    .map(([name, { shape }]) => `${name} [${shape.join(", ")}]`)
    .join(", ");
  const kb = (bytes: { length: number }) => `${(bytes.length / 1024).toFixed(1)} kB`.padStart(7);
  return {
    files: ["model.safetensors", "model.onnx", "train_more.py"],
    lines: [
      `The ${request.label} as PyTorch's nn.Sequential: ${layers}`,
      `  model.safetensors  ${kb(weights)}  float64 weights under PyTorch's names:`,
      `                              ${names}`,
      `  model.onnx         ${kb(onnx)}  float64, opset 17, any batch size (ONNX Runtime, …)`,
      `  train_more.py      ${kb(script)}  PyTorch only; the ${train.y.length} training points embedded`,
      "Train on in PyTorch (in the output folder):",
      `  python3 train_more.py train --epochs ${request.epochs}`,
      `  torchrun --standalone --nproc_per_node=2 train_more.py train   # DistributedDataParallel`,
      'and bring it back: loadExportedStateDict(model, fromSafetensors(readFileSync("trained.safetensors")))',
    ],
  };
}

/**
 * The export of a run: the from-scratch network when it ran (the tutorial's own, with its SGD recipe),
 * else the framework network (with Adam).
 *
 * @example
 * ```ts
 * const request = exportRequestFor(options, net, model, train);
 * ```
 */
export function exportRequestFor(
  options: TutorialOptions,
  net: NeuralNetwork | null,
  model: Sequential | null,
  train: LabelledData,
): ExportRequest {
  const metadata = {
    source: "@neurogebra/spiral-tutorial",
    seed: String(options.seed),
    epochs: String(options.epochs),
    rng: options.rng,
  };
  const common = { train, epochs: options.epochs, batchSize: options.batchSize };
  return net !== null
    ? { ...common, model: net, label: "from-scratch network", lr: options.lr, optimizer: "sgd", metadata }
    : {
        ...common,
        model: model!,
        label: "framework network",
        lr: options.adamLr,
        optimizer: "adam",
        metadata,
      };
}
