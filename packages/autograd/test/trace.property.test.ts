import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { Value, dot, sum, trace } from "../src/index.js";

// Random programs over every op, run untraced and traced on the same numbers: the outputs, the loss and
// every gradient must agree to the last bit, in both backward orders. The loss reads the outputs in a
// random order and shape (some several times, some not at all; fn may use them itself too) and uses
// fn's weights and inputs directly between them. Inputs are leaves, or computed from them.

type Step =
  | { op: "add" | "sub" | "mul" | "div"; a: number; b: number }
  | { op: "neg" | "relu" | "tanh" | "sigmoid" | "exp" | "log" | "abs" | "softplus"; a: number }
  | { op: "pow"; a: number; k: number }
  | { op: "leakyRelu"; a: number; alpha: number }
  | { op: "sum" | "dot"; terms: number[]; start: number | null };

const index = fc.nat(1000);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constantFrom("add", "sub", "mul", "div" as const), a: index, b: index }),
  fc.record({
    op: fc.constantFrom("neg", "relu", "tanh", "sigmoid", "exp", "log", "abs", "softplus" as const),
    a: index,
  }),
  fc.record({ op: fc.constant("pow" as const), a: index, k: fc.constantFrom(0, 1, 2, 3, -1, 0.5) }),
  fc.record({ op: fc.constant("leakyRelu" as const), a: index, alpha: fc.constantFrom(0.01, 0.2) }),
  fc.record({
    op: fc.constantFrom("sum", "dot" as const),
    terms: fc.array(index, { minLength: 0, maxLength: 6 }),
    start: fc.option(index, { nil: null }),
  }),
);

const program = fc.record({
  inputs: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 3 }),
  weights: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 0, maxLength: 4 }),
  steps: fc.array(step, { minLength: 1, maxLength: 25 }),
  outputs: fc.array(index, { minLength: 1, maxLength: 4 }),
  uses: fc.array(index, { minLength: 1, maxLength: 6 }), // which outputs the loss reads, in order
  direct: fc.array(index, { maxLength: 4 }), // weights/inputs the loss also uses, between the outputs
});

type Program = typeof program extends fc.Arbitrary<infer P> ? P : never;

function apply(s: Step, pool: Value[]): Value {
  const at = (i: number): Value => pool[i % pool.length]!;
  switch (s.op) {
    case "add":
    case "sub":
    case "mul":
    case "div":
      return at(s.a)[s.op](at(s.b));
    case "pow":
      return at(s.a).pow(s.k);
    case "leakyRelu":
      return at(s.a).leakyRelu(s.alpha);
    case "sum":
      return sum(s.terms.map(at), s.start === null ? undefined : at(s.start));
    case "dot": {
      const half = s.terms.length >> 1;
      const ws = s.terms.slice(0, half).map(at);
      const xs = s.terms.slice(half, 2 * half).map(at);
      return dot(ws, xs, s.start === null ? undefined : at(s.start));
    }
    default:
      return at(s.a)[s.op]();
  }
}

function run(
  p: Program,
  traced: boolean,
  order: "creation" | "depthFirst",
  computedInputs = false,
): string[] {
  const weights = p.weights.map((w) => new Value(w));
  const fn = (inputs: Value[]): Value[] => {
    const pool = [...inputs, ...weights];
    for (const s of p.steps) pool.push(apply(s, pool));
    return p.outputs.map((i) => pool[i % pool.length]!);
  };
  const f = traced
    ? trace(
        fn,
        p.inputs.map(() => new Value(0)),
      )
    : fn;
  const inputs = p.inputs.map((x) => new Value(x));
  // computed inputs: fn gets op nodes made from the leaves (which the loss may use too) — in creation
  // order times a weight fn also uses; in depth-first order times a constant (see trace's docs: an input
  // computed from a value fn uses can put that value's terms in another order there)
  const factor = (i: number): Value | number =>
    order === "creation" ? (weights[i % weights.length] ?? 1.5) : 1.5;
  const outs = f(computedInputs ? inputs.map((x, i) => x.mul(factor(i))) : inputs);
  const leaves = [...inputs, ...weights];
  // the loss: outputs (some several times, some not at all) and, between them, weights and inputs
  let loss = new Value(0);
  for (const [k, u] of p.uses.entries()) {
    const o = outs[u % outs.length]!;
    loss = k % 2 === 0 ? loss.add(o.mul(o)) : loss.sub(o.tanh());
    const d = p.direct[k];
    if (d !== undefined) loss = loss.add(leaves[d % leaves.length]!.mul(0.5));
  }
  loss.backward({ order });
  const numbers = [
    loss.data,
    ...outs.map((o) => o.data),
    ...inputs.map((v) => v.grad),
    ...weights.map((v) => v.grad),
  ];
  return numbers.map((x) => (Object.is(x, -0) ? "-0" : String(x)));
}

describe("trace: random programs, traced and not, agree to the last bit", () => {
  for (const order of ["creation", "depthFirst"] as const) {
    for (const computedInputs of [false, true]) {
      it(`in ${order} order, ${computedInputs ? "inputs computed from weights" : "leaf inputs"}`, () => {
        fc.assert(
          fc.property(program, (p) => {
            expect(run(p, true, order, computedInputs)).toEqual(run(p, false, order, computedInputs));
          }),
          { numRuns: 1000 },
        );
      });
    }
  }
});
