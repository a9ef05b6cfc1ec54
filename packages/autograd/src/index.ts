export { Value } from "./value.js";
export { dot, sum } from "./value-sums.js";
export type { BackwardOptions, ValueOp } from "./value.js";
export { zeroGrad } from "./zero-grad.js";
export type { ZeroGradable } from "./zero-grad.js";
export { topologicalOrder } from "./topological-order.js";
export { toDot } from "./to-dot.js";
export { toMermaid } from "./to-mermaid.js";
export type { GraphDrawingOptions } from "./node-text.js";
export { gradcheck } from "./gradcheck.js";
export type { GradcheckMismatch, GradcheckOptions, GradcheckReport } from "./gradcheck.js";
export { AnomalyError, detectAnomaly, isAnomalyEnabled, isGradEnabled, noGrad } from "./grad-mode.js";
export { Tensor } from "./tensor.js";
export type { NestedArray } from "./tensor.js";
export type { Indices } from "./tensor-ops/indexing.js";
export type { Reduction } from "./tensor-ops/cross-entropy.js";
export type { TensorOptions } from "./tensor-options.js";
export { SavedTensorModifiedError } from "./saved-tensor.js";
export { arange, fromRows, full, ones, rand, randn, tensor, uniform, zeros } from "./tensor-factories.js";
export type { TensorData } from "./tensor-factories.js";
export { linear, matmul, maximum, minimum, where } from "./tensor-functions.js";
export type { Rng } from "./rng.js";
export type { Shape } from "./shape.js";
/**
 * The package's tiny WebAssembly assembler (instructions, `assembleModule`, `instantiate`): how its
 * matrix-product kernel is written, and available to other packages for theirs (`@neurogebra/nn`'s
 * fused Adam). See `wasm-assembler.ts`.
 */
import * as wasm from "./wasm-assembler.js";

export { wasm };
