/**
 * MathForge: the catalogue of named formulas (285 built in, more via `register`). Each instance
 * owns its registry — nothing is global — and parses a formula the first time it is asked for.
 */
import { expected } from "@neurogebra/internal";

import { DESCRIPTIONS } from "./catalogue-descriptions.js";
import { CATALOGUE } from "./catalogue-data.js";
import { checkBindings } from "./evaluate.js";
import type { Expr } from "./expr.js";
import { Expression } from "./expression.js";
import { kinks } from "./kinks.js";
import { parse } from "./parse.js";
import { suggest } from "./suggest.js";

/**
 * How much `explain` says: the idea, then the calculus, then LaTeX and the non-smooth points.
 *
 * @example
 * ```ts
 * const level: ExplainLevel = "intermediate";
 * ```
 */
export type ExplainLevel = "beginner" | "intermediate" | "advanced";

/**
 * A catalogue entry's facts without parsing it: what `search` returns.
 *
 * @example
 * ```ts
 * const info: ExpressionInfo = new MathForge().search("relu")[0]!;
 * info.formula; // → "Max(0, x)"
 * ```
 */
export interface ExpressionInfo {
  readonly name: string;
  readonly category: string;
  readonly description: string;
  /** The formula in SymPy syntax. */
  readonly formula: string;
  readonly params: Readonly<Record<string, number>>;
}

/**
 * One row of `compare`: the formula, its derivatives and params side by side.
 *
 * @example
 * ```ts
 * const [row] = new MathForge().compare(["relu"]);
 * row!.gradients; // → { x: "Heaviside(x)" }
 * ```
 */
export interface ComparisonRow extends ExpressionInfo {
  /** The formula in LaTeX. */
  readonly latex: string;
  readonly variables: readonly string[];
  /** Variable → derivative in SymPy syntax. */
  readonly gradients: Readonly<Record<string, string>>;
  /** Expressions whose zeros contain the points where the formula is not differentiable. */
  readonly kinks: readonly string[];
}

/**
 * Metadata for {@link MathForge.register}.
 *
 * @example
 * ```ts
 * const meta: RegisterMeta = { category: "activation", description: "Bent identity.", params: {} };
 * ```
 */
export interface RegisterMeta {
  readonly category: string;
  readonly description: string;
  /** Default param values; every other symbol is a variable. */
  readonly params?: Readonly<Record<string, number>>;
  /** Variables in argument order (default: sorted by name). */
  readonly variables?: readonly string[];
}

/**
 * Thrown for a name the catalogue does not have; the message suggests close names.
 *
 * @example
 * ```ts
 * try { forge.get("rellu"); } catch (e) { (e as UnknownExpressionError).suggestions; } // ["relu", ...]
 * ```
 */
export class UnknownExpressionError extends RangeError {
  /** Close names that do exist. */
  readonly suggestions: readonly string[];
  constructor(where: string, what: string, name: string, suggestions: readonly string[]) {
    super(
      `${where}: unknown ${what} "${name}"${
        suggestions.length > 0 ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?)` : ""
      }`,
    );
    this.name = "UnknownExpressionError";
    this.suggestions = suggestions;
  }
}

interface Entry {
  readonly name: string;
  readonly category: string;
  readonly description: string;
  readonly source: string | Expr;
  readonly params: Readonly<Record<string, number>>;
  readonly variables?: readonly string[];
  expression?: Expression;
}

const LEVELS: readonly ExplainLevel[] = ["beginner", "intermediate", "advanced"];
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function formatParams(params: Readonly<Record<string, number>>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k} = ${v}`)
    .join(", ");
}

/**
 * The catalogue of named formulas, as in Python's `neurogebra.MathForge`.
 *
 * @example
 * ```ts
 * const forge = new MathForge();
 * const relu = forge.get("relu");
 * relu.symbolicExpr.toString();                 // → "Max(0, x)"
 * relu.gradient("x").symbolicExpr.toString();   // → "Heaviside(x)"
 * forge.get("leaky_relu", { params: { alpha: 0.2 } }).eval({ x: -1 }); // → -0.2
 * ```
 */
export class MathForge {
  readonly #entries = new Map<string, Entry>();

  constructor() {
    for (const r of CATALOGUE) {
      this.#entries.set(r.name, {
        name: r.name,
        category: r.category,
        description: DESCRIPTIONS[r.name] ?? "",
        source: r.formula,
        params: r.params,
      });
    }
  }

  /** How many formulas the forge holds. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * True when `name` is in the catalogue.
   *
   * @example
   * ```ts
   * forge.has("relu"); // → true
   * ```
   */
  has(name: string): boolean {
    return this.#entries.has(name);
  }

  private entry(where: string, name: string): Entry {
    const e = typeof name === "string" ? this.#entries.get(name) : undefined;
    if (e === undefined) {
      throw new UnknownExpressionError(
        where,
        "expression",
        String(name),
        suggest(String(name), [...this.#entries.keys()]),
      );
    }
    return e;
  }

  private expression(entry: Entry): Expression {
    entry.expression ??= new Expression({
      name: entry.name,
      category: entry.category,
      description: entry.description,
      expr: typeof entry.source === "string" ? parse(entry.source) : entry.source,
      params: entry.params,
      ...(entry.variables === undefined ? {} : { variables: entry.variables }),
    });
    return entry.expression;
  }

  /**
   * The named formula, with some params optionally changed.
   *
   * @throws UnknownExpressionError (with "did you mean" suggestions) for an unknown name;
   *   TypeError for an unknown param.
   * @example
   * ```ts
   * forge.get("relu").eval({ x: -2 }); // → 0
   * ```
   */
  get(name: string, options: { readonly params?: Readonly<Record<string, number>> } = {}): Expression {
    const expression = this.expression(this.entry("MathForge.get", name));
    return options.params === undefined ? expression : expression.withParams(options.params);
  }

  /**
   * Adds a formula under a new name and returns it.
   *
   * @throws RangeError when the name is taken; TypeError for an invalid formula or metadata.
   * @example
   * ```ts
   * forge.register("bent_identity", "(sqrt(x**2 + 1) - 1)/2 + x", {
   *   category: "activation", description: "Bent identity.",
   * });
   * ```
   */
  register(name: string, expr: Expr | string, meta: RegisterMeta): Expression {
    if (typeof name !== "string" || !NAME.test(name)) {
      throw new TypeError(expected("MathForge.register", "an identifier-like name", name));
    }
    if (this.#entries.has(name)) {
      throw new RangeError(`MathForge.register: "${name}" already exists; choose another name`);
    }
    if (
      typeof meta !== "object" ||
      meta === null ||
      typeof meta.category !== "string" ||
      typeof meta.description !== "string"
    ) {
      throw new TypeError("MathForge.register: expected meta with a category and a description (strings)");
    }
    const entry: Entry = {
      name,
      category: meta.category,
      description: meta.description,
      source: typeof expr === "string" ? parse(expr) : expr,
      params: checkBindings("MathForge.register params", meta.params ?? {}),
      ...(meta.variables === undefined ? {} : { variables: meta.variables }),
    };
    const expression = this.expression(entry); // validates before the entry becomes visible
    this.#entries.set(name, entry);
    return expression;
  }

  private info(e: Entry): ExpressionInfo {
    return {
      name: e.name,
      category: e.category,
      description: e.description,
      formula: typeof e.source === "string" ? e.source : e.source.toString(),
      params: e.params,
    };
  }

  /**
   * Entries matching a query (words matched against name, category, description and formula),
   * best first.
   *
   * @example
   * ```ts
   * forge.search("kernel").map((i) => i.name).slice(0, 3);
   * ```
   */
  search(query: string, options: { readonly limit?: number } = {}): ExpressionInfo[] {
    if (typeof query !== "string") throw new TypeError(expected("MathForge.search", "a string", query));
    const q = query.trim().toLowerCase();
    if (q.length === 0) return [];
    const words = q.split(/\s+/);
    const scored: { info: ExpressionInfo; score: number; order: number }[] = [];
    let order = 0;
    for (const e of this.#entries.values()) {
      const info = this.info(e);
      const name = e.name.toLowerCase();
      const description = e.description.toLowerCase();
      const formula = info.formula.toLowerCase();
      let score = name === q ? 100 : name.startsWith(q) ? 50 : name.includes(q.replace(/\s+/g, "_")) ? 30 : 0;
      for (const w of words) {
        if (e.category.toLowerCase() === w) score += 20;
        if (name.includes(w)) score += 10;
        if (description.includes(w)) score += 8;
        if (formula.includes(w)) score += 4;
      }
      if (score > 0) scored.push({ info, score, order: order++ });
    }
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    return scored.slice(0, options.limit ?? scored.length).map((s) => s.info);
  }

  /**
   * The catalogue's categories, in catalogue order.
   *
   * @example
   * ```ts
   * forge.categories()[0]; // → "activation"
   * ```
   */
  categories(): string[] {
    return [...new Set([...this.#entries.values()].map((e) => e.category))];
  }

  /**
   * All names, or those of one category, in catalogue order.
   *
   * @throws UnknownExpressionError for an unknown category.
   * @example
   * ```ts
   * forge.listAll("loss").length; // → 8
   * ```
   */
  listAll(category?: string): string[] {
    const entries = [...this.#entries.values()];
    if (category === undefined) return entries.map((e) => e.name);
    const categories = this.categories();
    if (!categories.includes(category)) {
      throw new UnknownExpressionError(
        "MathForge.listAll",
        "category",
        String(category),
        suggest(String(category), categories),
      );
    }
    return entries.filter((e) => e.category === category).map((e) => e.name);
  }

  /**
   * A plain-text explanation: `beginner` (what it is, the formula, params), `intermediate`
   * (+ variables and derivatives), `advanced` (+ LaTeX and where it is not differentiable).
   *
   * @example
   * ```ts
   * forge.explain("relu", "beginner");
   * ```
   */
  explain(name: string, level: ExplainLevel = "beginner"): string {
    if (!LEVELS.includes(level)) {
      throw new RangeError(expected("MathForge.explain", `level to be one of ${LEVELS.join(", ")}`, level));
    }
    const e = this.get(name);
    const lines = [`${e.name} (${e.category}): ${e.description}`, `  Formula: ${e.toString()}`];
    if (Object.keys(e.params).length > 0) lines.push(`  Parameters: ${formatParams(e.params)}`);
    if (level === "beginner") return lines.join("\n");
    lines.push(`  Variables: ${e.variables.join(", ") || "(none)"}`);
    for (const v of e.variables) lines.push(`  d/d${v}: ${e.gradient(v).toString()}`);
    if (level === "intermediate") return lines.join("\n");
    lines.push(`  LaTeX: ${e.formula}`);
    for (const v of e.variables) lines.push(`  LaTeX d/d${v}: ${e.gradient(v).formula}`);
    const k = kinks(e.symbolicExpr);
    lines.push(
      k.length === 0
        ? "  Smooth wherever it is defined."
        : `  Not differentiable where any of these is zero: ${k.map(String).join("; ")} (derivatives there follow SymPy: Heaviside(0) = 1/2, sign(0) = 0).`,
    );
    return lines.join("\n");
  }

  /**
   * Side-by-side facts for several formulas.
   *
   * @example
   * ```ts
   * forge.compare(["relu", "sigmoid"]).map((r) => r.gradients.x);
   * // ["Heaviside(x)", "exp(-x)/(exp(-x) + 1)**2"]
   * ```
   */
  compare(names: readonly string[]): ComparisonRow[] {
    const list: unknown = names;
    if (!Array.isArray(list)) throw new TypeError(expected("MathForge.compare", "an array of names", names));
    return names.map((n) => {
      const e = this.get(n);
      const gradients: Record<string, string> = {};
      for (const v of e.variables) gradients[v] = e.gradient(v).toString();
      return {
        ...this.info(this.entry("MathForge.compare", n)),
        formula: e.toString(),
        latex: e.formula,
        variables: e.variables,
        gradients,
        kinks: kinks(e.symbolicExpr).map(String),
      };
    });
  }
}
