/**
 * `toPyTorch`: a self-contained Python script that rebuilds a model as `torch.nn.Sequential`, reads and
 * writes safetensors with nothing but `json`, `struct` and `torch.frombuffer`, and trains it further —
 * with `DistributedDataParallel` when `torchrun` launched it, a plain loop otherwise.
 */
import { expected } from "@neurogebra/internal";

import type { ExportLayer, ExportableModel } from "./model-layers.js";
import { modelLayers } from "./model-layers.js";
import { PYTHON_BODY } from "./pytorch-script-body.js";

/**
 * Options of {@link toPyTorch}; the training defaults are written into the script and overridable by flags.
 *
 * @example
 * ```ts
 * const options: ToPyTorchOptions = { epochs: 5, batchSize: 32, lr: 0.001, optimizer: "sgd" };
 * toPyTorch(model, options).startsWith("#"); // → true
 * ```
 */
export interface ToPyTorchOptions {
  /** The weights file the script loads, relative to the script's folder (default `"model.safetensors"`). */
  weightsFile?: string;
  /** Where `train` writes the trained weights, relative to the script's folder (default `"trained.safetensors"`). */
  outputFile?: string;
  /**
   * Training data to embed in the script (row-major `X` of `nFeatures` columns, class indices `y`), so
   * `python3 train_more.py train` needs no data file. Without it, `train` needs `--data`.
   */
  data?: { X: ArrayLike<number>; y: ArrayLike<number>; nFeatures: number };
  /** Default epochs of `train` (default 10). */
  epochs?: number;
  /** Default mini-batch size per process (default 16). */
  batchSize?: number;
  /** Default learning rate (default 0.01). */
  lr?: number;
  /** Default optimizer, `torch.optim.Adam` or `torch.optim.SGD` (default `"adam"`). */
  optimizer?: "adam" | "sgd";
  /** A first docstring line naming the model (default "A Neurogebra model"). */
  title?: string;
}

/** A Python expression for a number (`repr` and JSON agree on finite doubles: both round-trip exactly). */
function py(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(expected("toPyTorch", "finite numbers", x));
  return Number.isInteger(x) && Math.abs(x) < 1e16 ? `${x}.0` : String(x);
}

function layerLine(layer: ExportLayer): string {
  switch (layer.kind) {
    case "linear":
      return `nn.Linear(${layer.inFeatures}, ${layer.outFeatures}${layer.bias === null ? ", bias=False" : ""}),`;
    case "relu":
      return "nn.ReLU(),";
    case "tanh":
      return "nn.Tanh(),";
    case "sigmoid":
      return "nn.Sigmoid(),";
    case "leakyRelu":
      return `nn.LeakyReLU(negative_slope=${py(layer.negativeSlope)}),`;
    case "dropout":
      return `nn.Dropout(p=${py(layer.p)}),`;
    case "softmax":
      return `nn.Softmax(dim=${layer.dim}),`;
    case "logSoftmax":
      return `nn.LogSoftmax(dim=${layer.dim}),`;
    case "batchNorm1d": {
      const momentum = layer.momentum === null ? "None" : py(layer.momentum);
      const flags = `affine=${layer.weight === null ? "False" : "True"}, track_running_stats=${layer.runningMean === null ? "False" : "True"}`;
      return `nn.BatchNorm1d(${layer.numFeatures}, eps=${py(layer.eps)}, momentum=${momentum}, ${flags}),`;
    }
    default: {
      const never: never = layer;
      throw new TypeError(`toPyTorch: unknown layer ${JSON.stringify(never)}`);
    }
  }
}

function positive(name: string, value: unknown, integer: boolean): number {
  const ok =
    typeof value === "number" && Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value));
  if (!ok) {
    throw new RangeError(
      expected("toPyTorch", `${name} to be a ${integer ? "positive integer" : "finite number > 0"}`, value),
    );
  }
  return value;
}

function fileName(name: string, value: unknown): string {
  if (typeof value !== "string" || value === "" || /["\\\n\r]/.test(value)) {
    throw new RangeError(
      expected("toPyTorch", `${name} to be a file name without quotes, backslashes or newlines`, value),
    );
  }
  return value;
}

function embeddedData(data: ToPyTorchOptions["data"]): string {
  if (data === undefined) return "EMBEDDED_X = None\nEMBEDDED_Y = None";
  const { X, y, nFeatures } = data;
  positive("data.nFeatures", nFeatures, true);
  if (
    X?.length === undefined ||
    y?.length === undefined ||
    X.length !== y.length * nFeatures ||
    y.length === 0
  ) {
    throw new RangeError(
      `toPyTorch: expected data.X to hold data.y.length × nFeatures numbers, got ${X?.length} numbers for ${y?.length} labels of ${nFeatures} features`,
    );
  }
  const rows: string[] = [];
  for (let i = 0; i < y.length; i++) {
    rows.push(`    [${Array.from({ length: nFeatures }, (_, j) => py(X[i * nFeatures + j]!)).join(", ")}],`);
  }
  const labels = Array.from(y, (label) => {
    if (!Number.isInteger(label) || label < 0) {
      throw new RangeError(expected("toPyTorch", "data.y to hold class indices (integers ≥ 0)", label));
    }
    return String(label);
  });
  return `EMBEDDED_X = [\n${rows.join("\n")}\n]\nEMBEDDED_Y = [${labels.join(", ")}]`;
}

/**
 * A self-contained Python script (returned as a string) for the model: `build_model()` defines the same
 * `nn.Sequential` (parameter names as {@link exportStateDict} writes them), `load_safetensors` /
 * `save_safetensors` read and write the format with `json`, `struct` and `torch.frombuffer`, and three
 * commands run it:
 *
 * ```sh
 * python3 train_more.py forward --input x.safetensors --output y.safetensors   # tensor "input" → "output"
 * python3 train_more.py train --epochs 20                                      # a plain loop
 * torchrun --standalone --nproc_per_node=2 train_more.py train --epochs 20     # DistributedDataParallel
 * ```
 *
 * Under `torchrun` (which sets `RANK` and `WORLD_SIZE`) `train` joins a process group — NCCL with CUDA,
 * gloo on CPU — wraps the model in `DistributedDataParallel` and splits each epoch with a
 * `DistributedSampler`; rank 0 writes the trained weights as safetensors, which {@link fromSafetensors}
 * reads back. Cross-entropy loss, Adam or SGD.
 *
 * @example
 * ```ts
 * const { X, y } = generateSpirals({ rng: new NumpyRandomState(42) });
 * writeFileSync("model.safetensors", toSafetensors(exportStateDict(model)));
 * writeFileSync("train_more.py", toPyTorch(model, { data: { X, y, nFeatures: 2 }, epochs: 20 }));
 * ```
 */
export function toPyTorch(model: ExportableModel, options: ToPyTorchOptions = {}): string {
  if (options === null || typeof options !== "object") {
    throw new TypeError(expected("toPyTorch", "options { weightsFile?, data?, epochs?, … }", options));
  }
  const layers = modelLayers(model, "toPyTorch");
  const optimizer = options.optimizer ?? "adam";
  if (optimizer !== "adam" && optimizer !== "sgd") {
    throw new RangeError(expected("toPyTorch", `optimizer "adam" or "sgd"`, optimizer));
  }
  const title = (options.title ?? "A Neurogebra model").replace(/["\\\n\r]/g, " ");
  const settings = [
    `WEIGHTS = "${fileName("weightsFile", options.weightsFile ?? "model.safetensors")}"`,
    `TRAINED = "${fileName("outputFile", options.outputFile ?? "trained.safetensors")}"`,
    `EPOCHS = ${positive("epochs", options.epochs ?? 10, true)}`,
    `BATCH_SIZE = ${positive("batchSize", options.batchSize ?? 16, true)}`,
    `LR = ${py(positive("lr", options.lr ?? 0.01, false))}`,
    `OPTIMIZER = "${optimizer}"`,
  ].join("\n");
  return [
    "#!/usr/bin/env python3",
    `"""${title}, in PyTorch: generated by @neurogebra/interop.`,
    "",
    "Needs only PyTorch (weights travel as safetensors, read with json + torch.frombuffer).",
    "",
    "  python3 train_more.py forward --input x.safetensors --output y.safetensors",
    "  python3 train_more.py train --epochs 20",
    "  torchrun --standalone --nproc_per_node=2 train_more.py train --epochs 20",
    '"""',
    PYTHON_BODY.imports,
    settings,
    "",
    "",
    "def build_model():",
    '    """The same layers as the Neurogebra model, under the same parameter names."""',
    "    return nn.Sequential(",
    ...layers.map((layer) => `        ${layerLine(layer)}`),
    "    )",
    "",
    "",
    embeddedData(options.data),
    PYTHON_BODY.functions,
  ].join("\n");
}
