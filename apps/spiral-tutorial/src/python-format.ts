/**
 * Python's `repr` for the few values the tutorial prints that way. The f-string formats
 * (`f"{x:.4f}"`, `f"{acc:.1%}"`, `f"{n:,}"`) come from `@neurogebra/nn` (`formatFixed`,
 * `formatPercent`, `formatGrouped`), which round the exact decimal value of the double like CPython.
 */

function nonFinite(x: number): string | undefined {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  return undefined;
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
