import { currentDefaultRng, expected, installDefaultRng } from "@neurogebra/internal";

import { createRng } from "./create-rng.js";
import type { Rng } from "./rng.js";

/*
 * The process-wide default generator, PyTorch's `torch.manual_seed` / default generator for Neurogebra.
 *
 * It lives in one slot on `globalThis` (`Symbol.for("@neurogebra/default-rng")`) that every copy of every
 * package reads: this package writes it (`manualSeed`, `setDefaultRng`), autograd reads it. The slot
 * logic and the one fixed-seed fallback (xoshiro128**, installed by the first unseeded draw of any
 * package, so the stream does not depend on which package draws first) are shared helpers bundled into
 * both packages. Nothing is written on import.
 */

function isRng(x: unknown): x is Rng {
  if (x === null || typeof x !== "object") return false;
  const r = x as Partial<Record<keyof Rng, unknown>>;
  return (
    typeof r.random === "function" &&
    typeof r.normal === "function" &&
    typeof r.uniform === "function" &&
    typeof r.permutation === "function"
  );
}

/**
 * Seed the default generator (PyTorch's `torch.manual_seed`): every function of every Neurogebra package
 * that draws and was given no `rng` — `new Linear(2, 16)`, `randn([3, 2])`, `moons()`, `new Dropout(0.5)`
 * — draws from `createRng(seed)` from now on. An explicit `rng` option still wins. Returns the new
 * generator.
 *
 * @throws TypeError for a seed that is not a finite number or a string.
 * @example
 * ```ts
 * manualSeed(42);
 * defaultRng().random() === createRng(42).random(); // → true  (the default is now createRng(42))
 * // again: back to the stream's start, as torch.manual_seed does
 * manualSeed(42);
 * ```
 */
export function manualSeed(seed: number | string): Rng {
  if (!(typeof seed === "string" || (typeof seed === "number" && Number.isFinite(seed)))) {
    throw new TypeError(expected("manualSeed", "seed to be a finite number or a string", seed));
  }
  return installDefaultRng(createRng(seed));
}

/**
 * Make `rng` the default generator — any `Rng`, e.g. `new NumpyRandomState(42)` to draw as a program
 * that called `np.random.seed(42)`. Returns it.
 *
 * @throws TypeError when `rng` lacks one of `random`, `normal`, `uniform`, `permutation`.
 * @example
 * ```ts
 * setDefaultRng(new NumpyRandomState(42));
 * defaultRng().random(); // → 0.3745401188473625  (NumPy's first draw after np.random.seed(42))
 * ```
 */
export function setDefaultRng(rng: Rng): Rng {
  if (!isRng(rng)) {
    throw new TypeError(expected("setDefaultRng", "an Rng (random, normal, uniform, permutation)", rng));
  }
  return installDefaultRng(rng);
}

/**
 * The default generator (PyTorch's `torch.default_generator`): the one `manualSeed` or `setDefaultRng`
 * set last. When neither was called yet, the first call installs a fixed-seed fallback, so an unseeded
 * program draws the same numbers on every run; call `manualSeed` for a stream you choose.
 *
 * @throws TypeError when the slot holds something that is not an `Rng` (written by foreign code).
 * @example
 * ```ts
 * manualSeed(0);
 * const w = defaultRng().uniform(-1, 1); // the same number on every run
 * ```
 */
export function defaultRng(): Rng {
  const current = currentDefaultRng();
  if (!isRng(current)) {
    throw new TypeError(
      `${expected(
        "defaultRng",
        'the default generator (globalThis[Symbol.for("@neurogebra/default-rng")]) to be an Rng with ' +
          "random, normal, uniform and permutation",
        current,
      )}; call manualSeed(seed) to replace it`,
    );
  }
  return current;
}
