import { expected } from "@neurogebra/internal";

import type { Value } from "./value.js";

/**
 * Options shared by the graph drawings {@link toDot} and {@link toMermaid}.
 *
 * @example
 * ```ts
 * const options: GraphDrawingOptions = { rankdir: "TB", digits: 2 };
 * toMermaid(new Value(1.234, "x"), options); // → "flowchart TB\n  n0[\"x | data 1.23 | grad 0.00\"]"
 * ```
 */
export interface GraphDrawingOptions {
  /** Graph direction: `"LR"` (left to right, default, like micrograd's `draw_dot`) or `"TB"` (top to bottom). */
  rankdir?: "LR" | "TB";
  /** Significant digits shown for data and grad, default 4. */
  digits?: number;
  /**
   * Draw each fused `dot` / `sum` node as the chain of `*` and `+` steps it stands for — micrograd's
   * `sum((wi*xi for …), b)` — instead of one node (default false). The steps show the values the fused
   * node accumulated, in its order, and the gradients backward gave them (every `+` passes the result's
   * gradient on unchanged), so the drawing is the one the unfused graph would have.
   */
  expandFused?: boolean;
}

/** One node of a drawing: a `Value` of the graph, or a step of an expanded fused node. */
export interface DrawnNode {
  readonly label: string;
  readonly data: number;
  readonly grad: number;
  /** The op symbol (`+`, `*`, `relu`, …); null for a leaf. */
  readonly op: string | null;
  /** Positions (in the drawing's order) of the operands, in operand order. */
  readonly parents: readonly number[];
}

/** A node while the drawing is built: a real `Value`, or a step whose operands are known. */
interface Step {
  readonly data: number;
  readonly grad: number;
  readonly op: string | null;
  readonly operands: readonly (Value | Step)[];
}

/**
 * The nodes of the graph behind `root`, each after its operands (root last), in the depth-first
 * post-order of `topologicalOrder` — with fused nodes expanded into their steps if asked, ordered as
 * `topologicalOrder` would order the unfused graph.
 */
export function drawnNodes(root: Value, expandFused: boolean): DrawnNode[] {
  const out: DrawnNode[] = [];
  const position = new Map<Value | Step, number>();
  // Called once per node (a node is pushed once): an expansion's steps are new objects, found by identity.
  const operandsOf = (v: Value | Step): readonly (Value | Step)[] => {
    if (!isValue(v)) return v.operands;
    return expandFused && isFused(v) ? expandedOperands(v) : v.parents;
  };
  const stack: (Value | Step)[] = [root];
  const pending: (readonly (Value | Step)[])[] = [operandsOf(root)]; // per stack entry: its operands…
  const next: number[] = [0]; // …and which one to visit next
  const visited = new Set<Value | Step>([root]);
  while (stack.length > 0) {
    const top = stack.length - 1;
    const v = stack[top]!;
    const operands = pending[top]!;
    const i = next[top]!;
    if (i === operands.length) {
      stack.pop();
      pending.pop();
      next.pop();
      position.set(v, out.length);
      out.push({
        label: isValue(v) ? v.label : "",
        data: v.data,
        grad: v.grad,
        op: isValue(v) ? (v.op === "leaf" ? null : expandFused && isFused(v) ? "+" : opText(v)) : v.op,
        parents: operands.map((p) => position.get(p)!),
      });
      continue;
    }
    next[top] = i + 1;
    const p = operands[i]!;
    if (!visited.has(p)) {
      visited.add(p);
      stack.push(p);
      pending.push(operandsOf(p));
      next.push(0);
    }
  }
  return out;
}

function isValue(v: Value | Step): v is Value {
  return !("operands" in v);
}

function isFused(v: Value): boolean {
  return v.op === "dot" || v.op === "sum";
}

/**
 * The last `+` of a fused node's chain: `[acc, lastTerm]`, where `acc` is the chain so far — starting at
 * the node's start (bias) or, without one, a constant 0 like Python's `sum(…, start=0)` — and each term
 * is a value (`sum`) or a `*` step of a weight and an input (`dot`). Values are accumulated in the fused
 * node's order, so each step's data is what the fused node held at that point.
 */
function expandedOperands(v: Value): (Value | Step)[] {
  const start = v._a;
  const flat = v._b as readonly Value[];
  const grad = v.grad;
  const terms: (Value | Step)[] = [];
  if (v.op === "dot") {
    for (let i = 0; i < flat.length; i += 2) {
      const w = flat[i]!;
      const x = flat[i + 1]!;
      terms.push({ data: w.data * x.data, grad, op: "*", operands: [w, x] });
    }
  } else {
    terms.push(...flat);
  }
  let acc: Value | Step = start ?? { data: 0, grad, op: null, operands: [] };
  for (let i = 0; i < terms.length - 1; i++) {
    const term = terms[i]!;
    acc = { data: acc.data + term.data, grad, op: "+", operands: [acc, term] };
  }
  return [acc, terms.at(-1)!];
}

/** The short symbol an op node shows, e.g. `+`, `*`, `**2`, `relu`. */
export function opText(v: Value): string {
  switch (v.op) {
    case "add":
      return "+";
    case "sub":
      return "-";
    case "mul":
      return "*";
    case "div":
      return "/";
    case "pow":
      return `**${v.param}`;
    case "leakyRelu":
      return `leakyRelu(${v.param})`;
    case "output":
      return `output ${v.param}`;
    default:
      return v.op;
  }
}

/** A number as a drawing shows it: fixed point for ordinary magnitudes, scientific otherwise. */
export function numberText(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  const magnitude = Math.abs(x);
  if (x === 0 || (magnitude >= 1e-3 && magnitude < 1e6)) return x.toFixed(digits);
  return x.toExponential(Math.max(0, digits - 1));
}

/** Check the drawing options once, for both drawings. */
export function drawingOptions(
  fn: string,
  options: GraphDrawingOptions | undefined,
): Required<GraphDrawingOptions> {
  const rankdir = options?.rankdir ?? "LR";
  const digits = options?.digits ?? 4;
  const expandFused = options?.expandFused ?? false;
  if (typeof expandFused !== "boolean") {
    throw new TypeError(expected(fn, "options.expandFused to be a boolean", expandFused));
  }
  if (rankdir !== "LR" && rankdir !== "TB") {
    throw new RangeError(expected(fn, `options.rankdir to be "LR" or "TB"`, rankdir));
  }
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(expected(fn, "options.digits to be an integer in 0…20", digits));
  }
  return { rankdir, digits, expandFused };
}
