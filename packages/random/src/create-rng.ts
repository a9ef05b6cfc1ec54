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
    permutation: (n) => {
      if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) {
        throw new RangeError(`createRng().permutation: n must be an integer in [0, 2^31 - 1], received ${n}`);
      }
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = out[i]!;
        out[i] = out[j]!;
        out[j] = t;
      }
      return out;
    },
  };
}

/** Only the documented seed types: `String(seed)` of any object is "[object Object]". */
function checkSeed(seed: unknown): void {
  if (typeof seed === "string") return;
  if (typeof seed !== "number") {
    const got =
      seed === null
        ? "null"
        : Array.isArray(seed)
          ? "an array"
          : typeof seed === "object"
            ? "an object"
            : `a ${typeof seed}`;
    throw new TypeError(`createRng: seed must be a number or a string, received ${got}`);
  }
  if (!Number.isFinite(seed))
    throw new RangeError(`createRng: a number seed must be finite, received ${seed}`);
}
