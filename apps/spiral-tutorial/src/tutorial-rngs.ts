import type { Rng } from "@neurogebra/random";
import { createRng, NumpyRandomState, PythonRandom } from "@neurogebra/random";

import type { RngMode } from "./cli-options.js";

/** The three random streams of the tutorial, one per role. */
export interface TutorialRngs {
  /** Spirals, train/test split, then the from-scratch half's per-epoch shuffles (`np.random`). */
  data: Rng;
  /** The from-scratch network's Xavier init (`random.seed`). */
  fromScratchInit: Rng;
  /** The framework network's init and its shuffles (`torch.manual_seed`'s role). */
  framework: Rng;
  /** One line saying where the numbers come from. */
  description: string;
}

/**
 * The generators a run uses. `numpy` reproduces the Python tutorial: `NumpyRandomState(seed)` is
 * `np.random.seed(seed)` (data, split, shuffles) and `PythonRandom(seed)` is `random.seed(seed)` (init).
 * torch's generator is not reproduced: the framework half draws from a seedrandom stream of its own
 * (`createRng("<seed>:framework")`), so `--only framework` gives the same numbers as a full run.
 * `seedrandom` uses the library default everywhere, one independent stream per role.
 *
 * @example
 * ```ts
 * const rngs = createTutorialRngs(42, "numpy");
 * rngs.data.permutation(5);
 * ```
 */
export function createTutorialRngs(seed: number, mode: RngMode): TutorialRngs {
  const framework = createRng(`${seed}:framework`);
  if (mode === "numpy") {
    return {
      data: new NumpyRandomState(seed),
      fromScratchInit: new PythonRandom(seed),
      framework,
      description:
        `NumPy RandomState(${seed}) for data, split and shuffles, CPython random(${seed}) for the ` +
        `from-scratch init — the Python tutorial's numbers; framework half: seedrandom("${seed}:framework")`,
    };
  }
  return {
    data: createRng(seed),
    fromScratchInit: createRng(`${seed}:from-scratch`),
    framework,
    description: `seedrandom: createRng(${seed}) for data, split and shuffles, "${seed}:from-scratch" and "${seed}:framework" for the inits`,
  };
}
