/**
 * Rewriting trees: `substitute` replaces symbols (all at once) and re-simplifies through the smart
 * constructors; `compose` plugs one formula into another's variable.
 */
import { add, call, mul, piecewise, pow, relation, sym, toExpr } from "./construct.js";
import { assertNever } from "./expr.js";
import type { Condition, Expr, Substitutions } from "./expr.js";

/**
 * Rebuilds `e` bottom-up through the constructors, applying `f` to every rebuilt node (children
 * first). Subtrees for which `skip` returns true are kept as they are.
 */
export function transform(e: Expr, f: (e: Expr) => Expr, skip: (e: Expr) => boolean = () => false): Expr {
  if (skip(e)) return e;
  const t = (c: Expr): Expr => transform(c, f, skip);
  let out: Expr;
  switch (e.kind) {
    case "rational":
    case "float":
    case "constant":
    case "symbol":
      out = e;
      break;
    case "add":
      out = add(...e.terms.map(t));
      break;
    case "mul":
      out = mul(...e.factors.map(t));
      break;
    case "pow":
      out = pow(t(e.base), t(e.exponent));
      break;
    case "call":
      out = call(e.fn, ...e.args.map(t));
      break;
    case "piecewise":
      out = piecewise(...e.pieces.map((p) => [t(p.value), transformCondition(p.condition, t)] as const));
      break;
    default:
      return assertNever(e, "transform");
  }
  return f(out);
}

function transformCondition(c: Condition, t: (e: Expr) => Expr): Condition {
  switch (c.kind) {
    case "boolean":
      return c;
    case "relation":
      return relation(c.op, t(c.lhs), t(c.rhs));
    default:
      return assertNever(c, "transformCondition");
  }
}

/**
 * Replaces symbols simultaneously (`{ x: y, y: x }` swaps them) and simplifies the result.
 *
 * @example
 * ```ts
 * substitute(parse("Max(x, alpha*x)"), { alpha: 0.01 }).toString(); // "Max(x, 0.01*x)"
 * ```
 */
export function substitute(expr: Expr, replacements: Substitutions): Expr {
  if (typeof replacements !== "object" || replacements === null) {
    throw new TypeError(`substitute: expected replacements like { x: 2 }, received ${String(replacements)}`);
  }
  const map = new Map<string, Expr>();
  for (const [name, value] of Object.entries(replacements)) {
    sym(name); // validates the name
    map.set(name, toExpr(value, `substitute (value of ${name})`));
  }
  if (map.size === 0) return expr;
  const untouched = (e: Expr): boolean => {
    for (const s of map.keys()) if (e.symbols.has(s)) return false;
    return true;
  };
  return transform(expr, (e) => (e.kind === "symbol" ? (map.get(e.name) ?? e) : e), untouched);
}

/**
 * `outer(inner)`: substitutes `inner` for `variable` in `outer`. The variable may be omitted when
 * `outer` has exactly one symbol.
 *
 * @example
 * ```ts
 * compose(parse("Max(0, x)"), parse("w*x + b")).toString(); // "Max(0, b + w*x)"
 * ```
 */
export function compose(outer: Expr, inner: Expr | number, variable?: string): Expr {
  let v = variable;
  if (v === undefined) {
    const symbols = [...outer.symbols];
    if (symbols.length !== 1) {
      throw new TypeError(
        `compose: expected a variable name because the outer expression has ${symbols.length} symbols (${symbols.join(", ") || "none"})`,
      );
    }
    v = symbols[0]!;
  }
  return substitute(outer, { [v]: inner });
}
