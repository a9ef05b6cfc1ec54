import { expected, fisherYatesPermutation } from "@neurogebra/internal";

import seedrandom from "seedrandom";

import { logCorrectlyRounded } from "./log-correctly-rounded.js";
import type { Rng } from "./rng.js";
import { cosCorrectlyRounded } from "./sin-cos-correctly-rounded.js";

/**
 * The library's default generator, backed by `seedrandom` (ARC4). Seed 0 is a seed like any other.
 * `normal()` is Box–Muller on two uniforms (one draw per call, nothing cached) with correctly rounded
 * `log` and `cos`, so every JavaScript engine draws the same bits (`Math.log`/`Math.cos` may differ in
 * the last bit between engines); `permutation(n)` is Fisher–Yates from the end with
 * `j = floor(random() * (i + 1))`.
 *
 * @throws TypeError for a seed that is neither a number nor a string (objects would all stringify
 * alike); RangeError for a non-finite number. A number and its string form give the same stream.
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.random(); // → 0.00701751618236155  (on every run)
 * ```
 */
export function createRng(seed: string | number = 0): Rng {
  checkSeed(seed);
  const prng = seedrandom(String(seed));
  const random = (): number => prng.double();
  return {
    random,
    normal: () => {
      // Box–Muller on two uniforms; 1 - u keeps log's argument in (0, 1]. sqrt, * and - are exact IEEE
      // operations everywhere; log and cos are rounded correctly, so the draw is the same in every engine.
      const u = 1 - random();
      const v = random();
      return Math.sqrt(-2 * logCorrectlyRounded(u)) * cosCorrectlyRounded(2 * Math.PI * v);
    },
    uniform: (low, high) => low + (high - low) * random(),
    permutation: (n) => fisherYatesPermutation("createRng().permutation", n, random),
  };
}

/** Only the documented seed types: `String(seed)` of any object is "[object Object]". */
function checkSeed(seed: unknown): void {
  if (typeof seed === "string") return;
  if (typeof seed !== "number") {
    throw new TypeError(expected("createRng", "seed to be a number or a string", seed));
  }
  if (!Number.isFinite(seed)) throw new RangeError(expected("createRng", "a number seed to be finite", seed));
}
