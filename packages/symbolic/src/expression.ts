/**
 * A named formula of the catalogue: a symbolic tree whose symbols are split into **params**
 * (constants with default values, such as leaky ReLU's `alpha`) and **variables** (the inputs,
 * such as `x`). Params stay symbols in `symbolicExpr`, so `compose` replaces a variable and never
 * a param, and `gradient` can be taken with respect to either.
 */
import { expected } from "@neurogebra/internal";

import type { Algebra } from "./algebra.js";
import { diff } from "./differentiate.js";
import { UnboundSymbolError, checkBindings, evaluate } from "./evaluate.js";
import type { Bindings, Expr } from "./expr.js";
import { parse } from "./parse.js";
import { substitute } from "./substitute.js";
import { suggest } from "./suggest.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * What an {@link Expression} is made of.
 *
 * @example
 * ```ts
 * const init: ExpressionInit = {
 *   name: "leaky_relu", category: "activation", description: "ReLU with a slope for negatives.",
 *   expr: parse("Max(x, alpha*x)"), params: { alpha: 0.01 },
 * };
 * ```
 */
export interface ExpressionInit {
  readonly name: string;
  readonly category: string;
  readonly description: string;
  readonly expr: Expr;
  /** Param name → value. Every other symbol is a variable. */
  readonly params?: Readonly<Record<string, number>>;
  /** The variables in argument order; defaults to the non-param symbols sorted by name. */
  readonly variables?: readonly string[];
}

function unknownName(where: string, what: string, name: string, known: readonly string[]): TypeError {
  const hint = suggest(name, known);
  return new TypeError(
    `${where}: unknown ${what} "${name}"; expected one of ${known.join(", ") || "(none)"}${
      hint.length > 0 ? ` (did you mean ${hint.map((h) => `"${h}"`).join(", ")}?)` : ""
    }`,
  );
}

/**
 * A catalogue formula with its params and variables: what `MathForge.get` returns.
 *
 * @example
 * ```ts
 * const relu = new MathForge().get("relu");
 * relu.symbolicExpr.toString();          // → "Max(0, x)"
 * relu.gradient("x").symbolicExpr.toString(); // → "Heaviside(x)"
 * relu.eval({ x: 2 });                   // → 2
 * ```
 */
export class Expression {
  /** Catalogue name, e.g. `"relu"`. */
  readonly name: string;
  /** Category, e.g. `"activation"`. */
  readonly category: string;
  /** One-line description. */
  readonly description: string;
  /** The formula; params appear in it as symbols. */
  readonly symbolicExpr: Expr;
  /** Param values (defaults merged with overrides). */
  readonly params: Readonly<Record<string, number>>;
  /** Input variables, in the argument order of {@link Expression.compile}. */
  readonly variables: readonly string[];
  #formula: string | undefined;
  #bound: Expr | undefined;

  constructor(init: ExpressionInit) {
    const where = `Expression(${init.name})`;
    if (typeof init.name !== "string" || init.name.length === 0) {
      throw new TypeError(expected("Expression", "a non-empty name", init.name));
    }
    const params = checkBindings(`${where} params`, init.params ?? {});
    for (const p of Object.keys(params)) {
      if (!IDENTIFIER.test(p)) throw new TypeError(`${where}: param name "${p}" is not an identifier`);
    }
    const variables =
      init.variables ?? [...init.expr.symbols].filter((s) => !Object.hasOwn(params, s)).sort();
    for (const v of variables) {
      if (typeof v !== "string" || !IDENTIFIER.test(v)) {
        throw new TypeError(expected(where, "variable names", v));
      }
      if (Object.hasOwn(params, v)) throw new TypeError(`${where}: "${v}" is both a param and a variable`);
    }
    for (const s of init.expr.symbols) {
      if (!Object.hasOwn(params, s) && !variables.includes(s)) {
        throw new TypeError(`${where}: symbol "${s}" is neither a param nor a variable`);
      }
    }
    this.name = init.name;
    this.category = init.category;
    this.description = init.description;
    this.symbolicExpr = init.expr;
    this.params = Object.freeze({ ...params });
    this.variables = Object.freeze([...variables]);
  }

  /** The formula in LaTeX (SymPy style), e.g. `\max\left(0, x\right)`. */
  get formula(): string {
    this.#formula ??= this.symbolicExpr.toLatex();
    return this.#formula;
  }

  /** The formula in SymPy syntax. */
  toString(): string {
    return this.symbolicExpr.toString();
  }

  private symbolNames(): string[] {
    return [...this.variables, ...Object.keys(this.params)];
  }

  /**
   * The derivative with respect to a variable (or a param), as an Expression with the same params
   * and variables.
   *
   * @example
   * ```ts
   * forge.get("tanh").gradient("x").toString(); // → "1 - tanh(x)**2"
   * ```
   */
  gradient(variable: string): Expression {
    if (!this.variables.includes(variable) && !Object.hasOwn(this.params, variable)) {
      throw unknownName(`${this.name}.gradient`, "variable", String(variable), this.symbolNames());
    }
    return new Expression({
      name: `d${this.name}/d${variable}`,
      category: this.category,
      description: `Derivative of ${this.name} with respect to ${variable}.`,
      expr: diff(this.symbolicExpr, variable),
      params: this.params,
      variables: this.variables,
    });
  }

  /**
   * The formula with these param values substituted, as SymPy's `subs` does before evaluating: a
   * variable that a param value cancels (`b` in `a - b*proj_coeff` at `proj_coeff = 0`) is gone.
   */
  private bound(params: Readonly<Record<string, number>>): Expr {
    if (params !== this.params) return substitute(this.symbolicExpr, params);
    this.#bound ??= substitute(this.symbolicExpr, params);
    return this.#bound;
  }

  /**
   * The value at the given variables (params use their values unless overridden here). Params are
   * substituted first, so only the variables left in the formula need values.
   *
   * @throws UnboundSymbolError naming a variable without a value.
   * @example
   * ```ts
   * forge.get("leaky_relu").eval({ x: -2 }); // → -0.02
   * forge.get("orthogonal_residual_elem").eval({ a: 3 }); // → 3  (proj_coeff = 0: b is not needed)
   * ```
   */
  eval(vars: Bindings = {}): number {
    const where = `${this.name}.eval`;
    const given = checkBindings(where, vars);
    const overrides: Record<string, number> = Object.create(null) as Record<string, number>; // "__proto__" too
    for (const [k, value] of Object.entries(given)) {
      if (Object.hasOwn(this.params, k)) overrides[k] = value;
      else if (!this.variables.includes(k)) throw unknownName(where, "variable", k, this.symbolNames());
    }
    const expr = this.bound(
      Object.keys(overrides).length === 0 ? this.params : { ...this.params, ...overrides },
    );
    for (const v of this.variables) {
      if (expr.symbols.has(v) && !Object.hasOwn(given, v)) {
        throw new UnboundSymbolError(where, v, Object.keys(given));
      }
    }
    return evaluate(expr, given);
  }

  /**
   * A compiled function of the variables in {@link Expression.variables} order, params baked in
   * (substituted first, as in {@link Expression.eval}, so both give the same numbers).
   *
   * @example
   * ```ts
   * const f = forge.get("sigmoid").compile();
   * f(0); // → 0.5
   * ```
   */
  compile(): (...values: number[]) => number {
    return this.bound(this.params).compile(this.variables);
  }

  /**
   * Evaluates on an {@link Algebra} (e.g. autograd `Value`s); params are plain numbers unless
   * bound to algebra elements in `vars` (to train them).
   *
   * @example
   * ```ts
   * forge.get("relu").evaluateWith(numberAlgebra, { x: 3 }); // → 3
   * ```
   */
  evaluateWith<T>(algebra: Algebra<T>, vars: Readonly<Record<string, T | number>>): T {
    if (typeof vars !== "object" || vars === null) {
      throw new TypeError(expected(`${this.name}.evaluateWith`, "vars to be an object", vars));
    }
    for (const k of Object.keys(vars)) {
      if (!this.variables.includes(k) && !Object.hasOwn(this.params, k)) {
        throw unknownName(`${this.name}.evaluateWith`, "variable", k, this.symbolNames());
      }
    }
    return this.symbolicExpr.evaluateWith(algebra, { ...this.params, ...vars });
  }

  /**
   * The same formula with some params changed.
   *
   * @example
   * ```ts
   * forge.get("leaky_relu").withParams({ alpha: 0.2 }).eval({ x: -1 }); // → -0.2
   * ```
   */
  withParams(params: Readonly<Record<string, number>>): Expression {
    const given = checkBindings(`${this.name}.withParams`, params);
    for (const k of Object.keys(given)) {
      if (!Object.hasOwn(this.params, k)) {
        throw unknownName(`${this.name}.withParams`, "param", k, Object.keys(this.params));
      }
    }
    return new Expression({
      name: this.name,
      category: this.category,
      description: this.description,
      expr: this.symbolicExpr,
      params: { ...this.params, ...given },
      variables: this.variables,
    });
  }

  /**
   * `this(inner)`: substitutes `inner` for one of this expression's variables (by default the only
   * one). Params are never replaced; the two param sets are merged (a clash with different values
   * is an error).
   *
   * @example
   * ```ts
   * forge.get("relu").compose("w*x + b").toString(); // → "Max(0, b + w*x)"
   * ```
   */
  compose(inner: Expression | Expr | string, variable?: string): Expression {
    const where = `${this.name}.compose`;
    let v = variable;
    if (v === undefined) {
      if (this.variables.length !== 1) {
        throw new TypeError(
          `${where}: expected a variable name because ${this.name} has ${this.variables.length} variables (${this.variables.join(", ")})`,
        );
      }
      v = this.variables[0]!;
    } else if (!this.variables.includes(v)) {
      throw unknownName(where, "variable", v, [...this.variables]);
    }
    const other =
      inner instanceof Expression
        ? inner
        : new Expression({
            name: "inner",
            category: this.category,
            description: "",
            expr: typeof inner === "string" ? parse(inner) : inner,
          });
    const params = Object.assign(Object.create(null), this.params) as Record<string, number>; // "__proto__" too
    for (const [k, value] of Object.entries(other.params)) {
      if (Object.hasOwn(params, k) && params[k] !== value) {
        throw new TypeError(`${where}: param "${k}" is ${params[k]} here and ${value} in ${other.name}`);
      }
      params[k] = value;
    }
    const variables = [...new Set([...this.variables.filter((x) => x !== v), ...other.variables])];
    for (const x of variables) {
      if (Object.hasOwn(params, x))
        throw new TypeError(`${where}: "${x}" would be both a param and a variable`);
    }
    return new Expression({
      name: `${this.name}(${other.name})`,
      category: this.category,
      description: `${this.name} applied to ${other.name}.`,
      expr: substitute(this.symbolicExpr, { [v]: other.symbolicExpr }),
      params,
      variables,
    });
  }
}
