/**
 * Python's number formatting, digit for digit.
 *
 * The tutorial prints with f-strings (`f"{x:.4f}"`, `f"{acc:.1%}"`, `f"{n:,}"`). Python rounds the
 * *exact* decimal value of the double, ties to even; JavaScript's `toFixed` rounds ties away from zero,
 * and `(acc * 100).toFixed(1)` prints `46.3%` for 111/240 where Python prints `46.2%`. These helpers
 * expand the double exactly (with `BigInt`) and round like CPython, so our transcript equals Python's.
 */

/** The exact value of a finite double as `digits / 10 ** scale` (sign kept apart). */
interface ExactDecimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

const float64 = new Float64Array(1);
const words = new Uint32Array(float64.buffer);

/** Every finite double is m·2^e; with e < 0 that is m·5^-e / 10^-e, an exact decimal. */
function exactDecimal(x: number): ExactDecimal {
  float64[0] = x;
  const high = words[1]!;
  const low = words[0]!;
  const negative = high >>> 31 === 1;
  const exponentBits = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent: number;
  if (exponentBits === 0) {
    exponent = -1074; // subnormal (or zero)
  } else {
    mantissa |= 1n << 52n;
    exponent = exponentBits - 1075;
  }
  if (exponent >= 0) return { negative, digits: mantissa << BigInt(exponent), scale: 0 };
  return { negative, digits: mantissa * 5n ** BigInt(-exponent), scale: -exponent };
}

function nonFinite(x: number): string | undefined {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  return undefined;
}

function checkPrecision(name: string, precision: number): void {
  if (!Number.isInteger(precision) || precision < 0 || precision > 100) {
    throw new RangeError(`${name}: precision must be an integer in [0, 100], received ${String(precision)}`);
  }
}

/**
 * Python's `format(x, f".{precision}f")`: the exact value of `x` rounded half-to-even.
 *
 * @example
 * ```ts
 * formatFixed(2.675, 2); // "2.67" (the double is just below 2.675)
 * formatFixed(0.125, 2); // "0.12" (an exact tie goes to the even digit)
 * ```
 */
export function formatFixed(x: number, precision: number): string {
  checkPrecision("formatFixed", precision);
  if (typeof x !== "number") {
    throw new TypeError(`formatFixed: x must be a number, received ${typeof x}`);
  }
  const special = nonFinite(x);
  if (special !== undefined) return special;
  const { negative, digits, scale } = exactDecimal(x);
  let rounded: bigint;
  if (scale <= precision) {
    rounded = digits * 10n ** BigInt(precision - scale);
  } else {
    const divisor = 10n ** BigInt(scale - precision);
    rounded = digits / divisor;
    const remainder = digits % divisor;
    const twice = remainder * 2n;
    if (twice > divisor || (twice === divisor && rounded % 2n === 1n)) rounded += 1n;
  }
  let text = rounded.toString();
  if (precision > 0) {
    text = text.padStart(precision + 1, "0");
    text = `${text.slice(0, -precision)}.${text.slice(-precision)}`;
  }
  return negative ? `-${text}` : text;
}

/**
 * Python's `format(x, f".{precision}%")`: CPython multiplies the double by 100 (a float multiply),
 * then formats it like `.{precision}f` and appends `%`.
 *
 * @example
 * ```ts
 * formatPercent(111 / 240, 1); // "46.2%" — naive `(x * 100).toFixed(1)` gives "46.3%"
 * formatPercent(0.9333333333333333, 0); // "93%"
 * ```
 */
export function formatPercent(x: number, precision: number): string {
  checkPrecision("formatPercent", precision);
  if (typeof x !== "number") {
    throw new TypeError(`formatPercent: x must be a number, received ${typeof x}`);
  }
  const special = nonFinite(x * 100);
  if (special !== undefined) return `${special}%`;
  return `${formatFixed(x * 100, precision)}%`;
}

/**
 * Python's `format(n, ",")` for an integer: thousands separated by commas.
 *
 * @example
 * ```ts
 * formatGrouped(1234567); // "1,234,567"
 * ```
 */
export function formatGrouped(n: number): string {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`formatGrouped: n must be a safe integer, received ${String(n)}`);
  }
  const text = Math.abs(n).toString();
  const grouped = text.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${grouped}` : grouped;
}

/**
 * Python's `repr(x)` for a float: the shortest round-trip digits, fixed notation for exponents in
 * [-4, 16), always with a decimal point (`2.0`), else `1e-05` / `1e+16` style.
 *
 * @example
 * ```ts
 * formatFloatRepr(2); // "2.0"
 * formatFloatRepr(0.00001); // "1e-05"
 * ```
 */
export function formatFloatRepr(x: number): string {
  if (typeof x !== "number") {
    throw new TypeError(`formatFloatRepr: x must be a number, received ${typeof x}`);
  }
  const special = nonFinite(x);
  if (special !== undefined) return special;
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  // toExponential() without an argument gives the shortest round-trip digits, like Python's repr.
  const [mantissa = "", exponentText = "0"] = Math.abs(x).toExponential().split("e");
  const exponent = Number(exponentText);
  const digits = mantissa.replace(".", "");
  const sign = x < 0 ? "-" : "";
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
    const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
    const fracPart = digits.slice(exponent + 1);
    return `${sign}${intPart}.${fracPart === "" ? "0" : fracPart}`;
  }
  const expSign = exponent < 0 ? "-" : "+";
  const expDigits = Math.abs(exponent).toString().padStart(2, "0");
  return `${sign}${mantissa}e${expSign}${expDigits}`;
}

/**
 * Python's `repr` of a list of strings, e.g. the tutorial's `['relu', 'relu', 'linear']`.
 *
 * @example
 * ```ts
 * formatStringList(["relu", "linear"]); // "['relu', 'linear']"
 * ```
 */
export function formatStringList(items: readonly string[]): string {
  return `[${items.map((item) => `'${item}'`).join(", ")}]`;
}
