/*
 * sin and cos rounded to nearest, computed in double-double arithmetic (about 106 bits).
 *
 * glibc's `sin`/`cos` (what CPython's `math` and NumPy ≥ 2 on Linux call) round correctly in all but
 * vanishingly rare cases; V8's `Math.sin`/`Math.cos` (fdlibm) miss by one ulp on a few percent of
 * arguments. Rounding the exact value correctly reproduces the C library's results.
 *
 * Method: k = round(x · 2/π), r = x − k·π/2 with π/2 split into three 33-bit pieces and a tail (so
 * k·piece is exact while |k| < 2^20), then Taylor series of sin r and cos r in double-double
 * (|r| ≤ π/4, terms up to r^29/29!), then the quadrant k mod 4. Arguments beyond 2^20 · π/2 ≈ 1.6e6
 * fall back to `Math.sin`/`Math.cos`.
 */

import { ddAdd, ddDivideByDouble, ddHorner, ddMul, twoSum } from "./double-double.js";
import type { DoubleDouble } from "./double-double.js";

const TWO_OVER_PI = 0.6366197723675814;
const PIO2_1 = 1.5707963267341256; // first 33 bits of π/2
const PIO2_2 = 6.077100506303966e-11; // next 33 bits
const PIO2_3 = 2.0222662487111665e-21; // next 33 bits
const PIO2_3T = 8.4784276603689e-32; // π/2 − (PIO2_1 + PIO2_2 + PIO2_3), to 53 bits
const MAX_QUADRANT = 1048576; // 2^20
const TERMS = 15; // k = 0 … 14
const DOUBLE_DOUBLE_TERMS = 8; // k = 0 … 7 in double-double; the rest is below 2^-54 relative

/** (−1)^k / (2k + offset)! for k = 0 … TERMS − 1 as double-doubles; offset 0 for cos, 1 for sin / r. */
function signedInverseFactorials(offset: 0 | 1): DoubleDouble[] {
  const inverse: DoubleDouble[] = [{ hi: 1, lo: 0 }];
  for (let n = 1; n <= 2 * TERMS + 1; n++) inverse.push(ddDivideByDouble(inverse[n - 1]!, n));
  return Array.from({ length: TERMS }, (_, k) => {
    const c = inverse[2 * k + offset]!;
    return k % 2 === 0 ? c : { hi: -c.hi, lo: -c.lo };
  });
}

const COS_COEFFICIENTS: readonly DoubleDouble[] = signedInverseFactorials(0);
const SIN_COEFFICIENTS: readonly DoubleDouble[] = signedInverseFactorials(1);

/** Σ c_k z^k: the tail (k ≥ DOUBLE_DOUBLE_TERMS) in doubles, the leading terms in double-double. */
function taylor(coefficients: readonly DoubleDouble[], z: DoubleDouble): DoubleDouble {
  let tail = 0;
  for (let k = TERMS - 1; k >= DOUBLE_DOUBLE_TERMS; k--) tail = tail * z.hi + coefficients[k]!.hi;
  return ddHorner(coefficients, DOUBLE_DOUBLE_TERMS, tail, z);
}

/** x = k·π/2 + r with r as a double-double, |r| ≤ about π/4. */
function reduce(x: number): { k: number; r: DoubleDouble } {
  const k = Math.round(x * TWO_OVER_PI);
  const a = x - k * PIO2_1; // exact: k·PIO2_1 is exact and within a factor 2 of x (Sterbenz)
  let r = twoSum(a, -k * PIO2_2);
  r = ddAdd(r, { hi: -k * PIO2_3, lo: 0 });
  r = ddAdd(r, { hi: -k * PIO2_3T, lo: 0 });
  return { k, r };
}

function sinOfReduced(r: DoubleDouble): DoubleDouble {
  return ddMul(r, taylor(SIN_COEFFICIENTS, ddMul(r, r)));
}

function cosOfReduced(r: DoubleDouble): DoubleDouble {
  return taylor(COS_COEFFICIENTS, ddMul(r, r));
}

function quadrantValue(x: number, wantSin: boolean): number {
  const { k, r } = reduce(x);
  const q = ((k % 4) + 4) % 4;
  // sin(kπ/2 + r) and cos(kπ/2 + r) by quadrant.
  const useSin = wantSin ? q === 0 || q === 2 : q === 1 || q === 3;
  const v = useSin ? sinOfReduced(r) : cosOfReduced(r);
  const negate = wantSin ? q >= 2 : q === 1 || q === 2;
  const value = v.hi + v.lo;
  return negate ? -value : value;
}

/**
 * `sin(x)` correctly rounded to the nearest double for |x| < 1.6e6 (beyond that, `Math.sin(x)`).
 *
 * @example
 * ```ts
 * sinCorrectlyRounded(Math.PI / 6); // → 0.49999999999999994  (the double nearest sin of that double)
 * ```
 */
export function sinCorrectlyRounded(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > MAX_QUADRANT * PIO2_1) return Math.sin(x);
  if (Math.abs(x) < 1.4901161193847656e-8) return x; // |x| < 2^-26: x − x³/6 rounds to x (keeps −0)
  return quadrantValue(x, true);
}

/**
 * `cos(x)` correctly rounded to the nearest double for |x| < 1.6e6 (beyond that, `Math.cos(x)`).
 *
 * @example
 * ```ts
 * cosCorrectlyRounded(Math.PI / 3); // → 0.5000000000000001  (the double nearest cos of that double)
 * ```
 */
export function cosCorrectlyRounded(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > MAX_QUADRANT * PIO2_1) return Math.cos(x);
  if (Math.abs(x) < 7.450580596923828e-9) return 1; // |x| < 2^-27: 1 − x²/2 rounds to 1
  return quadrantValue(x, false);
}
