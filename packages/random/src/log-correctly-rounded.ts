/*
 * The natural logarithm rounded to nearest, computed in double-double arithmetic (about 106 bits).
 *
 * NumPy's legacy Gaussian and CPython's `gauss`/`normalvariate` call the C library's `log`. glibc's `log`
 * rounds correctly in all but vanishingly rare cases, while V8's `Math.log` (fdlibm) is off by one ulp
 * on roughly 3% of the inputs the Gaussian sees — enough to change about 4% of `randn` draws in their
 * last bits. Rounding the exact logarithm correctly reproduces the C library's results instead.
 *
 * Method: x = 2^e · m with m in [√½, √2); log m = 2·atanh(s) = 2s·Σ s^(2k)/(2k+1), s = (m−1)/(m+1),
 * |s| ≤ 0.172; the series' first eleven terms run in double-double, the tail (< 2^-55 relative) in
 * doubles; then e·ln 2 is added with ln 2 as a double-double. The result is off by less than 2^-100
 * relative before the final rounding, so it can round wrongly only when the exact value lies that
 * close to a midpoint between two doubles.
 */

import { ddAdd, ddDivideByDouble, ddHorner, ddMul, quickTwoSum, twoProd, twoSum } from "./double-double.js";
import type { DoubleDouble } from "./double-double.js";

const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
const TWO_POW_54 = 18014398509481984;
const SERIES_TERMS = 23; // 1/(2k+1) for k = 0 … 22
const DOUBLE_DOUBLE_TERMS = 11; // k = 0 … 10 in double-double

/** 1/(2k+1) for the double-double terms k = 0 … DOUBLE_DOUBLE_TERMS − 1. */
const RECIPROCALS_OF_ODD: readonly DoubleDouble[] = Array.from({ length: DOUBLE_DOUBLE_TERMS }, (_, k) =>
  ddDivideByDouble({ hi: 1, lo: 0 }, 2 * k + 1),
);

/** Splits a positive finite double into e and m with x = 2^e · m, m in [√½, √2) — exactly. */
function decompose(x: number): { e: number; m: number } {
  let scaled = x;
  let e = 0;
  if (scaled < 2.2250738585072014e-308) {
    scaled *= TWO_POW_54; // subnormal: make it normal first
    e = -54;
  }
  // Math.log2 may be off near powers of two; the two corrections below make e exact.
  let exponent = Math.min(Math.floor(Math.log2(scaled)), 1023); // 2^1024 would overflow
  let m = scaled / 2 ** exponent; // exact: a power-of-two scaling of a normal number
  if (m >= 2) {
    m /= 2;
    exponent += 1;
  } else if (m < 1) {
    m *= 2;
    exponent -= 1;
  }
  e += exponent;
  if (m >= Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  return { e, m };
}

/**
 * `log(x)` correctly rounded to the nearest double (except within 2^-100 of a midpoint). Special values
 * follow `Math.log`: NaN for x < 0 or NaN, −Infinity for ±0, Infinity for Infinity.
 *
 * @example
 * ```ts
 * logCorrectlyRounded(Math.E); // → 1
 * ```
 */
export function logCorrectlyRounded(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  if (x === 1) return 0;
  const { e, m } = decompose(x);
  const f = m - 1; // exact (Sterbenz)
  const d = twoSum(2, f);
  // s = f / (2 + f) in double-double: one correction step on the quotient.
  const q1 = f / d.hi;
  const p = twoProd(q1, d.hi);
  const q2 = (f - p.hi - p.lo - q1 * d.lo) / d.hi;
  const s = quickTwoSum(q1, q2);
  const z = ddMul(s, s);
  // Tail of Σ z^k/(2k+1) in doubles (Horner), then the leading terms in double-double.
  let tail = 0;
  for (let k = SERIES_TERMS - 1; k >= DOUBLE_DOUBLE_TERMS; k--) tail = tail * z.hi + 1 / (2 * k + 1);
  const sum = ddHorner(RECIPROCALS_OF_ODD, DOUBLE_DOUBLE_TERMS, tail, z);
  const logM = ddMul({ hi: 2 * s.hi, lo: 2 * s.lo }, sum);
  if (e === 0) return logM.hi + logM.lo;
  const eLn2 = twoProd(e, LN2_HI);
  const total = ddAdd(ddAdd(eLn2, twoProd(e, LN2_LO)), logM);
  return total.hi + total.lo;
}
