/**
 * The default generator of `rand`, `randn` and `uniform` when they are given no `rng`.
 *
 * It is the one process-wide default every Neurogebra package shares (PyTorch's default generator):
 * `manualSeed(seed)` from `@neurogebra/random` stores `createRng(seed)` in the slot
 * `globalThis[Symbol.for("@neurogebra/default-rng")]`, and this package — which has no dependencies, so
 * cannot import `@neurogebra/random` — reads the same slot. A registered symbol is one key for every copy
 * of every package (ESM and CommonJS builds included), where a module-level variable would be one per copy.
 *
 * When nothing was seeded, the first draw that needs the default installs a fixed-seed fallback there, so
 * an unseeded program draws the same numbers on every run (as PyTorch's default seed gives). Made here,
 * the fallback is xoshiro128** (Blackman & Vigna) from a fixed state, with the `Rng` methods of
 * `createRng` (Box–Muller `normal`, `uniform`, Fisher–Yates `permutation`) so the other packages can
 * share it; `@neurogebra/random` installs its own `createRng` fallback when it is the first to draw.
 */
import { describe, expected } from "@neurogebra/internal";

import type { Rng } from "./rng.js";

const SLOT = Symbol.for("@neurogebra/default-rng");

type Slot = { [SLOT]?: unknown };

/**
 * The shared default generator; installs the fallback when the slot is empty.
 *
 * @example
 * ```ts
 * const rng = defaultRng("randn"); // what randn([3, 2]) draws from
 * ```
 */
export function defaultRng(fn: string): Rng {
  const current = (globalThis as Slot)[SLOT];
  if (current === undefined) {
    const fallback = xoshiro128StarStar();
    Object.defineProperty(globalThis, SLOT, { value: fallback, writable: true, configurable: true });
    return fallback;
  }
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

/** `rotl(x, k)` on 32 bits. */
const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/**
 * xoshiro128** 1.1 started from the state SplitMix64(0) gives (its first two outputs, low word first):
 * `test/fixtures/generate-default-rng.py` computes the same stream in Python.
 */
function xoshiro128StarStar(): Rng & {
  uniform(low: number, high: number): number;
  permutation(n: number): Int32Array;
} {
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
      // Box–Muller on two uniforms, as createRng; 1 - u keeps log's argument in (0, 1].
      const u = 1 - random();
      const v = random();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    uniform: (low, high) => low + (high - low) * random(),
    permutation: (n) => {
      if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) {
        throw new RangeError(expected("permutation", "n to be an integer in [0, 2^31 - 1]", n));
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
