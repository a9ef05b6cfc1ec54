import { createRng } from "./create-rng.js";
import type { Rng } from "./rng.js";

/*
 * The process-wide default generator, PyTorch's `torch.manual_seed` / default generator for Neurogebra.
 *
 * The packages are separate bundles, and an ESM and a CommonJS copy of one package can be loaded in the
 * same process, so a module-level variable would be one generator per copy. The default therefore lives
 * in one slot on `globalThis`, under the registered symbol `Symbol.for("@neurogebra/default-rng")`, which
 * every copy of every package reads: `@neurogebra/random` writes it (`manualSeed`, `setDefaultRng`), and
 * `@neurogebra/autograd` (no dependencies) reads it by the same key. The slot holds an `Rng`.
 *
 * Nothing is written on import: the slot is filled by `manualSeed`/`setDefaultRng`, or at the first draw
 * that needs a default (then with a fixed-seed fallback, so an unseeded program draws the same numbers
 * on every run, as PyTorch's default seed gives).
 */

/** The registered symbol of the slot (shared by every copy of every Neurogebra package). */
const SLOT = Symbol.for("@neurogebra/default-rng");

/** The seed of the fallback made by this package when a draw needs a default and none was set. */
const FALLBACK_SEED = "neurogebra-default";

type Slot = { [SLOT]?: unknown };

function install(rng: Rng): Rng {
  Object.defineProperty(globalThis, SLOT, {
    value: rng,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return rng;
}

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

function describeSeed(seed: unknown): string {
  if (seed === null) return "null";
  if (typeof seed === "string") return `the string ${JSON.stringify(seed)}`;
  if (typeof seed === "number" || typeof seed === "bigint" || typeof seed === "boolean") {
    return `${typeof seed} ${String(seed)}`;
  }
  return typeof seed === "object" ? "an object" : typeof seed;
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
    throw new TypeError(
      `manualSeed: expected seed to be a finite number or a string, got ${describeSeed(seed)}`,
    );
  }
  return install(createRng(seed));
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
    throw new TypeError(
      `setDefaultRng: expected an Rng (random, normal, uniform, permutation), got ${describeSeed(rng)}`,
    );
  }
  return install(rng);
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
  const current = (globalThis as Slot)[SLOT];
  if (current === undefined) return install(createRng(FALLBACK_SEED));
  if (!isRng(current)) {
    throw new TypeError(
      'defaultRng: the default generator (globalThis[Symbol.for("@neurogebra/default-rng")]) is not an Rng ' +
        "with random, normal, uniform and permutation; call manualSeed(seed) to replace it",
    );
  }
  return current;
}
