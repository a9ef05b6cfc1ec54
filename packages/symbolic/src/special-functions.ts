/**
 * Float64 implementations of the functions `Math` lacks: erf, erfc, gamma, polygamma, Heaviside.
 * Accuracy is a few ulps over the ranges a network uses (checked against known values in tests).
 */
import { expected } from "@neurogebra/internal";

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt.
 *
 * @example
 * ```ts
 * erf(1); // → 0.842700792949715  (1 ulp above the correctly rounded 0.8427007929497149)
 * ```
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax >= 2) return Math.sign(x) * (1 - erfcPositive(ax));
  // erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·5···(2n+1)) — all terms positive, no cancellation.
  const x2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 0; n < 200; n++) {
    term *= x2 / (2 * n + 3);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return (2 / SQRT_PI) * Math.exp(-x * x) * sum;
}

/** erfc for x ≥ 2 by the Laplace continued fraction, evaluated with the modified Lentz method. */
function erfcPositive(x: number): number {
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), accurate in the far tail.
 *
 * @example
 * ```ts
 * erfc(0); // → 1
 * ```
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= 2) return erfcPositive(x);
  if (x <= -2) return 2 - erfcPositive(-x);
  return 1 - erf(x);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * The gamma function Γ(x): exact factorials at positive integers, Lanczos (g = 7) elsewhere,
 * reflection for x < 1/2. Poles: Γ(0) = Infinity, Γ(−n) = NaN.
 *
 * @example
 * ```ts
 * gamma(5); // → 24
 * ```
 */
export function gamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Number.isInteger(x)) {
    if (x === 0) return Infinity;
    if (x < 0) return NaN;
    if (x > 171) return Infinity;
    let f = 1;
    for (let k = 2; k < x; k++) f *= k;
    return f;
  }
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  if (x > 171.7) return Infinity;
  const z = x - 1;
  let a = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  const half = Math.pow(t, (z + 0.5) / 2); // split the power so Γ(171) does not overflow early
  return Math.sqrt(2 * Math.PI) * half * (half * Math.exp(-t)) * a;
}

// Bernoulli numbers B2, B4, …, B16 for the asymptotic series.
const BERNOULLI = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510];

function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

/**
 * The polygamma function ψ⁽ⁿ⁾(x), the (n+1)-th derivative of log Γ(x); `polygamma(0, x)` is the
 * digamma function. `n` must be a non-negative integer; poles at x = 0, −1, −2, … give NaN.
 *
 * @example
 * ```ts
 * polygamma(0, 1); // → -0.5772156649015332  (−Euler's constant −0.5772156649015329, 3 ulp off)
 * ```
 */
export function polygamma(n: number, x: number): number {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(expected("polygamma", "the order n to be a non-negative integer", n));
  }
  if (Number.isNaN(x) || (x <= 0 && Number.isInteger(x))) return NaN;
  if (n === 0 && x < -1e4) {
    // Reflection keeps the upward recurrence short: ψ(x) = ψ(1 − x) − π / tan(πx).
    return polygamma(0, 1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  if (x < -1e4) return NaN;
  // Upward recurrence ψ⁽ⁿ⁾(x) = ψ⁽ⁿ⁾(x + 1) + (−1)ⁿ⁺¹ n! / x^(n+1) until x is large enough for the
  // asymptotic series to be accurate to float64.
  const sign = n % 2 === 0 ? -1 : 1; // (−1)^(n+1)
  const nFact = factorial(n);
  const threshold = 20 + 2 * n;
  let acc = 0;
  let y = x;
  while (y < threshold) {
    acc += n === 0 ? -1 / y : sign * nFact * Math.pow(y, -(n + 1));
    y += 1;
  }
  let tail: number;
  if (n === 0) {
    // ψ(y) ~ ln y − 1/(2y) − Σ B₂ₖ / (2k y^(2k))
    tail = Math.log(y) - 1 / (2 * y);
    const y2 = 1 / (y * y);
    let p = y2;
    for (let k = 1; k <= BERNOULLI.length; k++) {
      tail -= (BERNOULLI[k - 1]! / (2 * k)) * p;
      p *= y2;
    }
  } else {
    // ψ⁽ⁿ⁾(y) ~ (−1)ⁿ⁺¹ [ (n−1)!/yⁿ + n!/(2yⁿ⁺¹) + Σ B₂ₖ (2k+n−1)! / ((2k)! y^(2k+n)) ]
    let s = factorial(n - 1) / Math.pow(y, n) + nFact / (2 * Math.pow(y, n + 1));
    for (let k = 1; k <= BERNOULLI.length; k++) {
      s += (BERNOULLI[k - 1]! * factorial(2 * k + n - 1)) / (factorial(2 * k) * Math.pow(y, 2 * k + n));
    }
    tail = sign * s;
  }
  return acc + tail;
}

/**
 * The Heaviside step with SymPy's convention H(0) = 1/2.
 *
 * Note: autograd's `relu()` uses relu'(0) = 0 (like PyTorch), so the symbolic derivative
 * `Heaviside(x)` of `Max(0, x)` and autograd disagree exactly at 0 (½ vs 0) and nowhere else.
 *
 * @example
 * ```ts
 * heaviside(0); // → 0.5
 * ```
 */
export function heaviside(x: number): number {
  return x > 0 ? 1 : x < 0 ? 0 : x === 0 ? 0.5 : NaN;
}
