/**
 * `np.sum` / `np.mean` / `np.std` of a float64 vector with NumPy's own summation order, so the tutorial's
 * Step 8 statistics come out bit for bit as NumPy prints them.
 *
 * NumPy adds a contiguous float64 vector with *pairwise summation* (`pairwise_sum_DOUBLE` in
 * `loops_utils.h.src`): fewer than 8 numbers are added left to right; up to 128 are added with eight
 * interleaved partial sums combined as `((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))` plus the leftovers; longer
 * vectors are split at a multiple of 8 near the middle and the halves summed recursively.
 */

const BLOCK = 128;

function pairwise(x: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += x[start + i]!;
    return res;
  }
  if (n <= BLOCK) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => x[start + j]!);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j]! += x[start + i + j]!;
    let res = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) res += x[start + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(x, start, n2) + pairwise(x, start + n2, n - n2);
}

/** `np.sum(x)` for a float64 vector. */
export function numpySum(x: ArrayLike<number>): number {
  return 0 + pairwise(x, 0, x.length);
}

/** `np.mean(x)`: the pairwise sum divided by the count. */
export function numpyMean(x: ArrayLike<number>): number {
  return numpySum(x) / x.length;
}

/** `np.std(x)` (population, `ddof = 0`): `sqrt(mean((x − mean(x))²))`, each step as NumPy does it. */
export function numpyStd(x: ArrayLike<number>): number {
  const mean = numpyMean(x);
  const squares = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const d = x[i]! - mean;
    squares[i] = d * d;
  }
  return Math.sqrt(numpySum(squares) / x.length);
}
