export type { Rng } from "./rng.js";
export { createRng } from "./create-rng.js";
export { defaultRng, manualSeed, setDefaultRng } from "./default-rng.js";
export { Mt19937 } from "./mt19937.js";
export { NumpyRandomState } from "./numpy-random-state.js";
export type { NumpySeed } from "./numpy-random-state.js";
export { PythonRandom } from "./python-random.js";
export { logCorrectlyRounded } from "./log-correctly-rounded.js";
export { cosCorrectlyRounded, sinCorrectlyRounded } from "./sin-cos-correctly-rounded.js";
