export { SafetensorsError, fromSafetensors, readSafetensors, toSafetensors } from "./safetensors.js";
export type {
  SafetensorsDtype,
  SafetensorsErrorReason,
  SafetensorsTensor,
  ToSafetensorsOptions,
} from "./safetensors.js";
export { exportStateDict, loadExportedStateDict, modelLayers } from "./model-layers.js";
export type { ExportLayer, ExportableModel } from "./model-layers.js";
export { toOnnx } from "./onnx.js";
export type { ToOnnxOptions } from "./onnx.js";
export { toPyTorch } from "./pytorch-script.js";
export type { ToPyTorchOptions } from "./pytorch-script.js";
