import seedrandom from "seedrandom";

import type { Rng } from "./rng.js";

/**
 * The library's default generator, backed by `seedrandom` (ARC4). Seed 0 is a seed like any other.
 *
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.random(); // same value on every run
 * ```
 */
export function createRng(seed: string | number = 0): Rng {
  const prng = seedrandom(String(seed));
  return {
    random: () => prng.double(),
    normal: () => {
      // Box–Muller on two uniforms; 1 - u keeps log's argument in (0, 1].
      const u = 1 - prng.double();
      const v = prng.double();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
