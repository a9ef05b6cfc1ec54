/**
 * The default generator of `rand`, `randn` and `uniform` when they are given no `rng`: the one
 * process-wide default every Neurogebra package shares (PyTorch's default generator). `manualSeed(seed)`
 * of `@neurogebra/random` fills the slot; this package, which has no dependencies, reads it through the
 * shared slot logic (bundled in), which also installs the one fixed-seed fallback when nothing was
 * seeded — the same stream whichever package draws first.
 */
import { currentDefaultRng, describe } from "@neurogebra/internal";

import type { Rng } from "./rng.js";

/**
 * The shared default generator; installs the fallback when the slot is empty.
 *
 * @example
 * ```ts
 * const rng = defaultRng("randn"); // what randn([3, 2]) draws from
 * ```
 */
export function defaultRng(fn: string): Rng {
  const current = currentDefaultRng();
  if (!canDraw(current)) {
    throw new TypeError(
      `${fn}: expected the default generator (globalThis[Symbol.for("@neurogebra/default-rng")]) to have ` +
        `random() and normal() methods, got ${describe(current)}; call manualSeed(seed) from ` +
        `@neurogebra/random or pass an rng`,
    );
  }
  return current;
}

function canDraw(x: unknown): x is Rng {
  if (x === null || typeof x !== "object") return false;
  const r = x as Partial<Record<keyof Rng, unknown>>;
  return typeof r.random === "function" && typeof r.normal === "function";
}

/**
 * The generator and the options of a random factory called as `f(shape, rng?, options?)` or
 * `f(shape, options)`: a missing (`undefined` or `null`) rng is the default generator, and an object
 * with neither `random` nor `normal` in the rng's place is the options (`randn([2], { requiresGrad: true })`).
 *
 * @example
 * ```ts
 * [rng, options] = drawFrom("randn", rng, options);
 * ```
 */
export function drawFrom<Options extends object>(
  fn: string,
  rng: Rng | Options | null | undefined,
  options: Options | undefined,
): [Rng, Options | undefined] {
  if (rng === undefined || rng === null) return [defaultRng(fn), options];
  if (typeof rng === "object" && !("random" in rng) && !("normal" in rng) && options === undefined) {
    return [defaultRng(fn), rng];
  }
  return [rng as Rng, options];
}
