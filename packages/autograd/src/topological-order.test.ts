import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { topologicalOrder } from "./topological-order.js";
import { Value } from "./value.js";
import { dot, sum } from "./value-sums.js";

/** micrograd's recursive build_topo, parents in operand order — the reference order. */
function recursiveOrder(root: Value): Value[] {
  const topo: Value[] = [];
  const visited = new Set<Value>();
  const build = (v: Value): void => {
    if (visited.has(v)) return;
    visited.add(v);
    for (const p of v.parents) build(p);
    topo.push(v);
  };
  build(root);
  return topo;
}

/** A random DAG: each step combines earlier nodes (so nodes get shared) with a random op. */
const dagArbitrary = fc.array(
  fc.record({
    op: fc.constantFrom("add", "mul", "sub", "relu", "exp", "sum", "dot"),
    i: fc.nat(),
    j: fc.nat(),
    k: fc.nat(),
  }),
  { minLength: 1, maxLength: 40 },
);

function buildDag(steps: { op: string; i: number; j: number; k: number }[]): Value {
  const nodes: Value[] = [new Value(0.5, "a"), new Value(-1.5, "b"), new Value(2, "c")];
  for (const { op, i, j, k } of steps) {
    const x = nodes[i % nodes.length]!;
    const y = nodes[j % nodes.length]!;
    const z = nodes[k % nodes.length]!;
    switch (op) {
      case "add":
        nodes.push(x.add(y));
        break;
      case "mul":
        nodes.push(x.mul(y));
        break;
      case "sub":
        nodes.push(x.sub(y));
        break;
      case "relu":
        nodes.push(x.relu());
        break;
      case "exp":
        nodes.push(x.mul(0.01).exp());
        break;
      case "sum":
        nodes.push(sum([x, y, z], y));
        break;
      default:
        nodes.push(dot([x, y], [z, x], k % 2 === 0 ? z : undefined));
    }
  }
  return nodes[nodes.length - 1]!;
}

describe("topologicalOrder", () => {
  it("is exactly the order of micrograd's recursive build_topo on random shared DAGs", () => {
    fc.assert(
      fc.property(dagArbitrary, (steps) => {
        const root = buildDag(steps);
        expect(topologicalOrder(root)).toEqual(recursiveOrder(root));
      }),
      { numRuns: 500 },
    );
  });

  it("lists every node once, each after its parents, root last", () => {
    const a = new Value(1, "a");
    const b = a.mul(2);
    const c = b.add(a).mul(b);
    const order = topologicalOrder(c);
    expect(order.at(-1)).toBe(c);
    expect(new Set(order).size).toBe(order.length);
    for (const [i, v] of order.entries()) {
      for (const p of v.parents) expect(order.indexOf(p)).toBeLessThan(i);
    }
    expect(order.map((v) => v.label || v.op)).toEqual(["a", "leaf", "mul", "add", "mul"]);
  });

  it("leaves out the constants of pow and leakyRelu; lists sum and dot operands in order", () => {
    const a = new Value(1, "a");
    const b = new Value(2, "b");
    expect(topologicalOrder(a.pow(3).leakyRelu(0.2)).map((v) => v.label || v.op)).toEqual([
      "a",
      "pow",
      "leakyRelu",
    ]);
    expect(topologicalOrder(dot([a, b], [b, a], 5)).map((v) => v.label || v.op)).toEqual([
      "leaf",
      "a",
      "b",
      "dot",
    ]);
    expect(topologicalOrder(sum([b, a])).map((v) => v.label || v.op)).toEqual(["b", "a", "sum"]);
  });

  it("a leaf root is its own order; repeated calls give the same order", () => {
    const x = new Value(3);
    expect(topologicalOrder(x)).toEqual([x]);
    const y = x.mul(x).add(x);
    expect(topologicalOrder(y)).toEqual(topologicalOrder(y));
  });

  it("handles a 1,000,000-node chain", () => {
    let y = new Value(0);
    for (let i = 0; i < 500_000; i++) y = y.add(1);
    expect(topologicalOrder(y)).toHaveLength(1_000_001);
  });

  it("rejects a root that is not a Value", () => {
    expect(() => topologicalOrder(3 as unknown as Value)).toThrow(
      /topologicalOrder: expected root to be a Value, got number 3/,
    );
  });
});
