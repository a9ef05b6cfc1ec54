import { expected } from "@neurogebra/internal";

import { logCorrectlyRounded } from "./log-correctly-rounded.js";
import { Mt19937 } from "./mt19937.js";
import { cosCorrectlyRounded, sinCorrectlyRounded } from "./sin-cos-correctly-rounded.js";
import type { Rng } from "./rng.js";

const TWO_PI = 2 * Math.PI;
/** CPython's `NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0)`, written out so it cannot depend on `Math.exp`. */
const NV_MAGICCONST = 1.7155277699214135;

/**
 * CPython's `random.Random`, bit for bit: MT19937 seeded like `random.seed(int)` (`init_by_array` on the
 * absolute value's 32-bit words, least significant first; 0 gives the key `[0]`), `random()`,
 * `uniform(a, b)`, `getrandbits(k)`, `randint`, `shuffle`, `gauss` and `normalvariate` (the last two with
 * correctly rounded `log`/`sin`/`cos` in place of `Math.*`, to agree with the C library).
 *
 * As an `Rng`: `normal()` is `normalvariate(0, 1)` (Kinderman–Monahan ratio of uniforms, no cached
 * state, only a correctly rounded `log` — it matches CPython draw for draw), and
 * `permutation(n)` is `list(range(n))` after `random.shuffle` — the same indices Python would give.
 *
 * @example
 * ```ts
 * const r = new PythonRandom(42); // random.seed(42)
 * r.random(); // → 0.6394267984578837
 * r.uniform(-1, 1); // → -0.9499784895546661
 * ```
 */
export class PythonRandom implements Rng {
  private readonly mt = new Mt19937();
  private gaussNext: number | undefined = undefined;

  constructor(seed: number | bigint) {
    this.seed(seed);
  }

  /** Re-seeds like `random.seed(seed)` for an integer seed of any size (negative seeds use `abs`). */
  seed(seed: number | bigint): void {
    let n: bigint;
    if (typeof seed === "bigint") {
      n = seed;
    } else if (typeof seed === "number") {
      if (!Number.isSafeInteger(seed)) {
        throw new RangeError(
          expected(
            "PythonRandom.seed",
            "a number seed to be a safe integer (pass a bigint for larger seeds)",
            seed,
          ),
        );
      }
      n = BigInt(seed);
    } else {
      throw new TypeError(expected("PythonRandom.seed", "seed to be a number or a bigint", seed));
    }
    if (n < 0n) n = -n;
    const key: number[] = [];
    do {
      key.push(Number(n & 0xffffffffn));
      n >>= 32n;
    } while (n > 0n);
    this.mt.initByArray(key);
    this.gaussNext = undefined;
  }

  /** `random.random()`: a double in [0, 1) built from 53 random bits. */
  random(): number {
    return this.mt.nextDouble();
  }

  /** `random.uniform(a, b)` = `a + (b - a) * random()`. */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.mt.nextDouble();
  }

  /**
   * `random.getrandbits(k)` for 0 <= k <= 53: a non-negative integer with `k` random bits. For k > 32 the
   * first 32-bit draw gives the low word (as in CPython).
   */
  getrandbits(k: number): number {
    if (!Number.isInteger(k) || k < 0 || k > 53) {
      throw new RangeError(expected("PythonRandom.getrandbits", "k to be an integer in [0, 53]", k));
    }
    if (k === 0) return 0;
    if (k <= 32) return this.mt.nextUint32() >>> (32 - k);
    const low = this.mt.nextUint32();
    const high = this.mt.nextUint32() >>> (64 - k);
    return high * 4294967296 + low;
  }

  /** `random.randint(a, b)`: an integer in [a, b], both ends included (`randrange(a, b + 1)`). */
  randint(a: number, b: number): number {
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a > b) {
      throw new RangeError(`PythonRandom.randint: expected safe integers a <= b, got a ${a} and b ${b}`);
    }
    const width = b - a + 1;
    if (!Number.isSafeInteger(width)) {
      throw new RangeError(`PythonRandom.randint: expected b - a to be below 2^53, got a ${a} and b ${b}`);
    }
    return a + this.randbelow(width);
  }

  /** `random.shuffle(x)`, in place: for `i = n-1 … 1`, swap `x[i]` with `x[randbelow(i + 1)]`. */
  shuffle<T>(array: { length: number; [index: number]: T }): void {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.randbelow(i + 1);
      const t = array[i]!;
      array[i] = array[j]!;
      array[j] = t;
    }
  }

  /** `x = list(range(n)); random.shuffle(x)` as an `Int32Array`. */
  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) {
      throw new RangeError(expected("PythonRandom.permutation", "n to be an integer in [0, 2^31 - 1]", n));
    }
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    this.shuffle(out);
    return out;
  }

  /**
   * `random.normalvariate(mu, sigma)` (Kinderman–Monahan). `normal()` with no arguments is the `Rng`
   * standard normal.
   */
  normalvariate(mu = 0, sigma = 1): number {
    let z: number;
    for (;;) {
      const u1 = this.mt.nextDouble();
      const u2 = 1 - this.mt.nextDouble();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      const zz = (z * z) / 4;
      if (zz <= -logCorrectlyRounded(u2)) break;
    }
    return mu + z * sigma;
  }

  /** Same as `normalvariate(mu, sigma)`. */
  normal(mu = 0, sigma = 1): number {
    return this.normalvariate(mu, sigma);
  }

  /**
   * `random.gauss(mu, sigma)` (Box–Muller, caching the second value until the next call or re-seed).
   * Its `log`, `cos` and `sin` are correctly rounded, like the C library's, so it matches CPython.
   */
  gauss(mu = 0, sigma = 1): number {
    let z = this.gaussNext;
    this.gaussNext = undefined;
    if (z === undefined) {
      const x2pi = this.mt.nextDouble() * TWO_PI;
      const g2rad = Math.sqrt(-2 * logCorrectlyRounded(1 - this.mt.nextDouble()));
      z = cosCorrectlyRounded(x2pi) * g2rad;
      this.gaussNext = sinCorrectlyRounded(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  /** `_randbelow_with_getrandbits(n)`: `k = n.bit_length()`, draw `getrandbits(k)` until it is < n. */
  private randbelow(n: number): number {
    const k = bitLength(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }
}

function bitLength(n: number): number {
  return n <= 0xffffffff ? 32 - Math.clz32(n) : 32 + bitLength(Math.floor(n / 4294967296));
}
