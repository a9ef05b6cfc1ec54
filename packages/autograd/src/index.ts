export { Value, dot, sum } from "./value.js";
export type { ValueOp } from "./value.js";
export { zeroGrad } from "./zero-grad.js";
export type { ZeroGradable } from "./zero-grad.js";
export { AnomalyError, detectAnomaly, isAnomalyEnabled, isGradEnabled, noGrad } from "./grad-mode.js";
