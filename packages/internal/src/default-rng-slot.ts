/**
 * The process-wide default generator (PyTorch's default generator), one slot shared by every package.
 *
 * The packages are separate bundles, and an ESM and a CommonJS copy of one package can be loaded in the
 * same process, so a module-level variable would be one generator per copy. The default lives in one
 * slot on `globalThis` under the registered symbol `Symbol.for("@neurogebra/default-rng")`, which every
 * copy of every package reads. `@neurogebra/random` owns the generators and writes the slot
 * (`manualSeed`, `setDefaultRng`); `@neurogebra/autograd`, which has no dependencies, reads it here.
 *
 * When nothing was seeded, the first draw that needs a default installs ONE fallback, whichever package
 * draws first: xoshiro128** 1.1 (Blackman & Vigna) from a fixed state, with the methods of `random`'s
 * `Rng` (Box–Muller `normal`, `uniform`, Fisher–Yates `permutation`). It lives here, bundled into both
 * packages, because autograd cannot import `@neurogebra/random`'s seedrandom at run time; an unseeded
 * program thus draws the same numbers on every run whichever package draws first
 * (`fixtures/generate-default-rng.py` computes the stream in Python). Nothing is written on import.
 */
import { fisherYatesPermutation } from "./permutation.js";

/** The registered symbol of the slot (one key for every copy of every package). */
export const DEFAULT_RNG_SLOT = Symbol.for("@neurogebra/default-rng");

/** What the fallback provides: `random`'s `Rng` contract. */
export interface FallbackRng {
  random(): number;
  normal(): number;
  uniform(low: number, high: number): number;
  permutation(n: number): Int32Array;
}

type Slot = { [DEFAULT_RNG_SLOT]?: unknown };

/** Put `rng` in the slot (not enumerable, replaceable); returns it. */
export function installDefaultRng<R>(rng: R): R {
  Object.defineProperty(globalThis, DEFAULT_RNG_SLOT, { value: rng, writable: true, configurable: true });
  return rng;
}

/**
 * What the slot holds — unchecked, callers check the methods they need — after installing the fallback
 * when it was empty.
 *
 * @example
 * ```ts
 * const rng = currentDefaultRng(); // the fallback on an unseeded first call
 * ```
 */
export function currentDefaultRng(): unknown {
  const current = (globalThis as Slot)[DEFAULT_RNG_SLOT];
  return current === undefined ? installDefaultRng(fallbackRng()) : current;
}

/** `rotl(x, k)` on 32 bits. */
const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/**
 * xoshiro128** 1.1 started from the state SplitMix64(0) gives (its first two outputs, low word first);
 * a fresh generator at the start of the stream on every call.
 */
export function fallbackRng(): FallbackRng {
  let s0 = 0x7b1dcdaf | 0;
  let s1 = 0xe220a839 | 0;
  let s2 = 0xa1b965f4 | 0;
  let s3 = 0x6e789e6a | 0;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  // 53 random bits from two outputs (MT19937's genrand_res53): a double in [0, 1).
  const random = (): number => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
  return {
    random,
    normal: () => {
      // Box–Muller on two uniforms; 1 - u keeps log's argument in (0, 1].
      const u = 1 - random();
      const v = random();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    uniform: (low, high) => low + (high - low) * random(),
    permutation: (n) => fisherYatesPermutation("permutation", n, random),
  };
}
