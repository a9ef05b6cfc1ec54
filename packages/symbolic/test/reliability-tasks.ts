/**
 * Tasks of reliability.test.ts that must run under bounds (time, heap, stack) enforced from
 * outside, in a worker (see isolated.ts): inputs that used to exhaust the heap, hang or overflow
 * the stack. Each returns plain data for the test to check.
 */
import {
  LimitExceededError,
  MAX_DEPTH,
  add,
  call,
  countNodes,
  diff,
  expand,
  kinks,
  mul,
  num,
  numberAlgebra,
  parse,
  piecewise,
  pow,
  relation,
  simplify,
  substitute,
  sym,
} from "../src/index.js";
import type { Expr } from "../src/index.js";

const x = sym("x");
const y = sym("y");

/** `x**x**…**x` with `levels` x's, as text. */
export function towerText(levels: number): string {
  return Array.from({ length: levels }, () => "x").join("**");
}

function outcome(run: () => unknown): string {
  try {
    run();
    return "ok";
  } catch (error) {
    return (error as Error).name;
  }
}

/** Trees exactly MAX_DEPTH deep, one per way of nesting. */
function deepestTrees(): Record<string, Expr> {
  const nest = (step: (e: Expr) => Expr): Expr => {
    let e: Expr = x;
    for (let i = 0; i < 10 * MAX_DEPTH; i++) {
      try {
        e = step(e);
      } catch (error) {
        if (error instanceof LimitExceededError) return e; // the next step would pass MAX_DEPTH
        throw error;
      }
    }
    throw new Error("this way of nesting does not make the tree deeper");
  };
  return {
    "power tower": nest((e) => pow(x, e)),
    "nested exp": nest((e) => call("exp", e)),
    "alternating sums and products": nest((e) => add(mul(y, e), 1)),
    "nested Max": nest((e) => call("Max", mul(2, e), y)), // Max(Max(e, y), y) would flatten
    "nested denominators": nest((e) => mul(y, pow(add(e, 1), -1))),
    "nested Piecewise": nest((e) => piecewise([e, relation(">", y, 0)], [y, true])),
    "nested atan2": nest((e) => call("atan2", e, add(y, 2))),
  };
}

export const TASKS = {
  /** Item 1: parse a power tower and differentiate it `order` times; the value at x = 1.1. */
  towerDiff({ levels, order }: { levels: number; order: number }) {
    const d = diff(parse(towerText(levels)), "x", order);
    return { depth: d.depth, value: d.evaluate({ x: 1.1 }), compiled: d.compile(["x"])(1.1) };
  },

  /**
   * Item 1: e ← sin(e) + cos(e), `levels` times: a tree written out 2^levels long but only
   * `levels` nodes deep when shared. Its derivative at 0.3, compiled, and the same derivative by
   * the chain rule on numbers: e' ← (cos(e) − sin(e))·e'.
   */
  sharedDiff({ levels }: { levels: number }) {
    let e: Expr = x;
    for (let i = 0; i < levels; i++) e = add(call("sin", e), call("cos", e));
    let [v, dv] = [0.3, 1];
    for (let i = 0; i < levels; i++) [v, dv] = [Math.sin(v) + Math.cos(v), (Math.cos(v) - Math.sin(v)) * dv];
    // The same without a symbol: compile folds it to one number, computing each shared node once.
    let c: Expr = num(1);
    let cv = 1;
    for (let i = 0; i < levels; i++)
      [c, cv] = [add(call("sin", c), call("cos", c)), Math.sin(cv) + Math.cos(cv)];
    return {
      derivative: diff(e, "x").compile(["x"])(0.3),
      chainRule: dv,
      nodes: countNodes(e),
      constant: c.compile([])(),
      recurrence: cv,
    };
  },

  /** Item 2: parse `terms` names joined by `op`; the kind of the result and its operand count. */
  parseChain({ terms, op }: { terms: number; op: string }) {
    const e = parse(Array.from({ length: terms }, (_, i) => `x${i}`).join(op));
    const operands = e.kind === "add" ? e.terms.length : e.kind === "mul" ? e.factors.length : 1;
    return { kind: e.kind, operands, length: e.toString().length };
  },

  /**
   * Item 3: a power tower of `levels` built with pow() in a loop, then the operations the issue
   * names: each reports "ok" or the name of the error it threw.
   */
  towerBuiltByPow({ levels }: { levels: number }) {
    let t: Expr = x;
    let built = 1;
    let stopped = "ok";
    try {
      for (; built < levels; built++) t = pow(x, t);
    } catch (error) {
      stopped = (error as Error).name;
    }
    return {
      built,
      stopped,
      toString: outcome(() => t.toString()),
      evaluate: outcome(() => t.evaluate({ x: 1.1 })),
      compile: outcome(() => t.compile(["x"])(1.1)),
      diff: outcome(() => diff(t, "x")),
    };
  },

  /**
   * Item 3: every operation on trees exactly MAX_DEPTH deep (meant to run with a small stack).
   * Returns the failures: "<tree>: <operation>: <error>". `diff` may refuse with
   * LimitExceededError (a derivative can be deeper than its input); nothing else may fail.
   */
  atTheLimit() {
    const failures: string[] = [];
    const at = { x: 0.5, y: 0.25 };
    for (const [name, e] of Object.entries(deepestTrees())) {
      const ops: Record<string, () => unknown> = {
        toString: () => e.toString(),
        toLatex: () => e.toLatex(),
        key: () => e.key,
        evaluate: () => e.evaluate(at),
        evaluateWith: () => e.evaluateWith(numberAlgebra, at),
        compile: () => e.compile(["x", "y"])(0.5, 0.25),
        diff: () => {
          try {
            diff(e, "x").toString();
          } catch (error) {
            if ((error as Error).name !== "LimitExceededError") throw error;
          }
        },
        substitute: () => substitute(e, { y: sym("z") }).equals(e),
        equals: () => substitute(substitute(e, { x: sym("z") }), { z: x }).equals(e),
        simplify: () => simplify(e),
        expand: () => expand(e),
        kinks: () => kinks(e),
        countNodes: () => countNodes(e),
        "parse(toString)": () => {
          if (!parse(e.toString()).equals(e)) throw new Error("printed tree parsed back to a different tree");
        },
      };
      for (const [op, run] of Object.entries(ops)) {
        try {
          run();
        } catch (error) {
          failures.push(
            `${name}: ${op}: ${(error as Error).name}: ${(error as Error).message.slice(0, 120)}`,
          );
        }
      }
    }
    const texts: Record<string, string> = {
      parentheses: `${"(".repeat(MAX_DEPTH)}x${")".repeat(MAX_DEPTH)}`,
      calls: `${"exp(".repeat(MAX_DEPTH - 1)}x${")".repeat(MAX_DEPTH - 1)}`,
      "Max calls": `${"Max(".repeat(MAX_DEPTH - 1)}x${", y)".repeat(MAX_DEPTH - 1)}`,
      "power chain": towerText(MAX_DEPTH),
      // each level is a power and a negation: two levels of tree per parenthesis
      "signs and powers": `-x**-${"(-x**".repeat(MAX_DEPTH / 2 - 3)}x${")".repeat(MAX_DEPTH / 2 - 3)}`,
    };
    for (const [name, text] of Object.entries(texts)) {
      try {
        parse(text);
      } catch (error) {
        failures.push(`parse ${name}: ${(error as Error).name}: ${(error as Error).message.slice(0, 120)}`);
      }
    }
    return failures;
  },
};
