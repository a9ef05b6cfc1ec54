import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { Value, dot, gradcheck, sum } from "../src/index.js";

// Random expression graphs over every Value op, checked against central finite differences.
//
// A program is a list of steps; each step applies an op to earlier nodes (so nodes are shared). Kinks
// (relu/abs/leakyRelu near 0) and domain edges (log, div, fractional/negative pow near 0) would make the
// finite difference itself wrong, so each step first looks at its operands at the base point and, if they
// are too close to trouble, moves them away with a fixed smooth repair (u ↦ u + 1, u ↦ u² + 0.1, tanh u).
// The repair decisions are taken once at the base point and replayed for the shifted evaluations, so the
// function gradcheck differentiates is one fixed smooth expression.

const OPS = [
  "add",
  "sub",
  "mul",
  "div",
  "pow",
  "neg",
  "relu",
  "leakyRelu",
  "tanh",
  "sigmoid",
  "exp",
  "log",
  "abs",
  "softplus",
  "sum",
  "dot",
] as const;
type OpName = (typeof OPS)[number];
const EXPONENTS = [2, 3, -1, -2, 0.5, 1.5, 0];

interface Step {
  op: OpName;
  i: number;
  j: number;
  k: number;
  e: number;
}

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  op: fc.constantFrom(...OPS),
  i: fc.nat(),
  j: fc.nat(),
  k: fc.nat(),
  e: fc.nat({ max: EXPONENTS.length - 1 }),
});

const programArbitrary = fc.record({
  inputs: fc.tuple(
    fc.double({ min: -2, max: 2, noNaN: true }),
    fc.double({ min: -2, max: 2, noNaN: true }),
    fc.double({ min: -2, max: 2, noNaN: true }),
  ),
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 12 }),
});

/** Runs a program; `decide` answers "repair this operand?" (recorded on the first run, replayed after). */
function run(steps: readonly Step[], leaves: Value[], decide: (needed: boolean) => boolean): Value {
  const nodes: Value[] = [...leaves];
  // keep every operand's magnitude moderate so finite differences stay accurate
  const tame = (u: Value): Value => (decide(Math.abs(u.data) > 20) ? u.tanh().mul(3) : u);
  const pick = (n: number): Value => tame(nodes[n % nodes.length]!);
  const awayFromZero = (u: Value, margin: number): Value =>
    decide(Math.abs(u.data) < margin) ? u.add(1) : u;
  const positive = (u: Value): Value => (decide(u.data < 0.1) ? u.mul(u).add(0.1) : u);
  for (const { op, i, j, k, e } of steps) {
    const x = pick(i);
    const y = pick(j);
    let out: Value;
    switch (op) {
      case "add":
        out = x.add(y);
        break;
      case "sub":
        out = x.sub(y);
        break;
      case "mul":
        out = x.mul(y);
        break;
      case "div":
        out = x.div(awayFromZero(y, 0.2));
        break;
      case "pow": {
        const p = EXPONENTS[e]!;
        const base = Number.isInteger(p) ? (p < 0 ? awayFromZero(x, 0.2) : x) : positive(x);
        out = base.pow(p);
        break;
      }
      case "neg":
        out = x.neg();
        break;
      case "relu":
        out = awayFromZero(x, 0.01).relu();
        break;
      case "leakyRelu":
        out = awayFromZero(x, 0.01).leakyRelu(0.1);
        break;
      case "tanh":
        out = x.tanh();
        break;
      case "sigmoid":
        out = x.sigmoid();
        break;
      case "exp":
        out = (decide(x.data > 4) ? x.tanh() : x).exp();
        break;
      case "log":
        out = positive(x).log();
        break;
      case "abs":
        out = awayFromZero(x, 0.01).abs();
        break;
      case "softplus":
        out = x.softplus();
        break;
      case "sum":
        out = sum([x, y, pick(k)], k % 2 === 0 ? y : undefined);
        break;
      default:
        out = dot([x, y], [pick(k), x], k % 3 === 0 ? undefined : pick(k + 1));
    }
    nodes.push(out);
  }
  return nodes[nodes.length - 1]!;
}

describe("Value: gradients of random expression graphs match finite differences", () => {
  it("over all ops, with shared subexpressions (2,000 graphs)", () => {
    fc.assert(
      fc.property(programArbitrary, ({ inputs, steps }) => {
        const plan: boolean[] = [];
        run(
          steps,
          inputs.map((x) => new Value(x)),
          (needed) => (plan.push(needed), needed),
        );
        const fn = (...leaves: Value[]): Value => {
          let n = 0;
          return run(steps, leaves, () => plan[n++]!);
        };
        const report = gradcheck(fn, inputs, { eps: 1e-6, atol: 1e-5, rtol: 1e-4 });
        if (!report.ok) throw new Error(`gradient mismatch: ${JSON.stringify(report.worst)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it("every op appears in the generated graphs", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(programArbitrary, ({ inputs, steps }) => {
        const out = run(
          steps,
          inputs.map((x) => new Value(x)),
          (needed) => needed,
        );
        const stack = [out];
        while (stack.length > 0) {
          const v = stack.pop()!;
          seen.add(v.op);
          stack.push(...v.parents);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
    expect([...seen].sort()).toEqual([...OPS, "leaf"].sort());
  });
});

describe("Value: sum and dot equal the tutorial's add/mul chain bit for bit", () => {
  const vectors = fc
    .integer({ min: 1, max: 20 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
        fc.double({ min: -10, max: 10, noNaN: true }),
      ),
    );

  it("dot(ws, xs, b) vs b + w0*x0 + w1*x1 + …, values and every gradient", () => {
    fc.assert(
      fc.property(vectors, ([w0, x0, b0]) => {
        const ws = w0.map((w) => new Value(w));
        const xs = x0.map((x) => new Value(x));
        const b = new Value(b0);
        const fused = dot(ws, xs, b).mul(1.7);
        fused.backward();
        const fusedGrads = [...ws, ...xs, b].map((v) => v.grad);
        for (const v of [...ws, ...xs, b]) v.grad = 0;
        let chain: Value = b;
        for (let i = 0; i < ws.length; i++) chain = chain.add(ws[i]!.mul(xs[i]!));
        chain = chain.mul(1.7);
        chain.backward();
        expect(fused.data).toBe(chain.data);
        expect(fusedGrads).toEqual([...ws, ...xs, b].map((v) => v.grad));
      }),
      { numRuns: 300 },
    );
  });

  it("sum(values, start) vs start + v0 + v1 + …", () => {
    fc.assert(
      fc.property(vectors, ([v0, , s0]) => {
        const vs = v0.map((v) => new Value(v));
        const start = new Value(s0);
        let chain: Value = start;
        for (const v of vs) chain = chain.add(v);
        expect(sum(vs, start).data).toBe(chain.data);
      }),
      { numRuns: 300 },
    );
  });
});
