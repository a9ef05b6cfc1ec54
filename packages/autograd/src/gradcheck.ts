import { expected } from "@neurogebra/internal";

import { isGradEnabled, noGrad } from "./grad-mode.js";
import { Value } from "./value.js";

/**
 * Tolerances of {@link gradcheck}; the defaults are PyTorch's `torch.autograd.gradcheck` ones.
 *
 * @example
 * ```ts
 * const options: GradcheckOptions = { eps: 1e-7, atol: 1e-6, rtol: 1e-4 };
 * gradcheck((a) => a.tanh(), [0.5], options).ok; // → true
 * ```
 */
export interface GradcheckOptions {
  /** Finite-difference step, default 1e-6. */
  eps?: number;
  /** Absolute tolerance, default 1e-5. */
  atol?: number;
  /** Relative tolerance, default 1e-3. An input passes when |analytic − numeric| ≤ atol + rtol·|numeric|. */
  rtol?: number;
}

/**
 * One input's comparison in a {@link GradcheckReport}.
 *
 * @example
 * ```ts
 * const worst: GradcheckMismatch = gradcheck((a, b) => a.mul(b), [2, 3]).worst;
 * [worst.analytic === 3 || worst.analytic === 2, worst.absError < 1e-8]; // → [true, true]
 * ```
 */
export interface GradcheckMismatch {
  /** Position of the input. */
  index: number;
  /** The gradient `backward()` computed. */
  analytic: number;
  /** The central finite difference (f(x + eps) − f(x − eps)) / (2·eps). */
  numeric: number;
  /** |analytic − numeric|. */
  absError: number;
  /** absError / |numeric| (Infinity when numeric is 0 and they differ). */
  relError: number;
}

/**
 * What {@link gradcheck} found.
 *
 * @example
 * ```ts
 * const report: GradcheckReport = gradcheck((a, b) => a.mul(b), [2, 3]);
 * [report.ok, report.analytic]; // → [true, [3, 2]]
 * ```
 */
export interface GradcheckReport {
  /** True when every input's gradient is within tolerance (and all are finite). */
  ok: boolean;
  /** Gradients from `backward()`, one per input. */
  analytic: number[];
  /** Central finite differences, one per input. */
  numeric: number[];
  /** The input that is furthest outside (or closest to) its tolerance. */
  worst: GradcheckMismatch;
}

/**
 * Check `backward()` against central finite differences: evaluates `fn` at the inputs with a graph and
 * calls `backward()`, then evaluates it at `x ± eps` along each input (without a graph) and compares, like
 * PyTorch's `gradcheck` but returning a report instead of throwing.
 *
 * Choose points away from kinks (`relu`, `abs` at 0) and domain edges (`log` at 0) — there the finite
 * difference itself is wrong.
 *
 * @param fn - builds the output from fresh input `Value`s; must not depend on anything else that changes.
 * @param inputs - the point, as numbers (or `Value`s, whose `data` is used).
 * @param options - `eps`, `atol`, `rtol`.
 * @throws TypeError if `fn` does not return a `Value` or an input is not a number; RangeError for an empty
 *   or non-finite point or bad tolerances; Error if called inside `noGrad`.
 * @example
 * ```ts
 * const report = gradcheck((a, b) => a.mul(b).tanh(), [0.3, -1.2]);
 * report.ok; // → true
 * report.worst.absError < 1e-8; // → true
 * ```
 */
export function gradcheck(
  fn: (...inputs: Value[]) => Value,
  inputs: readonly (number | Value)[],
  options: GradcheckOptions = {},
): GradcheckReport {
  if (typeof fn !== "function")
    throw new TypeError(`gradcheck: expected fn to be a function, got ${typeof fn}`);
  const list: readonly unknown[] = Array.isArray(inputs) ? inputs : [];
  if (list.length === 0) {
    throw new RangeError(
      `gradcheck: expected inputs to be a non-empty array of numbers, got ${Array.isArray(inputs) ? "an empty array" : typeof inputs}`,
    );
  }
  const point = list.map((x, i) => {
    const value = x instanceof Value ? x.data : x;
    if (typeof value !== "number") {
      throw new TypeError(`gradcheck: expected inputs[${i}] to be a number or a Value, got ${typeof value}`);
    }
    if (!Number.isFinite(value))
      throw new RangeError(expected("gradcheck", `inputs[${i}] to be finite`, value));
    return value;
  });
  const eps = tolerance(options.eps, 1e-6, "eps", true);
  const atol = tolerance(options.atol, 1e-5, "atol", false);
  const rtol = tolerance(options.rtol, 1e-3, "rtol", false);
  if (!isGradEnabled())
    throw new Error("gradcheck: gradients are off (called inside noGrad), nothing to check");

  const leaves = point.map((x) => new Value(x));
  const out = evaluate(fn, leaves);
  out.backward();
  const analytic = leaves.map((leaf) => leaf.grad);

  const numeric = point.map((x, i) => {
    const at = (shifted: number): number =>
      noGrad(
        () =>
          evaluate(
            fn,
            point.map((y, j) => new Value(j === i ? shifted : y)),
          ).data,
      );
    return (at(x + eps) - at(x - eps)) / (2 * eps);
  });

  let ok = true;
  let worst: GradcheckMismatch | undefined;
  let worstScore = -Infinity;
  for (let i = 0; i < point.length; i++) {
    const a = analytic[i]!;
    const n = numeric[i]!;
    const absError = Math.abs(a - n);
    const relError = absError === 0 ? 0 : absError / Math.abs(n);
    const allowed = atol + rtol * Math.abs(n);
    const score = Number.isNaN(absError) ? Infinity : absError / allowed;
    if (!(absError <= allowed)) ok = false;
    if (score > worstScore || worst === undefined) {
      worstScore = score;
      worst = { index: i, analytic: a, numeric: n, absError, relError };
    }
  }
  return { ok, analytic, numeric, worst: worst! };
}

function evaluate(fn: (...inputs: Value[]) => Value, leaves: Value[]): Value {
  const out = fn(...leaves);
  if (!(out instanceof Value)) {
    throw new TypeError(expected("gradcheck", "fn to return a Value", out));
  }
  return out;
}

function tolerance(x: number | undefined, fallback: number, name: string, positive: boolean): number {
  if (x === undefined) return fallback;
  if (typeof x !== "number" || !Number.isFinite(x) || x < 0 || (positive && x === 0)) {
    const what = positive ? "a finite number > 0" : "a finite number ≥ 0";
    throw new RangeError(expected("gradcheck", `options.${name} to be ${what}`, x));
  }
  return x;
}
