import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { Value } from "../src/index.js";

// The Python `Value` of the tutorial backpropagates in the reverse of a recursive depth-first post-order
// that visits each node's operands in (self, other) order, adding into `.grad` as it goes. Floating-point
// addition is not associative, so a node with three or more consumers gets a gradient whose last bits
// depend on that order. This test re-implements the Python engine's backward from its source (recursive
// build_topo, micrograd's local derivatives) and checks that `Value.backward()` gives the same bits.

/** Python's `build_topo`, recursive, operands in (self, other) order — or reversed, for comparison. */
function pythonOrder(root: Value, reversedOperands = false): Value[] {
  const topo: Value[] = [];
  const visited = new Set<Value>();
  const build = (v: Value): void => {
    if (visited.has(v)) return;
    visited.add(v);
    const operands = reversedOperands ? [...v.parents].reverse() : v.parents;
    for (const child of operands) build(child);
    topo.push(v);
  };
  build(root);
  return topo;
}

/** The Python engine's backward: `self.grad = 1; for node in reversed(topo): node._backward()`. */
function pythonGradients(root: Value, reversedOperands = false): Map<Value, number> {
  const grad = new Map<Value, number>();
  const g = (v: Value): number => grad.get(v) ?? 0;
  const add = (v: Value, x: number): void => void grad.set(v, g(v) + x);
  const topo = pythonOrder(root, reversedOperands);
  grad.set(root, 1);
  for (let i = topo.length - 1; i >= 0; i--) {
    const out = topo[i]!;
    const [a, b] = out.parents;
    const go = g(out);
    switch (out.op) {
      case "add": // self.grad += out.grad; other.grad += out.grad
        add(a!, go);
        add(b!, go);
        break;
      case "mul": // self.grad += other.data * out.grad; other.grad += self.data * out.grad
        add(a!, b!.data * go);
        add(b!, a!.data * go);
        break;
      case "sub": // a + (b * -1): the add, then the mul by -1
        add(a!, go);
        add(b!, -1 * go);
        break;
      case "neg": // a * -1
        add(a!, -1 * go);
        break;
      case "relu": // (out.data > 0) * out.grad
        add(a!, out.data > 0 ? go : 0);
        break;
      case "tanh": // (1 - t**2) * out.grad
        add(a!, (1 - out.data * out.data) * go);
        break;
      case "exp": // e * out.grad
        add(a!, out.data * go);
        break;
      case "leaf":
        break;
      default:
        throw new Error(`no reference rule for ${out.op}`);
    }
  }
  return grad;
}

const OPS = ["add", "mul", "sub", "neg", "relu", "tanh", "exp"] as const;

const programs = fc.record({
  inputs: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 4 }),
  steps: fc.array(fc.record({ op: fc.constantFrom(...OPS), i: fc.nat(), j: fc.nat() }), {
    minLength: 5,
    maxLength: 60,
  }),
});

function build({ inputs, steps }: { inputs: number[]; steps: { op: string; i: number; j: number }[] }) {
  const leaves = inputs.map((x) => new Value(x));
  const nodes: Value[] = [...leaves];
  for (const { op, i, j } of steps) {
    // prefer recent nodes but reuse old ones often, so many nodes have several consumers
    const x = nodes[nodes.length - 1 - (i % Math.min(nodes.length, 6))]!;
    const y = nodes[j % nodes.length]!;
    const out =
      op === "add"
        ? x.add(y)
        : op === "mul"
          ? x.mul(y.tanh())
          : op === "sub"
            ? x.sub(y)
            : op === "neg"
              ? x.neg()
              : op === "relu"
                ? x.relu()
                : op === "tanh"
                  ? x.tanh()
                  : x.tanh().exp();
    nodes.push(out);
  }
  // the root uses many nodes, so early nodes collect gradients from many paths
  let root = nodes[nodes.length - 1]!;
  for (let k = 0; k < nodes.length; k += 3) root = root.add(nodes[k]!.mul(0.37));
  return { leaves, nodes, root };
}

describe("Value.backward sums gradients in the Python Value's order, bit for bit", () => {
  it("on random graphs with heavy sharing (every node's gradient, exact)", () => {
    let orderMattered = 0;
    fc.assert(
      fc.property(programs, (program) => {
        const { root } = build(program);
        const reference = pythonGradients(root);
        root.backward();
        for (const v of pythonOrder(root)) expect(v.grad).toBe(reference.get(v) ?? 0);
        // Another valid topological order (operands visited other-first) — does it change any bit?
        const other = pythonGradients(root, true);
        if (pythonOrder(root).some((v) => other.get(v) !== reference.get(v))) orderMattered++;
      }),
      { numRuns: 300 },
    );
    // the graphs are ones where the order shows in the bits, so the check above has teeth
    expect(orderMattered).toBeGreaterThan(30);
  });

  it("an example where the order shows: x feeds three products summed into the root", () => {
    const x = new Value(1);
    const root = x.mul(1).add(x.mul(1e16)).add(x.mul(-1e16));
    root.backward();
    const python = pythonGradients(root).get(x)!;
    expect(x.grad).toBe(python);
    expect(python).toBe(1); // Python adds -1e16, then 1e16, then 1
    expect(pythonGradients(root, true).get(x)).toBe(0); // 1 + 1e16 rounds to 1e16 first
  });
});
