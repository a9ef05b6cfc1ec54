import { expected } from "@neurogebra/internal";

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/**
 * The Mersenne Twister MT19937 (Matsumoto & Nishimura, 1998) — the bit generator behind NumPy's
 * legacy `RandomState` and CPython's `random` module. Both seeding routines of the reference C code
 * are here: `initGenrand` (what `np.random.seed(int)` uses) and `initByArray` (what CPython's
 * `random.seed(int)` uses). All arithmetic is unsigned 32-bit (`Math.imul`, `>>> 0`).
 *
 * @example
 * ```ts
 * const mt = new Mt19937(5489);
 * mt.nextUint32(); // → 3499211612  (the reference implementation's first output)
 * ```
 */
export class Mt19937 {
  private readonly state = new Uint32Array(N);
  private index = N;

  /** Starts seeded with `initGenrand(seed)`; the reference code's default seed is 5489. */
  constructor(seed = 5489) {
    this.initGenrand(seed);
  }

  /** Seeds from one 32-bit word (`init_genrand` of the reference code). */
  initGenrand(seed: number): void {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(expected("Mt19937.initGenrand", "seed to be an integer in [0, 2^32 - 1]", seed));
    }
    const mt = this.state;
    mt[0] = seed;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!;
      // 1812433253 * (prev ^ (prev >>> 30)) + i, modulo 2^32.
      mt[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i;
    }
    this.index = N;
  }

  /** Seeds from an array of 32-bit words (`init_by_array` of the reference code). */
  initByArray(key: ArrayLike<number>): void {
    if (key.length < 1) {
      throw new RangeError("Mt19937.initByArray: expected key to hold at least one word, got an empty array");
    }
    for (let j = 0; j < key.length; j++) {
      const word = key[j]!;
      if (!Number.isInteger(word) || word < 0 || word > 0xffffffff) {
        throw new RangeError(
          expected("Mt19937.initByArray", `key[${j}] to be an integer in [0, 2^32 - 1]`, word),
        );
      }
    }
    this.initGenrand(19650218);
    const mt = this.state;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]!;
      // Uint32Array stores reduce the (exact, < 2^53) sum modulo 2^32.
      mt[i] = (mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + key[j]! + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = (mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000; // MSB is 1, assuring a non-zero initial array.
    this.index = N;
  }

  /** The next 32-bit output, an integer in [0, 2^32 - 1] (`genrand_int32`). */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.state[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * A double in [0, 1) with 53 random bits from two outputs: `(a >>> 5) * 2^26 + (b >>> 6)`, over 2^53
   * (`genrand_res53`; NumPy's `random_sample` and CPython's `random()`).
   */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  private twist(): void {
    const mt = this.state;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.index = 0;
  }
}
