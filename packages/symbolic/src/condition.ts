/**
 * Piecewise conditions: a relation between two expressions (`x > 0`) or a literal `True`/`False`.
 * Build relations with `relation()` (`piecewise.ts`), which folds the ones it can decide.
 */
import type { Expr } from "./expr.js";
import { hashChildren, hashString, mix } from "./hash.js";
import { depthAbove } from "./limits.js";
import { NO_SYMBOLS, SEED, unionSymbols } from "./node-fields.js";
import { conditionToString } from "./print.js";

/**
 * A Piecewise condition: a relation between two expressions, or a literal `True`/`False`.
 *
 * @example
 * ```ts
 * const c: Condition = relation(">", sym("x"), 0);
 * c.toString(); // → "x > 0"
 * ```
 */
export type Condition = RelationNode | BooleanNode;

/**
 * Relation operators allowed in Piecewise conditions (`==` prints as `Eq(a, b)`, `!=` as `Ne(a, b)`).
 *
 * @example
 * ```ts
 * const op: RelationOperator = "<=";
 * ```
 */
export type RelationOperator = "<" | "<=" | ">" | ">=" | "==" | "!=";

/**
 * A relation `lhs op rhs` used as a Piecewise condition.
 *
 * @example
 * ```ts
 * relation("<=", sym("x"), 1).toString(); // → "x <= 1"
 * ```
 */
export class RelationNode {
  readonly kind = "relation" as const;
  /** Structural hash (see {@link BaseExpr.hash}). */
  readonly hash: number;
  /** Levels, as for expressions. */
  readonly depth: number;
  /** Symbols of both sides. */
  readonly symbols: ReadonlySet<string>;
  constructor(
    readonly op: RelationOperator,
    readonly lhs: Expr,
    readonly rhs: Expr,
  ) {
    this.depth = depthAbove([lhs, rhs], "a relation");
    this.symbols = unionSymbols([lhs, rhs]);
    this.hash = hashChildren(hashString(SEED.relation, op), [lhs, rhs]);
  }
  /** Structural key (see {@link BaseExpr.key}). */
  get key(): string {
    return `${this.op}(${this.lhs.key},${this.rhs.key})`;
  }
  /** SymPy-style text: `x > 0`, `Eq(x, 0)`. */
  toString(): string {
    return conditionToString(this);
  }
}

/**
 * The literal conditions `True` and `False`.
 *
 * @example
 * ```ts
 * TRUE.toString(); // → "True"
 * ```
 */
export class BooleanNode {
  readonly kind = "boolean" as const;
  /** Structural hash. */
  readonly hash: number;
  /** A leaf. */
  readonly depth = 1;
  constructor(readonly value: boolean) {
    this.hash = mix(SEED.boolean, value ? 1 : 0);
  }
  /** Structural key. */
  get key(): string {
    return this.value ? "T" : "F";
  }
  /** No symbols. */
  readonly symbols = NO_SYMBOLS;
  /** `True` or `False`. */
  toString(): string {
    return this.value ? "True" : "False";
  }
}

/**
 * The condition `True` (the "otherwise" branch of a Piecewise).
 *
 * @example
 * ```ts
 * piecewise([sym("x"), relation(">", sym("x"), 0)], [num(0), TRUE]).toString(); // → "Piecewise((x, x > 0), (0, True))"
 * ```
 */
export const TRUE = new BooleanNode(true);

/**
 * The condition `False` (a branch that never applies; dropped by `piecewise`).
 *
 * @example
 * ```ts
 * FALSE.toString(); // → "False"
 * ```
 */
export const FALSE = new BooleanNode(false);
