/**
 * Where a formula may fail to be differentiable: Abs, sign, Heaviside, floor, Max/Min and
 * Piecewise boundaries. Used by `MathForge.explain` and by tests that compare derivatives with
 * finite differences away from these points.
 */
import { call } from "./call.js";
import { mul, sub } from "./construct.js";
import { PI, assertNever } from "./expr.js";
import type { Expr } from "./expr.js";
import { ExprMap } from "./expr-map.js";

/**
 * Expressions whose zeros contain every point where `expr` may be non-differentiable
 * (`Abs(u)` → `u`, `Max(a, b)` → `a - b`, a Piecewise condition `l < r` → `l - r`,
 * `floor(u)` → `sin(pi*u)`). An empty list means `expr` is smooth wherever it is defined.
 *
 * @example
 * ```ts
 * kinks(parse("Max(0, x - 1)")).map(String); // → ["x - 1"]
 * ```
 */
export function kinks(expr: Expr): Expr[] {
  const found = new ExprMap<Expr>();
  const note = (e: Expr): void => {
    if (e.symbols.size > 0) found.set(e, e);
  };
  const seen = new Set<Expr>(); // a derivative shares subtrees: visit each node once
  const walk = (e: Expr): void => {
    if (seen.has(e)) return;
    seen.add(e);
    switch (e.kind) {
      case "rational":
      case "float":
      case "constant":
      case "symbol":
        return;
      case "add":
        for (const t of e.terms) walk(t);
        return;
      case "mul":
        for (const f of e.factors) walk(f);
        return;
      case "pow":
        walk(e.base);
        return walk(e.exponent);
      case "call":
        if (e.fn === "Abs" || e.fn === "sign" || e.fn === "Heaviside") note(e.args[0]!);
        if (e.fn === "floor") note(call("sin", mul(PI, e.args[0]!)));
        if (e.fn === "Max" || e.fn === "Min") {
          for (let i = 0; i < e.args.length; i++) {
            for (let j = i + 1; j < e.args.length; j++) note(sub(e.args[j]!, e.args[i]!));
          }
        }
        for (const a of e.args) walk(a);
        return;
      case "piecewise":
        for (const p of e.pieces) {
          walk(p.value);
          if (p.condition.kind === "relation") {
            note(sub(p.condition.lhs, p.condition.rhs));
            walk(p.condition.lhs);
            walk(p.condition.rhs);
          }
        }
        return;
      default:
        return assertNever(e, "kinks");
    }
  };
  walk(expr);
  return [...found.values()];
}
