/**
 * Rewriting trees: `substitute` replaces symbols (all at once) and re-simplifies through the smart
 * constructors; `compose` plugs one formula into another's variable.
 */
import { expected } from "@neurogebra/internal";

import { piecewiseOf, relation } from "./piecewise.js";
import type { Condition } from "./condition.js";
import { callWith } from "./call.js";
import { addAll, mulAll, pow, sym, toExpr } from "./construct.js";
import { assertNever } from "./expr.js";
import type { Expr, Substitutions } from "./expr.js";

interface Rewrite {
  readonly f: (e: Expr) => Expr;
  readonly skip: (e: Expr) => boolean;
  /** Each node already rebuilt (derivatives share subtrees: each is rebuilt once). */
  readonly memo: Map<Expr, Expr>;
}

/**
 * Rebuilds `e` bottom-up through the constructors, applying `f` to every rebuilt node (children
 * first). Subtrees for which `skip` returns true are kept as they are. A subtree that occurs
 * several times in `e` (as shared nodes) is rebuilt once.
 */
export function transform(e: Expr, f: (e: Expr) => Expr, skip: (e: Expr) => boolean = () => false): Expr {
  return transformNode(e, { f, skip, memo: new Map() });
}

/** The recursion is transformNode → rebuild → transformNode: two frames a level. */
function transformNode(e: Expr, rw: Rewrite): Expr {
  let out = rw.memo.get(e);
  if (out === undefined) {
    out = rw.skip(e) ? e : rebuild(e, rw);
    rw.memo.set(e, out);
  }
  return out;
}

function rebuild(e: Expr, rw: Rewrite): Expr {
  let out: Expr;
  const children: Expr[] = [];
  switch (e.kind) {
    case "rational":
    case "float":
    case "constant":
    case "symbol":
      out = e;
      break;
    case "add":
      for (const t of e.terms) children.push(transformNode(t, rw));
      out = addAll(children);
      break;
    case "mul":
      for (const f of e.factors) children.push(transformNode(f, rw));
      out = mulAll(children);
      break;
    case "pow":
      out = pow(transformNode(e.base, rw), transformNode(e.exponent, rw));
      break;
    case "call":
      for (const a of e.args) children.push(transformNode(a, rw));
      out = callWith(e.fn, children);
      break;
    case "piecewise": {
      const branches: (readonly [Expr, Condition])[] = [];
      for (const p of e.pieces) {
        const c = p.condition;
        const condition =
          c.kind === "boolean" ? c : relation(c.op, transformNode(c.lhs, rw), transformNode(c.rhs, rw));
        branches.push([transformNode(p.value, rw), condition]);
      }
      out = piecewiseOf(branches);
      break;
    }
    default:
      return assertNever(e, "transform");
  }
  return rw.f(out);
}

/**
 * Replaces symbols simultaneously (`{ x: y, y: x }` swaps them) and simplifies the result.
 *
 * @example
 * ```ts
 * substitute(parse("Max(x, alpha*x)"), { alpha: 0.01 }).toString(); // → "Max(x, 0.01*x)"
 * ```
 */
export function substitute(expr: Expr, replacements: Substitutions): Expr {
  if (typeof replacements !== "object" || replacements === null) {
    throw new TypeError(expected("substitute", "replacements like { x: 2 }", replacements));
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
 * compose(parse("Max(0, x)"), parse("w*x + b")).toString(); // → "Max(0, b + w*x)"
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
