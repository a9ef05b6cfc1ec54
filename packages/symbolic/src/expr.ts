/**
 * Immutable expression trees: a discriminated union on `kind`. Build nodes with the smart
 * constructors of `construct.ts` (`add`, `mul`, `pow`, `call`, …), which keep every tree in a
 * canonical, simplified form (SymPy's "automatic evaluation"); the classes here only hold data
 * and forward the convenience methods to the modules that implement them.
 *
 * Module note: the methods import `print.ts`, `differentiate.ts`, … which import the constructors,
 * which import these classes. That cycle is safe because no module touches another's bindings at
 * load time — only inside functions.
 */
import type { Algebra } from "./algebra.js";
import { compileUncached } from "./compile.js";
import { diff } from "./differentiate.js";
import { evaluate, evaluateWith } from "./evaluate.js";
import type { FunctionName } from "./functions.js";
import type { Condition } from "./condition.js";
import { hashBigInt, hashChildren, hashFloat, hashString } from "./hash.js";
import { toLatex } from "./latex.js";
import { depthAbove } from "./limits.js";
import { NO_SYMBOLS, SEED, unionSymbols } from "./node-fields.js";
import { toSympyString } from "./print.js";
import { substitute } from "./substitute.js";
import type { Ratio } from "./rational.js";
import { exprEquals, structuralKey } from "./structure.js";

/**
 * Any expression node. Switch on `kind` to walk a tree; every switch in this package ends with an
 * exhaustive `never` check, so adding a kind is a compile error until every walker handles it.
 *
 * @example
 * ```ts
 * const e: Expr = parse("Max(0, x)");
 * e.kind; // → "call"
 * ```
 */
export type Expr =
  | RationalNode
  | FloatNode
  | SymbolNode
  | ConstantNode
  | AddNode
  | MulNode
  | PowNode
  | CallNode
  | PiecewiseNode;

/**
 * Values a variable can be bound to when evaluating numerically.
 *
 * @example
 * ```ts
 * const vars: Bindings = { x: 2, y: -1 };
 * ```
 */
export type Bindings = Readonly<Record<string, number>>;

/**
 * Replacements for {@link substitute}: symbol name → expression (or plain number).
 *
 * @example
 * ```ts
 * const s: Substitutions = { x: parse("2*t"), alpha: 0.1 };
 * ```
 */
export type Substitutions = Readonly<Record<string, Expr | number>>;

/**
 * Behaviour shared by every expression node: printing, calculus and evaluation.
 *
 * @example
 * ```ts
 * parse("tanh(x)").diff("x").toString(); // → "1 - tanh(x)**2"
 * ```
 */
export abstract class BaseExpr {
  #key: string | undefined;
  #compiled: Map<string, (...values: number[]) => number> | undefined;

  /** A 32-bit structural hash, fixed at construction: equal trees have equal hashes. */
  abstract readonly hash: number;

  /** Levels in the tree (a leaf has depth 1); never more than `MAX_DEPTH`. */
  abstract readonly depth: number;

  /**
   * A unique structural key: two trees are equal exactly when their keys are equal. It is as long
   * as the fully written-out tree, so prefer `equals` (which uses the hash) to compare trees.
   */
  get key(): string {
    this.#key ??= structuralKey(this as unknown as Expr);
    return this.#key;
  }

  /** The names of the symbols that occur in this tree (including Piecewise conditions). */
  abstract readonly symbols: ReadonlySet<string>;

  /** Structural equality with another expression (after canonicalisation, so `x + x` equals `2*x`). */
  equals(other: Expr): boolean {
    return exprEquals(this as unknown as Expr, other);
  }

  /** SymPy-style text, e.g. `Max(0, x)`, `1/(exp(-x) + 1)`. Parses back to an equal tree. */
  toString(): string {
    return toSympyString(this as unknown as Expr);
  }

  /** LaTeX in SymPy's style, e.g. `\max\left(0, x\right)`. */
  toLatex(): string {
    return toLatex(this as unknown as Expr);
  }

  /** The derivative with respect to `variable` (`order` times). */
  diff(variable: string | SymbolNode, order = 1): Expr {
    return diff(this as unknown as Expr, variable, order);
  }

  /** Replaces symbols by expressions or numbers and re-simplifies. */
  substitute(replacements: Substitutions): Expr {
    return substitute(this as unknown as Expr, replacements);
  }

  /** The float64 value for the given bindings; throws `UnboundSymbolError` naming a missing symbol. */
  evaluate(vars: Bindings = {}): number {
    return evaluate(this as unknown as Expr, vars);
  }

  /** Evaluates over any {@link Algebra} (numbers, dual numbers, autograd `Value`s, …). */
  evaluateWith<T>(algebra: Algebra<T>, vars: Readonly<Record<string, T | number>>): T {
    return evaluateWith(this as unknown as Expr, algebra, vars);
  }

  /**
   * A fast JS function taking the values of `variables` in order; `constants` are baked in.
   * Cached per tree and argument list.
   */
  compile(variables: readonly string[], constants: Bindings = {}): (...values: number[]) => number {
    const cacheKey = `${variables.join(",")}|${Object.entries(constants)
      .map(([k, v]) => `${k}=${v}`)
      .join(",")}`;
    this.#compiled ??= new Map();
    let fn = this.#compiled.get(cacheKey);
    if (fn === undefined) {
      fn = compileUncached(this as unknown as Expr, variables, constants);
      this.#compiled.set(cacheKey, fn);
    }
    return fn;
  }
}

/**
 * An exact rational number `p/q` (reduced, `q > 0`). Integers are rationals with `q = 1`.
 *
 * @example
 * ```ts
 * const half = rational(1, 2) as RationalNode;
 * half.p; // → 1n
 * ```
 */
export class RationalNode extends BaseExpr {
  readonly kind = "rational" as const;
  readonly hash: number;
  readonly depth = 1;
  readonly symbols = NO_SYMBOLS;
  constructor(
    readonly p: bigint,
    readonly q: bigint,
  ) {
    super();
    this.hash = hashBigInt(hashBigInt(SEED.rational, p), q);
  }
  /** The value as an exact ratio `{ p, q }` (bigint numerator and denominator, q > 0, in lowest terms). */
  get ratio(): Ratio {
    return { p: this.p, q: this.q };
  }
}

/**
 * An inexact float64 number (from a decimal literal such as `0.5` or `1.0e-8`).
 *
 * @example
 * ```ts
 * (parse("0.5") as FloatNode).value; // → 0.5
 * ```
 */
export class FloatNode extends BaseExpr {
  readonly kind = "float" as const;
  readonly hash: number;
  readonly depth = 1;
  readonly symbols = NO_SYMBOLS;
  constructor(readonly value: number) {
    super();
    this.hash = hashFloat(SEED.float, value);
  }
}

/**
 * A real-valued symbol (a variable or a parameter).
 *
 * @example
 * ```ts
 * sym("x").name; // → "x"
 * ```
 */
export class SymbolNode extends BaseExpr {
  readonly kind = "symbol" as const;
  readonly hash: number;
  readonly depth = 1;
  readonly symbols: ReadonlySet<string>;
  constructor(readonly name: string) {
    super();
    this.symbols = new Set([name]);
    this.hash = hashString(SEED.symbol, name);
  }
}

/**
 * A named constant: `pi`, Euler's number `E`, or `zoo` — SymPy's complex infinity, the value of
 * `0**-1` (it has no real value: it evaluates to NaN).
 *
 * @example
 * ```ts
 * PI.evaluate(); // → 3.141592653589793
 * ```
 */
export class ConstantNode extends BaseExpr {
  readonly kind = "constant" as const;
  readonly hash: number;
  readonly depth = 1;
  readonly symbols = NO_SYMBOLS;
  constructor(readonly name: "pi" | "E" | "zoo") {
    super();
    this.hash = hashString(SEED.constant, name);
  }
}

/**
 * A sum of two or more terms (canonical order, like terms combined, numbers folded).
 *
 * @example
 * ```ts
 * (parse("x + 1") as AddNode).terms.length; // → 2
 * ```
 */
export class AddNode extends BaseExpr {
  readonly kind = "add" as const;
  readonly hash: number;
  readonly depth: number;
  readonly symbols: ReadonlySet<string>;
  /** `symbols`, when given, must be the union of the terms' symbols (a shortcut for `add`). */
  constructor(
    readonly terms: readonly Expr[],
    symbols?: ReadonlySet<string>,
  ) {
    super();
    this.symbols = symbols ?? unionSymbols(terms);
    this.depth = depthAbove(terms, "a sum");
    this.hash = hashChildren(SEED.add, terms);
  }
}

/**
 * A product of two or more factors; a numeric coefficient, if any, comes first.
 * Division is a factor with a negative exponent, as in SymPy.
 *
 * @example
 * ```ts
 * (parse("2*x*y") as MulNode).factors.length; // → 3
 * ```
 */
export class MulNode extends BaseExpr {
  readonly kind = "mul" as const;
  readonly hash: number;
  readonly depth: number;
  readonly symbols: ReadonlySet<string>;
  constructor(readonly factors: readonly Expr[]) {
    super();
    this.symbols = unionSymbols(factors);
    this.depth = depthAbove(factors, "a product");
    this.hash = hashChildren(SEED.mul, factors);
  }
}

/**
 * `base ** exponent`. Square roots are powers with exponent `1/2`.
 *
 * @example
 * ```ts
 * (parse("sqrt(x)") as PowNode).exponent.toString(); // → "1/2"
 * ```
 */
export class PowNode extends BaseExpr {
  readonly kind = "pow" as const;
  readonly hash: number;
  readonly depth: number;
  readonly symbols: ReadonlySet<string>;
  constructor(
    readonly base: Expr,
    readonly exponent: Expr,
  ) {
    super();
    this.symbols = unionSymbols([base, exponent]);
    this.depth = depthAbove([base, exponent], "a power");
    this.hash = hashChildren(SEED.pow, [base, exponent]);
  }
}

/**
 * A function application such as `exp(x)`, `Max(0, x)` or `polygamma(0, x)`.
 *
 * @example
 * ```ts
 * (parse("Max(0, x)") as CallNode).fn; // → "Max"
 * ```
 */
export class CallNode extends BaseExpr {
  readonly kind = "call" as const;
  readonly hash: number;
  readonly depth: number;
  readonly symbols: ReadonlySet<string>;
  constructor(
    readonly fn: FunctionName,
    readonly args: readonly Expr[],
  ) {
    super();
    this.symbols = unionSymbols(args);
    this.depth = depthAbove(args, `a call of ${fn}`);
    this.hash = hashChildren(hashString(SEED.call, fn), args);
  }
}

/**
 * One branch of a Piecewise: `value` where `condition` holds (and no earlier condition did).
 *
 * @example
 * ```ts
 * const piece: Piece = { value: sym("x"), condition: relation(">", sym("x"), 0) };
 * ```
 */
export interface Piece {
  readonly value: Expr;
  readonly condition: Condition;
}

/**
 * `Piecewise((v1, c1), (v2, c2), …)`: the first branch whose condition holds.
 *
 * @example
 * ```ts
 * (parse("Piecewise((x, x > 0), (0, True))") as PiecewiseNode).pieces.length; // → 2
 * ```
 */
export class PiecewiseNode extends BaseExpr {
  readonly kind = "piecewise" as const;
  readonly hash: number;
  readonly depth: number;
  readonly symbols: ReadonlySet<string>;
  constructor(readonly pieces: readonly Piece[]) {
    super();
    const parts = pieces.flatMap((p) => [p.value, p.condition]);
    this.symbols = unionSymbols(parts);
    this.depth = depthAbove(parts, "a Piecewise");
    this.hash = hashChildren(SEED.piecewise, parts);
  }
}

/**
 * Exhaustiveness guard for `switch (node.kind)`: a compile error if a kind is left out.
 *
 * @example
 * ```ts no-run: the default branch of a switch over a node's kind (a fragment)
 * switch (c.kind) { case "relation": …; case "boolean": …; default: return assertNever(c, "walk"); }
 * ```
 */
export function assertNever(value: never, where: string): never {
  throw new TypeError(`${where}: unexpected node ${JSON.stringify(value)}`);
}

// Shared singletons. They live here (not in construct.ts) because only this module may build
// nodes at load time — see the module note at the top.

/** The integer 0. @example `ZERO.toString(); // "0"` */
export const ZERO = new RationalNode(0n, 1n);
/** The integer 1. @example `ONE.toString(); // "1"` */
export const ONE = new RationalNode(1n, 1n);
/** The integer −1. @example `NEG_ONE.toString(); // "-1"` */
export const NEG_ONE = new RationalNode(-1n, 1n);
/** The rational 1/2. @example `HALF.toString(); // "1/2"` */
export const HALF = new RationalNode(1n, 2n);

/** The float NaN (SymPy's `nan`), what `0*zoo` and `zoo - zoo` are. @example `NAN.toString(); // "nan"` */
export const NAN = new FloatNode(NaN);

/**
 * SymPy's `zoo` (complex infinity): `0**-1`, `1/0`. Absorbs finite factors and terms; `0*zoo`,
 * `zoo + zoo` and `x**zoo` are NaN.
 *
 * @example
 * ```ts
 * parse("0**-1").toString(); // "zoo"
 * ```
 */
export const ZOO = new ConstantNode("zoo");

/**
 * The constant π.
 *
 * @example
 * ```ts
 * PI.toString(); // → "pi"
 * ```
 */
export const PI = new ConstantNode("pi");

/**
 * Euler's number e (printed `E`, as in SymPy).
 *
 * @example
 * ```ts
 * E.evaluate(); // → 2.718281828459045
 * ```
 */
export const E = new ConstantNode("E");
