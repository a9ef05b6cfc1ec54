/**
 * Exact rational arithmetic on `bigint` pairs. Every value is kept reduced with a positive
 * denominator, so two equal rationals always have the same `(p, q)`.
 */

/** A reduced fraction `p / q` with `q > 0`. */
export interface Ratio {
  readonly p: bigint;
  readonly q: bigint;
}

/**
 * Integer powers whose result would have more bits than this are not written out: the caller
 * keeps `b**k` unevaluated (still exact). Small enough that every gcd of such numbers is quick.
 */
const MAX_POWER_BITS = 4096;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Reduces `p / q` (q ≠ 0) to lowest terms with a positive denominator. */
export function ratio(p: bigint, q: bigint = 1n): Ratio {
  if (q === 0n) throw new RangeError("ratio: expected a non-zero denominator, got 0");
  if (q < 0n) {
    p = -p;
    q = -q;
  }
  const g = gcd(p, q);
  return g === 1n || g === 0n ? { p, q } : { p: p / g, q: q / g };
}

/** `a + b`, reduced with gcds of the operands' size, never of their products (Knuth, TAOCP 4.5.1). */
export function ratAdd(a: Ratio, b: Ratio): Ratio {
  if (a.q === 1n && b.q === 1n) return { p: a.p + b.p, q: 1n };
  const g = gcd(a.q, b.q);
  if (g === 1n) return { p: a.p * b.q + b.p * a.q, q: a.q * b.q }; // already in lowest terms
  const t = a.p * (b.q / g) + b.p * (a.q / g);
  if (t === 0n) return { p: 0n, q: 1n };
  const h = gcd(t, g);
  return { p: t / h, q: (a.q / g) * (b.q / h) };
}

/** `a · b`, cancelling crosswise before multiplying. */
export function ratMul(a: Ratio, b: Ratio): Ratio {
  if (a.p === 0n || b.p === 0n) return { p: 0n, q: 1n };
  if (a.q === 1n && b.q === 1n) return { p: a.p * b.p, q: 1n };
  const g1 = gcd(a.p, b.q);
  const g2 = gcd(b.p, a.q);
  return { p: (a.p / g1) * (b.p / g2), q: (a.q / g2) * (b.q / g1) };
}

export function ratCompare(a: Ratio, b: Ratio): number {
  const l = a.p * b.q;
  const r = b.p * a.q;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isInteger(a: Ratio): boolean {
  return a.q === 1n;
}

/** log2 |n| (n ≠ 0): exact enough below 2^53, the bit length above. */
function log2(n: bigint): number {
  const a = n < 0n ? -n : n;
  return a < 2n ** 53n ? Math.log2(Number(a)) : bitLength(a);
}

/** The number of bits of `|n|`. */
export function bitLength(n: bigint): number {
  return (n < 0n ? -n : n).toString(2).length;
}

/**
 * `a ** k` for an integer `k`, or `undefined` when the exact result would have more than
 * MAX_POWER_BITS bits (the caller keeps the power unevaluated) or when `a = 0` and `k < 0`.
 */
export function ratPowInt(a: Ratio, k: bigint): Ratio | undefined {
  if (k === 0n) return { p: 1n, q: 1n };
  if (a.p === 0n) return k < 0n ? undefined : a;
  if (a.q === 1n && (a.p === 1n || a.p === -1n)) return { p: a.p === 1n || k % 2n === 0n ? 1n : -1n, q: 1n };
  const bits = Math.max(log2(a.p), log2(a.q)) * Number(k < 0n ? -k : k);
  if (bits > MAX_POWER_BITS) return undefined;
  const n = k < 0n ? -k : k;
  const p = a.p ** n;
  const q = a.q ** n;
  return k < 0n ? ratio(q, p) : { p, q };
}

/** The exact integer `n`-th root of a non-negative `x`, or `undefined` when `x` is not a perfect power. */
function exactRoot(x: bigint, n: bigint): bigint | undefined {
  if (x < 0n) return undefined;
  if (x < 2n) return x;
  const guess = BigInt(Math.round(Number(x) ** (1 / Number(n))));
  for (const r of [guess - 1n, guess, guess + 1n]) {
    if (r >= 0n && r ** n === x) return r;
  }
  return undefined;
}

/** `a ** (1/n)` when it is rational (both parts perfect powers, `a ≥ 0`), else `undefined`. */
export function ratRoot(a: Ratio, n: bigint): Ratio | undefined {
  if (n <= 0n || a.p < 0n) return undefined;
  // Beyond 2^53 the float guess in exactRoot is no longer reliable; keep such roots symbolic.
  if (bitLength(a.p) > 52 || bitLength(a.q) > 52) return undefined;
  const p = exactRoot(a.p, n);
  const q = exactRoot(a.q, n);
  return p === undefined || q === undefined ? undefined : { p, q };
}

/** The float64 nearest to `p / q` (exact division when both parts fit in 53 bits). */
export function ratToNumber(a: Ratio): number {
  if (a.q === 1n) return Number(a.p);
  let { p, q } = a;
  const excess = Math.min(bitLength(p), bitLength(q)) - 1000;
  if (excess > 0) {
    p >>= BigInt(excess);
    q >>= BigInt(excess);
  }
  return Number(p) / Number(q);
}

/** The exact rational value of an integer-valued float64 (`Number.isInteger(x)` must hold). */
export function ratFromInteger(x: number): Ratio {
  return { p: BigInt(x), q: 1n };
}

/** `floor(a)` as an exact integer ratio. */
export function ratFloor(a: Ratio): Ratio {
  const f = a.p / a.q; // truncates toward zero
  return { p: a.p < 0n && f * a.q !== a.p ? f - 1n : f, q: 1n };
}
