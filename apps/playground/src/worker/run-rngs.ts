import { NumpyRandomState, PythonRandom, createRng } from "@neurogebra/random";
import type { Rng } from "@neurogebra/random";

import type { RngMode } from "../lib/settings.js";

/** The random streams of a run, one per role — the same as `pnpm demo --rng <mode>` uses. */
export interface RunRngs {
  /** Data, train/test split, then the from-scratch engine's per-epoch shuffles (`np.random`). */
  data: Rng;
  /** The from-scratch network's init (`random.seed`). */
  scratchInit: Rng;
  /** The framework network's init and its shuffles. */
  framework: Rng;
}

/**
 * The generators of a run. `numpy`: `NumpyRandomState(seed)` is the tutorial's `np.random.seed(seed)`,
 * `PythonRandom(seed)` its `random.seed(seed)`; the framework engine draws from `createRng("<seed>:framework")`.
 * `seedrandom`: the library default everywhere, one stream per role. Every draw is engine-independent.
 *
 * @example
 * ```ts
 * const rngs = createRunRngs(42, "numpy");
 * ```
 */
export function createRunRngs(seed: number, mode: RngMode): RunRngs {
  const framework = createRng(`${seed}:framework`);
  if (mode === "numpy") {
    return { data: new NumpyRandomState(seed), scratchInit: new PythonRandom(seed), framework };
  }
  return { data: createRng(seed), scratchInit: createRng(`${seed}:from-scratch`), framework };
}
