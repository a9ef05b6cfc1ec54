/**
 * Compiles a tree into a plain JS function (`new Function`) with common subexpressions computed
 * once. Powers, functions and sums are computed exactly as `evaluate` computes them, so compiled
 * and interpreted results agree to the last bit.
 */
import { assertNever } from "./expr.js";
import type { Bindings, Condition, Expr } from "./expr.js";
import { UnboundSymbolError, checkBindings, evaluate, noBranchError } from "./evaluate.js";
import type { FunctionName } from "./functions.js";
import { NUMERIC_FUNCTIONS, powNumber } from "./numeric-functions.js";
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
    throw new TypeError(`compiled function: expected ${expected} argument(s), received ${received}`);
  },
};

function literal(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "(-Infinity)";
  if (Object.is(v, -0)) return "(-0)";
  return v < 0 ? `(${String(v)})` : String(v);
}

const RELATION_JS = { "<": "<", "<=": "<=", ">": ">", ">=": ">=", "==": "===", "!=": "!==" } as const;

class CodeGenerator {
  private readonly uses = new Map<string, number>();
  private readonly names = new Map<string, string>();
  readonly lines: string[] = [];
  readonly functions = new Set<FunctionName>();

  constructor(private readonly leaf: (name: string) => string) {}

  count(e: Expr): void {
    const n = (this.uses.get(e.key) ?? 0) + 1;
    this.uses.set(e.key, n);
    if (n > 1) return; // children already counted
    switch (e.kind) {
      case "rational":
      case "float":
      case "constant":
      case "symbol":
        return;
      case "add":
        return e.terms.forEach((t) => this.count(t));
      case "mul":
        return e.factors.forEach((t) => this.count(t));
      case "pow":
        this.count(e.base);
        return this.count(e.exponent);
      case "call":
        return e.args.forEach((t) => this.count(t));
      case "piecewise":
        for (const p of e.pieces) {
          this.count(p.value);
          if (p.condition.kind === "relation") {
            this.count(p.condition.lhs);
            this.count(p.condition.rhs);
          }
        }
        return;
      default:
        return assertNever(e, "compile");
    }
  }

  gen(e: Expr): string {
    switch (e.kind) {
      case "rational":
        return literal(ratToNumber(e.ratio));
      case "float":
        return literal(e.value);
      case "constant":
        return literal(e.name === "pi" ? Math.PI : Math.E);
      case "symbol":
        return this.leaf(e.name);
      default:
        break;
    }
    // A Piecewise may throw (no branch applies), so it is never hoisted out of its branch.
    if (e.kind === "piecewise") return this.genCompound(e);
    // A subtree without symbols (sqrt(2), 1/sqrt(pi)) is computed once, now, by the interpreter —
    // the very double the compiled code would compute on every call.
    if (e.symbols.size === 0) return literal(evaluate(e));
    const existing = this.names.get(e.key);
    if (existing !== undefined) return existing;
    const code = this.genCompound(e);
    if ((this.uses.get(e.key) ?? 0) < 2) return code;
    const name = `t${this.names.size}`;
    this.lines.push(`const ${name} = ${code};`);
    this.names.set(e.key, name);
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
        return `(${e.terms.map((t) => this.gen(t)).join(" + ")})`;
      case "mul":
        return `(${e.factors.map((t) => this.gen(t)).join(" * ")})`;
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
      case "call":
        this.functions.add(e.fn);
        return `f_${e.fn}(${e.args.map((a) => this.gen(a)).join(", ")})`;
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
    throw new TypeError(`compile: expected variables to be an array of names, received ${String(variables)}`);
  }
  checkBindings("compile", constants);
  const index = new Map<string, number>();
  variables.forEach((v, i) => {
    if (typeof v !== "string" || !IDENTIFIER.test(v)) {
      throw new TypeError(`compile: expected variables[${i}] to be a symbol name, received ${String(v)}`);
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
    `  if (arguments.length !== ${variables.length}) H.arity(${variables.length}, arguments.length);`,
    ...gen.lines.map((l) => `  ${l}`),
    `  return ${result};`,
    "};",
  ].join("\n");
  try {
    // Code generation is the point of compile(): the body contains only numbers, argument names
    // a0…an, temporaries t0…tn and calls into H — no user text is ever embedded.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return (new Function("H", body) as (h: typeof HELPERS) => (...values: number[]) => number)(HELPERS);
  } catch (error) {
    // Content-Security-Policy without 'unsafe-eval': fall back to the interpreter.
    if (!(error instanceof EvalError)) throw error;
    return (...values: number[]): number => {
      if (values.length !== variables.length) HELPERS.arity(variables.length, values.length);
      const vars: Record<string, number> = { ...constants };
      variables.forEach((v, i) => (vars[v] = values[i]!));
      return evaluate(expr, vars);
    };
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
 * f(-2); // -0.02
 * ```
 */
export function compile(
  expr: Expr,
  variables: readonly string[],
  constants: Bindings = {},
): (...values: number[]) => number {
  return expr.compile(variables, constants);
}
