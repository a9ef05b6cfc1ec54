/**
 * Smart constructors of Piecewise: `relation()` builds a condition, folding those it can decide
 * (`1 < 2` is `True`), and `piecewise()` drops branches that cannot apply and collapses a Piecewise
 * whose branches agree.
 */
import { expected } from "@neurogebra/internal";

import {
  BooleanNode,
  FALSE,
  RelationNode,
  TRUE,
  type Condition,
  type RelationOperator,
} from "./condition.js";
import { isNumeric, numericValue, toExpr, type ExprLike } from "./construct.js";
import { PiecewiseNode, type Expr, type Piece } from "./expr.js";
import { ratCompare } from "./rational.js";

/**
 * The condition `lhs op rhs`; decided at once when both sides are numbers or the sides are equal.
 *
 * @example
 * ```ts
 * relation(">", sym("x"), 0).toString(); // → "x > 0"
 * relation("<", 1, 2).toString();        // → "True"
 * ```
 */
export function relation(op: RelationOperator, lhs: ExprLike, rhs: ExprLike): Condition {
  if (!["<", "<=", ">", ">=", "==", "!="].includes(op)) {
    throw new TypeError(expected("relation", "one of < <= > >= == !=", op));
  }
  const l = toExpr(lhs, "relation");
  const r = toExpr(rhs, "relation");
  let c: number | undefined;
  if (isNumeric(l) && isNumeric(r)) {
    c =
      l.kind === "rational" && r.kind === "rational"
        ? ratCompare(l.ratio, r.ratio)
        : numericValue(l) - numericValue(r);
    if (Number.isNaN(c)) c = undefined;
  } else if (l.equals(r)) {
    c = 0;
  }
  if (c === undefined) return new RelationNode(op, l, r);
  const holds =
    op === "<"
      ? c < 0
      : op === "<="
        ? c <= 0
        : op === ">"
          ? c > 0
          : op === ">="
            ? c >= 0
            : op === "=="
              ? c === 0
              : c !== 0;
  return holds ? TRUE : FALSE;
}

/**
 * `Piecewise((value, condition), …)`: branches after a `True` condition and branches whose
 * condition is `False` are dropped; a Piecewise whose branches all agree collapses to that value.
 *
 * @example
 * ```ts
 * const x = sym("x");
 * piecewise([x, relation(">", x, 0)], [0, true]).toString(); // → "Piecewise((x, x > 0), (0, True))"
 * ```
 */
export function piecewise(...branches: readonly (readonly [ExprLike, Condition | boolean])[]): Expr {
  return piecewiseOf(branches);
}

/** {@link piecewise} with the branches as an array. */
export function piecewiseOf(branches: readonly (readonly [ExprLike, Condition | boolean])[]): Expr {
  const pieces: Piece[] = [];
  for (const branch of branches) {
    if (!Array.isArray(branch) || branch.length !== 2) {
      throw new TypeError(expected("piecewise", "[value, condition] pairs", branch));
    }
    const value = toExpr(branch[0], "piecewise");
    const raw = branch[1];
    const condition: Condition = raw === true ? TRUE : raw === false ? FALSE : raw;
    if (!(condition instanceof RelationNode) && !(condition instanceof BooleanNode)) {
      throw new TypeError(expected("piecewise", "a condition (relation or boolean)", raw));
    }
    if (condition.kind === "boolean" && !condition.value) continue;
    pieces.push({ value, condition });
    if (condition.kind === "boolean") break;
  }
  if (pieces.length === 0) throw new RangeError("piecewise: expected at least one branch that can hold");
  if (pieces[0]!.condition.kind === "boolean") return pieces[0]!.value;
  const last = pieces[pieces.length - 1]!;
  if (last.condition.kind === "boolean" && pieces.every((p) => p.value.equals(last.value))) {
    return last.value;
  }
  return new PiecewiseNode(pieces);
}
