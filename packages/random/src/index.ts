export type { Rng } from "./rng.js";
export { createRng } from "./create-rng.js";
