/*
 * Double-double arithmetic: a value is the unevaluated sum hi + lo of two doubles with |lo| ≤ ulp(hi)/2,
 * about 106 significant bits. Error-free transformations after Dekker (1971) and Knuth (TAOCP 4.2.2).
 * Internal to the correctly rounded `log`, `sin` and `cos`.
 */

/** hi + lo, |lo| ≤ ulp(hi)/2. */
export interface DoubleDouble {
  readonly hi: number;
  readonly lo: number;
}

const SPLITTER = 134217729; // 2^27 + 1

/** a + b = hi + lo exactly. */
export function twoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  const bb = s - a;
  return { hi: s, lo: a - (s - bb) + (b - bb) };
}

/** a + b = hi + lo exactly, given |a| ≥ |b| (or a = 0). */
export function quickTwoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

/** a · b = hi + lo exactly (Dekker's product), for |a|, |b| < 2^996 and no underflow. */
export function twoProd(a: number, b: number): DoubleDouble {
  const p = a * b;
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return { hi: p, lo: aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo };
}

export function ddAdd(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  const u = quickTwoSum(s.hi, s.lo + t.hi);
  return quickTwoSum(u.hi, u.lo + t.lo);
}

export function ddMul(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const p = twoProd(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

/** a / n for a double n, with one correction step. */
export function ddDivideByDouble(a: DoubleDouble, n: number): DoubleDouble {
  const q1 = a.hi / n;
  const p = twoProd(q1, n);
  const q2 = (a.hi - p.hi - p.lo + a.lo) / n;
  return quickTwoSum(q1, q2);
}

/**
 * Horner's rule in double-double over the first `count` coefficients:
 * ((start·z + c[count−1])·z + … )·z + c[0]. Written with scalars only (no intermediate objects), since
 * it is the hot loop of the correctly rounded functions.
 */
export function ddHorner(
  coefficients: readonly DoubleDouble[],
  count: number,
  start: number,
  z: DoubleDouble,
): DoubleDouble {
  let hi = start;
  let lo = 0;
  let t = SPLITTER * z.hi;
  const zHiHi = t - (t - z.hi);
  const zHiLo = z.hi - zHiHi;
  for (let k = count - 1; k >= 0; k--) {
    // (hi, lo) · z
    const p = hi * z.hi;
    t = SPLITTER * hi;
    const hHi = t - (t - hi);
    const hLo = hi - hHi;
    const pErr = hHi * zHiHi - p + hHi * zHiLo + hLo * zHiHi + hLo * zHiLo + (hi * z.lo + lo * z.hi);
    const mHi = p + pErr;
    const mLo = pErr - (mHi - p);
    // + c[k]
    const c = coefficients[k]!;
    const s = mHi + c.hi;
    const sb = s - mHi;
    const sErr = mHi - (s - sb) + (c.hi - sb);
    const u = mLo + c.lo;
    const ub = u - mLo;
    const uErr = mLo - (u - ub) + (c.lo - ub);
    const v = sErr + u;
    const w = s + v;
    const wLo = v - (w - s) + uErr;
    hi = w + wLo;
    lo = wLo - (hi - w);
  }
  return { hi, lo };
}
