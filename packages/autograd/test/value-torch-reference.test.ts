import { describe, expect, it } from "vitest";
import { readSharedFixture } from "@neurogebra/internal/fixtures";

import { Value } from "../src/index.js";

interface ScalarGraph {
  name: string;
  expr: string;
  inputs: Record<string, number>;
  output: number;
  grads: Record<string, number>;
}

const fixture = JSON.parse(readSharedFixture("torch-reference.json")) as { scalar_graphs: ScalarGraph[] };

/** The graphs of the fixture (PyTorch float64), written with our ops; each returns the output node. */
const graphs: Record<string, (v: Record<string, Value>) => Value> = {
  // z = 2*x + 2 + x; q = relu(z) + z*x; h = relu(z*z); y = h + q + q*x
  sanity: ({ x }) => {
    const z = new Value(2).mul(x!).add(2).add(x!);
    const q = z.relu().add(z.mul(x!));
    const h = z.mul(z).relu();
    return h.add(q).add(q.mul(x!));
  },
  // c=a+b; d=a*b+b**3; c=c+c+1; c=c+1+c+(-a); d=d+d*2+relu(b+a); d=d+3*d+relu(b-a);
  // e=c-d; f=e**2; g=f/2; g=g+10/f
  more_ops: ({ a, b }) => {
    let c = a!.add(b!);
    let d = a!.mul(b!).add(b!.pow(3));
    c = c.add(c).add(1);
    c = c.add(1).add(c).add(a!.neg());
    d = d.add(d.mul(2)).add(b!.add(a!).relu());
    d = d.add(new Value(3).mul(d)).add(b!.sub(a!).relu());
    const e = c.sub(d);
    const f = e.pow(2);
    let g = f.div(2);
    g = g.add(new Value(10).div(f));
    return g;
  },
  // tanh(a*b) + sigmoid(b-c)*exp(a) - log(c)/(a**2) + c**0.5 * relu(a)
  smooth_ops: ({ a, b, c }) =>
    a!
      .mul(b!)
      .tanh()
      .add(b!.sub(c!).sigmoid().mul(a!.exp()))
      .sub(c!.log().div(a!.pow(2)))
      .add(c!.pow(0.5).mul(a!.relu())),
};

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}

describe("Value matches PyTorch float64 on the scalar graphs of torch-reference.json", () => {
  it("has a graph for every fixture case", () => {
    expect(fixture.scalar_graphs.map((g) => g.name).sort()).toEqual(Object.keys(graphs).sort());
  });

  for (const reference of fixture.scalar_graphs) {
    it(`${reference.name}: ${reference.expr}`, () => {
      const inputs: Record<string, Value> = {};
      for (const [name, x] of Object.entries(reference.inputs)) inputs[name] = new Value(x, name);
      const out = graphs[reference.name]!(inputs);
      expect(relativeError(out.data, reference.output)).toBeLessThanOrEqual(1e-12);
      out.backward();
      for (const [name, grad] of Object.entries(reference.grads)) {
        expect(relativeError(inputs[name]!.grad, grad), `d${reference.name}/d${name}`).toBeLessThanOrEqual(
          1e-12,
        );
      }
    });
  }
});
