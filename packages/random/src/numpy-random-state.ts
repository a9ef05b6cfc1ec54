import { expected } from "@neurogebra/internal";

import { logCorrectlyRounded } from "./log-correctly-rounded.js";
import { Mt19937 } from "./mt19937.js";
import type { Rng } from "./rng.js";

/**
 * A seed NumPy's legacy `RandomState` accepts: one integer in [0, 2^32 - 1] or a non-empty array of them.
 *
 * @example
 * ```ts
 * const seed: NumpySeed = [1, 2, 3]; // np.random.seed([1, 2, 3])
 * new NumpyRandomState(seed).randint(0, 10) === new NumpyRandomState([1, 2, 3]).randint(0, 10); // → true
 * ```
 */
export type NumpySeed = number | readonly number[];

const TWO_POW_32 = 4294967296;

/**
 * NumPy's legacy `np.random.RandomState`, bit for bit: MT19937 seeded like `np.random.seed(seed)`, the
 * 53-bit `random_sample`, the polar-method Gaussian with its cached second value (`randn`, `normal`),
 * and the masked-rejection integers behind `randint`, `permutation` and `shuffle`.
 *
 * Everything is exact integer or IEEE arithmetic, so it equals NumPy's output exactly. The Gaussian
 * needs `log`: NumPy calls the C library's, which rounds correctly; `Math.log` does not always, so this
 * class uses a correctly rounded logarithm (`logCorrectlyRounded`) and matches glibc draw for draw.
 *
 * @example
 * ```ts
 * const rs = new NumpyRandomState(42); // np.random.seed(42)
 * rs.randomSample(); // → 0.3745401188473625
 * rs.randn(); // → -1.1118801180469204
 * rs.permutation(5); // → Int32Array [1, 0, 3, 4, 2]
 * ```
 */
export class NumpyRandomState implements Rng {
  private readonly mt = new Mt19937();
  private hasGauss = false;
  private gaussCache = 0;

  constructor(seed: NumpySeed) {
    this.seed(seed);
  }

  /**
   * Re-seeds like `np.random.seed(seed)`: an integer uses `init_genrand(seed)`, an array uses
   * `init_by_array(seed)`. Also forgets the cached Gaussian.
   */
  seed(seed: NumpySeed): void {
    if (typeof seed === "number") {
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
        throw new RangeError(
          expected("NumpyRandomState.seed", "seed to be an integer in [0, 2^32 - 1]", seed),
        );
      }
      this.mt.initGenrand(seed);
    } else if (Array.isArray(seed)) {
      if (seed.length === 0) {
        throw new RangeError("NumpyRandomState.seed: expected a non-empty seed array, got an empty array");
      }
      seed.forEach((word, i) => {
        if (!Number.isInteger(word) || word < 0 || word > 0xffffffff) {
          throw new RangeError(
            expected("NumpyRandomState.seed", `seed[${i}] to be an integer in [0, 2^32 - 1]`, word),
          );
        }
      });
      this.mt.initByArray(seed);
    } else {
      throw new TypeError(
        expected("NumpyRandomState.seed", "seed to be a number or an array of numbers", seed),
      );
    }
    this.hasGauss = false;
    this.gaussCache = 0;
  }

  /** The next raw 32-bit MT19937 output, an integer in [0, 2^32 - 1]. */
  nextUint32(): number {
    return this.mt.nextUint32();
  }

  /** `np.random.random_sample()`: a double in [0, 1) built from 53 random bits. */
  randomSample(): number {
    return this.mt.nextDouble();
  }

  /** Same as `randomSample()` — the `Rng` name. */
  random(): number {
    return this.mt.nextDouble();
  }

  /**
   * `np.random.randn()`: a standard normal draw (legacy polar method). Draws come in pairs: the first
   * call returns `f * x2` and caches `f * x1`, which the next call returns without drawing.
   * `randn(n)` returns `n` consecutive draws, exactly what `np.random.randn(n)` returns.
   */
  randn(): number;
  randn(n: number): Float64Array;
  randn(n?: number): number | Float64Array {
    if (n === undefined) return this.gauss();
    checkCount("NumpyRandomState.randn", "n", n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.gauss();
    return out;
  }

  /**
   * `np.random.normal(loc, scale)` = `loc + scale * gauss`. With no arguments it returns the Gaussian
   * draw itself (identical to `randn()`), which makes this the `Rng` standard normal.
   */
  normal(loc = 0, scale = 1): number {
    if (!Number.isFinite(loc)) {
      throw new RangeError(expected("NumpyRandomState.normal", "loc to be a finite number", loc));
    }
    if (!(scale >= 0) || !Number.isFinite(scale)) {
      throw new RangeError(expected("NumpyRandomState.normal", "scale to be a finite number >= 0", scale));
    }
    const g = this.gauss();
    return loc === 0 && scale === 1 ? g : loc + scale * g;
  }

  /** `np.random.uniform(low, high)` = `low + (high - low) * random_sample()`. */
  uniform(low = 0, high = 1): number {
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new RangeError(
        `NumpyRandomState.uniform: expected high - low to be finite, got low ${low} and high ${high}`,
      );
    }
    return low + range * this.mt.nextDouble();
  }

  /**
   * `np.random.randint(low, high)`: an integer in [low, high) (or [0, low) when `high` is omitted),
   * by masked rejection sampling like NumPy's legacy int64 path. Bounds must be safe integers.
   */
  randint(low: number, high?: number): number {
    const lo = high === undefined ? 0 : low;
    const hi = high === undefined ? low : high;
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
      throw new RangeError(
        `NumpyRandomState.randint: expected low and high to be safe integers, got low ${lo} and high ${hi}`,
      );
    }
    if (lo >= hi) {
      throw new RangeError(
        `NumpyRandomState.randint: expected low to be < high, got low ${lo} and high ${hi}`,
      );
    }
    const range = hi - 1 - lo;
    if (!Number.isSafeInteger(range)) {
      throw new RangeError(
        `NumpyRandomState.randint: expected high - low to be at most 2^53, got low ${lo} and high ${hi}`,
      );
    }
    return lo + this.boundedUint(range);
  }

  /** `np.random.permutation(n)`: `arange(n)` shuffled by `shuffle`. */
  permutation(n: number): Int32Array {
    checkCount("NumpyRandomState.permutation", "n", n);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    this.shuffle(out);
    return out;
  }

  /**
   * `np.random.shuffle(array)`, in place: Fisher–Yates from the end, `j = random_interval(i)` for
   * `i = n-1 … 1`, each by masked rejection sampling on 32-bit draws.
   */
  shuffle<T>(array: { length: number; [index: number]: T }): void {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.boundedUint(i);
      const t = array[i]!;
      array[i] = array[j]!;
      array[j] = t;
    }
  }

  /** The legacy polar-method Gaussian (`legacy_gauss`). */
  private gauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gaussCache;
      this.gaussCache = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.mt.nextDouble() - 1;
      x2 = 2 * this.mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * logCorrectlyRounded(r2)) / r2);
    this.gaussCache = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /**
   * A uniform integer in [0, max] by masked rejection (`random_interval` / `bounded_masked_uint64`):
   * mask = smallest 2^k - 1 >= max; draw 32 bits (64 bits when max > 2^32 - 1) until `draw & mask <= max`.
   */
  private boundedUint(max: number): number {
    if (max === 0) return 0;
    if (max <= 0xffffffff) {
      let mask = max;
      mask |= mask >>> 1;
      mask |= mask >>> 2;
      mask |= mask >>> 4;
      mask |= mask >>> 8;
      mask |= mask >>> 16;
      let value: number;
      do {
        value = (this.mt.nextUint32() & mask) >>> 0;
      } while (value > max);
      return value;
    }
    // 64-bit path: max < 2^53, so only the high word's mask is partial (the low word keeps all 32 bits).
    const maxHigh = Math.floor(max / TWO_POW_32);
    let maskHigh = maxHigh;
    maskHigh |= maskHigh >>> 1;
    maskHigh |= maskHigh >>> 2;
    maskHigh |= maskHigh >>> 4;
    maskHigh |= maskHigh >>> 8;
    maskHigh |= maskHigh >>> 16;
    let value: number;
    do {
      // NumPy's next_uint64 for MT19937: the first 32-bit draw is the high word.
      const high = (this.mt.nextUint32() & maskHigh) >>> 0;
      const low = this.mt.nextUint32();
      value = high * TWO_POW_32 + low;
    } while (value > max);
    return value;
  }
}

function checkCount(fn: string, name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) {
    throw new RangeError(expected(fn, `${name} to be an integer in [0, 2^31 - 1]`, n));
  }
}
