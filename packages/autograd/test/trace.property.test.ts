import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { Value, dot, sum, trace } from "../src/index.js";

// Random programs over every op, run untraced and traced on the same numbers: the outputs, the loss and
// every gradient must agree to the last bit. The loss reads the outputs in a random order and shape
// (some several times, some not at all). In creation order (the default) it may also use the weights
// and inputs directly; in depth-first order only outputs fn computed and did not use itself (see trace's
// docs: in micrograd's order, a node outside fn that uses its weights, inputs or inner values can fall
// between its nodes).

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
  direct: fc.array(index, { maxLength: 2 }), // weights/inputs the loss also uses (creation order only)
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

function run(p: Program, traced: boolean, order: "creation" | "depthFirst"): string[] {
  const weights = p.weights.map((w) => new Value(w));
  const kept: boolean[] = []; // per output: computed by fn and not used by fn itself
  const fn = (inputs: Value[]): Value[] => {
    const pool = [...inputs, ...weights];
    const used = new Set<Value>();
    for (const s of p.steps) {
      const v = apply(s, pool);
      for (const q of v.parents) used.add(q);
      pool.push(v);
    }
    const outs = p.outputs.map((i) => pool[i % pool.length]!);
    outs.forEach((o, i) => (kept[i] = o.op !== "leaf" && !used.has(o)));
    return outs;
  };
  const f = traced
    ? trace(
        fn,
        p.inputs.map(() => new Value(0)),
      )
    : fn;
  const inputs = p.inputs.map((x) => new Value(x));
  const outs = f(inputs);
  const leaves = [...inputs, ...weights];
  // depth-first order: only outputs fn computed and did not use itself (as a network's last layer)
  const usable = order === "creation" ? outs : outs.filter((_, i) => kept[i]);
  let loss = new Value(0);
  for (const [k, u] of usable.length === 0 ? [] : p.uses.entries()) {
    const o = usable[u % usable.length]!;
    loss = k % 2 === 0 ? loss.add(o.mul(o)) : loss.sub(o.tanh());
  }
  if (order === "creation") {
    for (const d of p.direct) loss = loss.add(leaves[d % leaves.length]!.mul(0.5));
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
    it(`in ${order} order`, () => {
      fc.assert(
        fc.property(program, (p) => {
          expect(run(p, true, order)).toEqual(run(p, false, order));
        }),
        { numRuns: 1000 },
      );
    });
  }
});
