import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { Value } from "../src/index.js";
import { ID_LIMIT, setNextCreationNumber } from "../src/creation-chain.js";

// Floating-point addition is not associative, so a node with three or more consumers gets a gradient
// whose last bits depend on the order backward visits them. Two orders are offered, and both are checked
// bit for bit against independent re-implementations:
// - `backward({ order: "depthFirst" })`: the tutorial's Python `Value` — the reverse of a recursive
//   depth-first post-order visiting each node's operands in (self, other) order (build_topo), with
//   micrograd's local derivatives;
// - `backward()` (order "creation"): PyTorch's engine order — reachable nodes, newest first.

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
  return referenceGradients(root, pythonOrder(root, reversedOperands));
}

/** PyTorch's order: the nodes `root` reaches, sorted by when they were made (`created` lists every node). */
function creationGradients(root: Value, created: readonly Value[]): Map<Value, number> {
  const reachable = new Set([root]);
  for (const v of reachable) for (const p of v.parents) reachable.add(p); // a Set iterates what is added
  return referenceGradients(
    root,
    created.filter((v) => reachable.has(v)),
  );
}

/** Apply micrograd's local derivatives to the nodes of `topo` from last to first, starting at `root`. */
function referenceGradients(root: Value, topo: readonly Value[]): Map<Value, number> {
  const grad = new Map<Value, number>();
  const g = (v: Value): number => grad.get(v) ?? 0;
  const add = (v: Value, x: number): void => void grad.set(v, g(v) + x);
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
      case "tanh": // (1 - t**2) * out.grad, with 1 - t**2 as (1 - t) * (1 + t) (exact near ±1, issue #19)
        add(a!, (1 - out.data) * (1 + out.data) * go);
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

function build(
  { inputs, steps }: { inputs: number[]; steps: { op: string; i: number; j: number }[] },
  beforeStep: (index: number) => void = () => {},
) {
  const leaves = inputs.map((x) => new Value(x));
  const nodes: Value[] = [...leaves];
  const created: Value[] = [...leaves]; // every node, in the order it was made (constants included)
  const made = (v: Value): Value => (created.push(v), v);
  const constant = (x: number): Value => made(new Value(x));
  for (const [index, { op, i, j }] of steps.entries()) {
    beforeStep(index);
    // prefer recent nodes but reuse old ones often, so many nodes have several consumers
    const x = nodes[nodes.length - 1 - (i % Math.min(nodes.length, 6))]!;
    const y = nodes[j % nodes.length]!;
    const out =
      op === "add"
        ? made(x.add(y))
        : op === "mul"
          ? made(x.mul(made(y.tanh())))
          : op === "sub"
            ? made(x.sub(y))
            : op === "neg"
              ? made(x.neg())
              : op === "relu"
                ? made(x.relu())
                : op === "tanh"
                  ? made(x.tanh())
                  : made(made(x.tanh()).exp());
    nodes.push(out);
  }
  // the root uses many nodes, so early nodes collect gradients from many paths
  let root = nodes[nodes.length - 1]!;
  for (let k = 0; k < nodes.length; k += 3) root = made(root.add(made(nodes[k]!.mul(constant(0.37)))));
  return { leaves, nodes, root, created };
}

describe('Value.backward({ order: "depthFirst" }) sums gradients in the Python Value\'s order, bit for bit', () => {
  it("on random graphs with heavy sharing (every node's gradient, exact)", () => {
    let orderMattered = 0;
    fc.assert(
      fc.property(programs, (program) => {
        const { root } = build(program);
        const reference = pythonGradients(root);
        root.backward({ order: "depthFirst" });
        for (const v of pythonOrder(root)) expect(v.grad).toBe(reference.get(v) ?? 0);
        // Another valid topological order (operands visited other-first) — does it change any bit?
        const other = pythonGradients(root, true);
        if (pythonOrder(root).some((v) => other.get(v) !== reference.get(v))) orderMattered++;
      }),
      { numRuns: 300 },
    );
    // the graphs are ones where the order shows in the bits, so the check above has teeth
    expect(orderMattered).toBeGreaterThan(10); // about 30 of 300 in practice
  });

  it("an example where the order shows: x feeds three products summed into the root", () => {
    const x = new Value(1);
    const root = x.mul(1).add(x.mul(1e16)).add(x.mul(-1e16));
    root.backward({ order: "depthFirst" });
    const python = pythonGradients(root).get(x)!;
    expect(x.grad).toBe(python);
    expect(python).toBe(1); // Python adds -1e16, then 1e16, then 1
    expect(pythonGradients(root, true).get(x)).toBe(0); // 1 + 1e16 rounds to 1e16 first
  });
});

describe("Value.backward() sums gradients in creation order (newest first, as PyTorch), bit for bit", () => {
  it("on random graphs with heavy sharing (every node's gradient, exact)", () => {
    let differsFromPython = 0;
    fc.assert(
      fc.property(programs, (program) => {
        const { root, created } = build(program);
        const reference = creationGradients(root, created);
        root.backward();
        for (const v of pythonOrder(root)) expect(v.grad).toBe(reference.get(v) ?? 0);
        const python = pythonGradients(root);
        if (pythonOrder(root).some((v) => python.get(v) !== reference.get(v))) differsFromPython++;
      }),
      { numRuns: 300 },
    );
    // the two orders really differ on these graphs, so matching one of them bit for bit means something
    expect(differsFromPython).toBeGreaterThan(10); // about 30 of 300 in practice
  });

  it("an example where the two orders differ: the product made last is added first", () => {
    const x = new Value(1);
    const p3 = x.mul(-1e16); // made first, so added last
    const p1 = x.mul(1);
    const p2 = x.mul(1e16); // made last, so added first
    const root = p1.add(p2).add(p3);
    root.backward();
    expect(x.grad).toBe(0); // 1e16, then + 1 (rounds away), then − 1e16
    x.grad = 0;
    root.backward({ order: "depthFirst" });
    expect(x.grad).toBe(1); // Python: −1e16, then + 1e16, then + 1
  });

  it("gives the same bits when the graph was built across another backward (older segments)", () => {
    fc.assert(
      fc.property(programs, fc.nat(), (program, cut) => {
        const cutAt = cut % program.steps.length;
        // an unrelated backward in the middle of building cuts the creation chain there
        const { root, created } = build(program, (index) => {
          if (index === cutAt) new Value(3).mul(2).backward();
        });
        const reference = creationGradients(root, created);
        root.backward();
        for (const v of pythonOrder(root)) expect(v.grad).toBe(reference.get(v) ?? 0);
        // again, after yet another graph's backward: the same bits (the order depends on the graph only)
        new Value(1).tanh().backward();
        for (const v of created) if (v.op === "leaf") v.grad = 0; // leaves accumulate across calls
        root.backward();
        for (const v of pythonOrder(root)) expect(v.grad).toBe(reference.get(v) ?? 0);
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same bits across the point where creation numbers start over (ID_LIMIT)", () => {
    fc.assert(
      fc.property(programs, fc.nat(), fc.nat({ max: 200 }), (program, cut, before) => {
        setNextCreationNumber(ID_LIMIT - before); // the numbers wrap somewhere in this graph
        const cutAt = cut % program.steps.length;
        const { root, created } = build(program, (index) => {
          if (index === cutAt) new Value(3).mul(2).backward(); // older segments too
        });
        const reference = creationGradients(root, created);
        root.backward();
        for (const v of pythonOrder(root)) expect(v.grad).toBe(reference.get(v) ?? 0);
      }),
      { numRuns: 100 },
    );
  });

  it("stays correct when creation numbers alias (nodes ID_LIMIT creations apart look out of order)", () => {
    setNextCreationNumber(1000);
    const x = new Value(0.7);
    const early = x.tanh(); // number 1000
    new Value(1).exp().backward(); // cut: `early` is in an older segment now
    setNextCreationNumber(900); // as if the numbers had gone round since `early` was made
    const later = early.mul(x).add(early.exp()); // numbers 900…
    setNextCreationNumber(1010); // now 900… count as ~110 creations ago and `early` as ~10: out of order
    new Value(1).exp().backward(); // cut again: the whole graph is older, sorted by creation number
    later.backward();
    const t = Math.tanh(0.7);
    // d/dx [tanh(x)·x + e^tanh(x)] = (1 − t²)·x + t + e^t·(1 − t²)
    expect(x.grad).toBeCloseTo((1 - t * t) * 0.7 + t + Math.exp(t) * (1 - t * t), 14);
    expect(early.grad).toBeCloseTo(0.7 + Math.exp(t), 14);
  });

  it("gives the same bits on a graph longer than a chain segment (150,000 nodes, shared operands)", () => {
    const x = new Value(0.3);
    const created: Value[] = [x];
    const made = (v: Value): Value => (created.push(v), v);
    const recent: Value[] = [x, x, x];
    for (let i = 0; i < 50_000; i++) {
      // every node feeds the next three steps, so each gradient sums three or more contributions
      const t = made(recent[0]!.mul(recent[1]!));
      const u = made(t.add(recent[2]!));
      const next = made(u.tanh());
      recent.shift();
      recent.push(next);
    }
    const root = recent[2]!;
    const reference = creationGradients(root, created);
    root.backward();
    let checked = 0;
    for (const v of created) {
      expect(v.grad).toBe(reference.get(v) ?? 0);
      checked++;
    }
    expect(checked).toBe(150_001);
  });
});
