/**
 * Numerical references for derivative tests: a fourth-order central difference and a check that
 * no non-smooth point (see `kinks`) lies within the stencil.
 */
import type { Expr } from "../src/index.js";

/** (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h, error O(h⁴). */
export function centralDifference(f: (t: number) => number, t: number, h: number): number {
  return (-f(t + 2 * h) + 8 * f(t + h) - 8 * f(t - h) + f(t - 2 * h)) / (12 * h);
}

/** True when some kink expression changes sign (or vanishes) on [t − 3h, t + 3h] along `name`. */
export function nearKink(
  kinkExprs: readonly Expr[],
  vars: Readonly<Record<string, number>>,
  name: string,
  h: number,
): boolean {
  const t = vars[name]!;
  for (const k of kinkExprs) {
    const values = [-3, -1.5, 0, 1.5, 3].map((s) => k.evaluate({ ...vars, [name]: t + s * h }));
    const anyZero = values.some((v) => v === 0 || !Number.isFinite(v));
    const signs = new Set(values.map((v) => Math.sign(v)));
    if (anyZero || signs.size > 1) return true;
  }
  return false;
}
