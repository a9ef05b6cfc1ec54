import { expected } from "./expected.js";

/**
 * `0 … n−1` shuffled by Fisher–Yates from the last element down, each swap index
 * `floor(random() · (i + 1))` — the `permutation(n)` of every generator that has no algorithm of its own
 * to match (createRng, the default fallback). A `RangeError` naming `fn` for a bad `n`.
 *
 * @example
 * ```ts
 * fisherYatesPermutation("createRng().permutation", 3, Math.random); // e.g. Int32Array [2, 0, 1]
 * ```
 */
export function fisherYatesPermutation(fn: string, n: number, random: () => number): Int32Array {
  if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) {
    throw new RangeError(expected(fn, "n to be an integer in [0, 2^31 - 1]", n));
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
}
