export { Value } from "./value.js";
export { AnomalyError, detectAnomaly, isAnomalyEnabled, isGradEnabled, noGrad } from "./grad-mode.js";
