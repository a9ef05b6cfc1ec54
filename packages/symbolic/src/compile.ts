/**
 * Compiles a tree into a plain JS function (`new Function`) with common subexpressions computed
 * once. Powers, functions and sums are computed exactly as `evaluate` computes them, so compiled
 * and interpreted results agree to the last bit.
 */
import { expected } from "@neurogebra/internal";

import type { Condition } from "./condition.js";
import { assertNever } from "./expr.js";
import { ExprMap } from "./expr-map.js";
import type { Bindings, Expr } from "./expr.js";
import { UnboundSymbolError, checkBindings, evaluate, evaluateConstant, noBranchError } from "./evaluate.js";
import type { FunctionName } from "./functions.js";
import { NUMERIC_FUNCTIONS, constantValue, powNumber } from "./numeric-functions.js";
import { ratToNumber } from "./rational.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What generated code may call (passed in as `H`, never looked up globally). */
const HELPERS = {
  f: NUMERIC_FUNCTIONS,
  pow: powNumber,
  sq: (x: number): number => x * x,
  noBranch: (): never => {
    throw noBranchError("compiled function");
  },
  arity: (expected: number, received: number): never => {
    throw new TypeError(`compiled function: expected ${expected} argument(s), got ${received}`);
  },
  notNumber: (names: readonly string[], i: number, value: unknown): never => {
    throw new TypeError(expected("compiled function", `${names[i]} (argument ${i}) to be a number`, value));
  },
  /** The error for a call that failed the one combined check of the generated code. */
  badCall: (names: readonly string[], values: ArrayLike<unknown>): never => {
    if (values.length !== names.length) return HELPERS.arity(names.length, values.length);
    for (let i = 0; i < names.length; i++) {
      if (typeof values[i] !== "number") HELPERS.notNumber(names, i, values[i]);
    }
    throw new TypeError("compiled function: bad call"); // unreachable: the check found a problem
  },
};

/** The interpreter behind a compiled function's signature: the same checks, `evaluate`'s numbers. */
function interpreted(
  expr: Expr,
  variables: readonly string[],
  constants: Bindings,
): (...values: number[]) => number {
  return (...values: unknown[]): number => {
    if (values.length !== variables.length) HELPERS.arity(variables.length, values.length);
    const vars: Record<string, number> = { ...constants };
    variables.forEach((v, i) => {
      const value = values[i];
      if (typeof value !== "number") HELPERS.notNumber(variables, i, value);
      Object.defineProperty(vars, v, { value, enumerable: true }); // "__proto__" is a name too
    });
    return evaluate(expr, vars);
  };
}

function literal(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "(-Infinity)";
  if (Object.is(v, -0)) return "(-0)";
  return v < 0 ? `(${String(v)})` : String(v);
}

/** Every node this deep (and 2·, 3·, …) is computed into a temporary of its own. */
const HOIST_EVERY = 32;

/**
 * Generated code nested deeper than this (Piecewise branches cannot be hoisted) is left to the
 * interpreter: V8 parses and compiles nested expressions recursively, on the caller's stack.
 */
const MAX_CODE_NESTING = 96;

/** The deepest nesting of parentheses in generated code (every call and ternary has its own). */
function codeNesting(code: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 40)
      max = Math.max(max, ++depth); // "("
    else if (c === 41) depth--; // ")"
  }
  return max;
}

const RELATION_JS = { "<": "<", "<=": "<=", ">": ">", ">=": ">=", "==": "===", "!=": "!==" } as const;

class CodeGenerator {
  private readonly uses = new ExprMap<number>();
  /** Subtrees holding a Piecewise (which may throw, so they are never moved out of a branch). */
  private readonly branching = new ExprMap<boolean>();
  private readonly names = new ExprMap<string>();
  readonly lines: string[] = [];
  readonly functions = new Set<FunctionName>();

  constructor(private readonly leaf: (name: string) => string) {}

  /** Counts the uses of every subtree; returns whether `e` holds a Piecewise. */
  count(e: Expr): boolean {
    const n = (this.uses.get(e) ?? 0) + 1;
    this.uses.set(e, n);
    if (n > 1) return this.branching.get(e)!; // children already counted
    let branching = false;
    switch (e.kind) {
      case "rational":
      case "float":
      case "constant":
      case "symbol":
        break;
      case "add":
        for (const t of e.terms) branching = this.count(t) || branching;
        break;
      case "mul":
        for (const t of e.factors) branching = this.count(t) || branching;
        break;
      case "pow":
        branching = this.count(e.base);
        branching = this.count(e.exponent) || branching;
        break;
      case "call":
        for (const t of e.args) branching = this.count(t) || branching;
        break;
      case "piecewise":
        branching = true;
        for (const p of e.pieces) {
          this.count(p.value);
          if (p.condition.kind === "relation") {
            this.count(p.condition.lhs);
            this.count(p.condition.rhs);
          }
        }
        break;
      default:
        return assertNever(e, "compile");
    }
    this.branching.set(e, branching);
    return branching;
  }

  gen(e: Expr): string {
    switch (e.kind) {
      case "rational":
        return literal(ratToNumber(e.ratio));
      case "float":
        return literal(e.value);
      case "constant":
        return literal(constantValue(e.name));
      case "symbol":
        return this.leaf(e.name);
      default:
        break;
    }
    // A Piecewise may throw (no branch applies), so it is never hoisted out of its branch.
    if (e.kind === "piecewise") return this.genCompound(e);
    // A subtree without symbols (sqrt(2), 1/sqrt(pi)) is computed once, now, by the interpreter —
    // the very double the compiled code would compute on every call.
    if (e.symbols.size === 0) return literal(evaluateConstant(e));
    const existing = this.names.get(e);
    if (existing !== undefined) return existing;
    const code = this.genCompound(e);
    // Shared subtrees get a name; so does every HOIST_EVERY-th level of a deep tree, which keeps
    // the generated code shallow enough for the JS parser (whose own recursion is bounded).
    const deep = e.depth % HOIST_EVERY === 0 && !this.branching.get(e)!;
    if ((this.uses.get(e) ?? 0) < 2 && !deep) return code;
    const name = `t${this.names.size}`;
    this.lines.push(`const ${name} = ${code};`);
    this.names.set(e, name);
    return name;
  }

  private genCompound(e: Expr): string {
    switch (e.kind) {
      case "rational":
      case "float":
      case "constant":
      case "symbol":
        return this.gen(e);
      case "add":
      case "mul": {
        // A loop here, not a helper: each frame per level of nesting counts against MAX_DEPTH.
        const items = e.kind === "add" ? e.terms : e.factors;
        let code = this.gen(items[0]!);
        for (let i = 1; i < items.length; i++)
          code += (e.kind === "add" ? " + " : " * ") + this.gen(items[i]!);
        return `(${code})`;
      }
      case "pow": {
        const b = this.gen(e.base);
        const x = e.exponent;
        if (x.kind !== "rational" && x.kind !== "float") return `H.pow(${b}, ${this.gen(x)})`;
        const k = x.kind === "rational" ? ratToNumber(x.ratio) : x.value;
        // The same fast paths as powNumber, spelled out so V8 can inline them.
        if (k === 2) return `H.sq(${b})`;
        if (k === -1) return `(1 / ${b})`;
        if (k === 0.5) return `Math.sqrt(${b})`;
        if (k === -0.5) return `(1 / Math.sqrt(${b}))`;
        return `Math.pow(${b}, ${literal(k)})`;
      }
      case "call": {
        this.functions.add(e.fn);
        let args = this.gen(e.args[0]!);
        for (let i = 1; i < e.args.length; i++) args += `, ${this.gen(e.args[i]!)}`;
        return `f_${e.fn}(${args})`;
      }
      case "piecewise": {
        let code = "H.noBranch()";
        for (let i = e.pieces.length - 1; i >= 0; i--) {
          const p = e.pieces[i]!;
          const c = this.condition(p.condition);
          code = c === "true" ? this.gen(p.value) : `(${c} ? ${this.gen(p.value)} : ${code})`;
        }
        return code;
      }
      default:
        return assertNever(e, "compile");
    }
  }

  private condition(c: Condition): string {
    switch (c.kind) {
      case "boolean":
        return c.value ? "true" : "false";
      case "relation":
        return `${this.gen(c.lhs)} ${RELATION_JS[c.op]} ${this.gen(c.rhs)}`;
      default:
        return assertNever(c, "compile");
    }
  }
}

/** Builds the function without consulting the per-tree cache (used by `Expr.compile`). */
export function compileUncached(
  expr: Expr,
  variables: readonly string[],
  constants: Bindings,
): (...values: number[]) => number {
  const list: unknown = variables;
  if (!Array.isArray(list)) {
    throw new TypeError(expected("compile", "variables to be an array of names", variables));
  }
  checkBindings("compile", constants);
  const index = new Map<string, number>();
  variables.forEach((v, i) => {
    if (typeof v !== "string" || !IDENTIFIER.test(v)) {
      throw new TypeError(expected("compile", `variables[${i}] to be a symbol name`, v));
    }
    if (index.has(v)) throw new TypeError(`compile: variable "${v}" is listed twice`);
    if (Object.hasOwn(constants, v)) throw new TypeError(`compile: "${v}" is both a variable and a constant`);
    index.set(v, i);
  });
  for (const s of expr.symbols) {
    if (!index.has(s) && !Object.hasOwn(constants, s)) {
      throw new UnboundSymbolError("compile", s, [...variables, ...Object.keys(constants)]);
    }
  }
  const gen = new CodeGenerator((name) => {
    const i = index.get(name);
    return i !== undefined ? `a${i}` : literal(constants[name]!);
  });
  gen.count(expr);
  const result = gen.gen(expr);
  const params = variables.map((_, i) => `a${i}`).join(", ");
  const body = [
    '"use strict";',
    ...[...gen.functions].map((f) => `const f_${f} = H.f.${f};`),
    `return function compiled(${params}) {`,
    // One check for the argument count and types (non-numbers are refused as evaluate refuses
    // them: "1" + 1 would silently be "11"); the error is worked out only when it fails.
    `  if (${[`arguments.length !== ${variables.length}`, ...variables.map((_, i) => `typeof a${i} !== "number"`)].join(" || ")}) H.badCall(names, arguments);`,
    ...gen.lines.map((l) => `  ${l}`),
    `  return ${result};`,
    "};",
  ].join("\n");
  if (codeNesting(body) > MAX_CODE_NESTING) return interpreted(expr, variables, constants);
  try {
    // Code generation is the point of compile(): the body contains only numbers, argument names
    // a0…an, temporaries t0…tn and calls into H — no user text is ever embedded.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function("H", "names", body) as (
      h: typeof HELPERS,
      names: readonly string[],
    ) => (...values: number[]) => number;
    return make(HELPERS, Object.freeze([...variables]));
  } catch (error) {
    // Content-Security-Policy without 'unsafe-eval': fall back to the interpreter.
    if (!(error instanceof EvalError)) throw error;
    return interpreted(expr, variables, constants);
  }
}

/**
 * A fast JS function of `variables` (in that order) computing `expr`; symbols in `constants` are
 * baked in. Cached on the tree: compiling the same tree with the same arguments twice returns the
 * same function. Results equal `evaluate` bit for bit.
 *
 * @throws UnboundSymbolError when a symbol is neither a variable nor a constant.
 * @example
 * ```ts
 * const f = compile(parse("Max(x, alpha*x)"), ["x"], { alpha: 0.01 });
 * f(-2); // → -0.02
 * ```
 */
export function compile(
  expr: Expr,
  variables: readonly string[],
  constants: Bindings = {},
): (...values: number[]) => number {
  return expr.compile(variables, constants);
}
