/**
 * Number formatting that prints exactly what Python prints, so a transcript produced in TypeScript can be
 * compared line by line with the Python tutorial's output.
 *
 * Python's `f"{x:.4f}"` rounds the *exact* decimal value of the double `x`, breaking exact ties to even.
 * JavaScript's `x.toFixed(4)` also starts from the exact value but breaks ties away from zero, so the two
 * disagree whenever the double sits exactly half-way: `0.125.toFixed(2)` is `"0.13"`, Python prints
 * `0.12`. For percentages it matters in practice — `f"{111/240:.1%}"` is `46.2%` in Python while
 * `(111/240 * 100).toFixed(1)` is `46.3`.
 */

/** The double's exact value as `mantissa * 2 ** exponent` with an integer mantissa (|x| only). */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 }; // subnormal (or zero)
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

function checkDigits(fn: string, digits: number): void {
  if (!Number.isInteger(digits) || digits < 0 || digits > 100) {
    throw new RangeError(`${fn}: expected digits to be an integer in [0, 100], got ${String(digits)}`);
  }
}

/**
 * Format `x` with `digits` decimals exactly like Python's `format(x, f".{digits}f")`: the exact binary
 * value is rounded half-to-even, `-0.0` and small negatives keep their minus sign (`-0.0000`), and
 * non-finite values print as `nan`, `inf`, `-inf`.
 *
 * @example
 * ```ts
 * formatFixed(15.378512, 4); // → "15.3785"
 * formatFixed(0.125, 2); // → "0.12"  (toFixed gives "0.13")
 * ```
 */
export function formatFixed(x: number, digits: number): string {
  if (typeof x !== "number") {
    throw new TypeError(`formatFixed: expected x to be a number, got ${typeof x}`);
  }
  checkDigits("formatFixed", digits);
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const negative = x < 0 || Object.is(x, -0);
  const { mantissa, exponent } = decompose(Math.abs(x));
  const scale = 10n ** BigInt(digits);
  let scaled: bigint; // round(|x| * 10^digits), half to even
  if (exponent >= 0) {
    scaled = (mantissa << BigInt(exponent)) * scale;
  } else {
    const numerator = mantissa * scale;
    const denominator = 1n << BigInt(-exponent);
    scaled = numerator / denominator;
    const twiceRemainder = 2n * (numerator % denominator);
    if (twiceRemainder > denominator || (twiceRemainder === denominator && scaled % 2n === 1n)) scaled += 1n;
  }
  let text = scaled.toString();
  if (digits > 0) {
    text = text.padStart(digits + 1, "0");
    text = `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  }
  return negative ? `-${text}` : text;
}

/**
 * Format a fraction as a percentage exactly like Python's `format(x, f".{digits}%")`: Python multiplies
 * by 100 in double precision, then formats like {@link formatFixed} and appends `%`.
 *
 * @example
 * ```ts
 * formatPercent(111 / 240, 1); // → "46.2%"  (Python's answer; (x * 100).toFixed(1) gives "46.3")
 * formatPercent(0.9333333333333333, 1); // → "93.3%"
 * ```
 */
export function formatPercent(x: number, digits = 1): string {
  if (typeof x !== "number") {
    throw new TypeError(`formatPercent: expected x to be a number, got ${typeof x}`);
  }
  checkDigits("formatPercent", digits);
  return `${formatFixed(x * 100, digits)}%`;
}

/**
 * Format an integer with thousands separators like Python's `f"{n:,}"`.
 *
 * @example
 * ```ts
 * formatGrouped(371); // → "371"
 * formatGrouped(1234567); // → "1,234,567"
 * ```
 */
export function formatGrouped(n: number): string {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`formatGrouped: expected n to be a safe integer, got ${String(n)}`);
  }
  const digits = Math.abs(n).toString();
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return (n < 0 ? "-" : "") + groups.join(",");
}

/**
 * Python's `repr(x)` of a float: the shortest digits that read back as `x` (as JavaScript's), written
 * like Python — exponent form below 1e-4 and from 1e16 on (`1e-05`, `1e+16`), `.0` on whole numbers,
 * `nan` and `inf`. Module representations use it (`BatchNorm1d(3, eps=1e-05, …)`).
 *
 * @example
 * ```ts
 * formatRepr(1e-5); // → "1e-05"
 * formatRepr(0.1); // → "0.1"
 * formatRepr(2); // → "2.0"
 * ```
 */
export function formatRepr(x: number): string {
  if (typeof x !== "number") throw new TypeError(`formatRepr: expected a number, got ${typeof x}`);
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mantissa, exponent] = Math.abs(x).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const point = Number(exponent) + 1; // x = 0.d1d2… × 10^point
  if (point <= -4 || point > 16) {
    const e = point - 1;
    const body = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    return `${sign}${body}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
