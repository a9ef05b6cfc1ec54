import { describe, expect, it } from "vitest";

import { Value, dot, sum, trace } from "../src/index.js";

// A traced function must give the untraced graph's values and gradients bit for bit, in both backward
// orders: here on the tutorial's own loop (a 2 → 16 → 16 → 3 ReLU network, softmax cross-entropy written
// with primitive ops, mini-batch SGD), for several steps, so every weight's gradient is compared.

/** A small deterministic generator (mulberry32), so the test needs no other package. */
function generator(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

interface Net {
  layers: { w: Value[][]; b: Value[]; relu: boolean }[];
  params: Value[];
}

function network(sizes: number[], random: () => number): Net {
  const layers = [];
  const params: Value[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const w = Array.from({ length: sizes[l + 1]! }, () =>
      Array.from({ length: sizes[l]! }, () => new Value(random() * 2 - 1)),
    );
    const b = Array.from({ length: sizes[l + 1]! }, () => new Value(random() * 0.2 - 0.1));
    for (const row of w) params.push(...row);
    params.push(...b);
    layers.push({ w, b, relu: l + 2 < sizes.length });
  }
  return { layers, params };
}

function forward(net: Net, x: Value[]): Value[] {
  let h = x;
  for (const { w, b, relu } of net.layers) {
    h = w.map((row, i) => {
      const z = dot(row, h, b[i]);
      return relu ? z.relu() : z;
    });
  }
  return h;
}

/** The tutorial's loss: max-shifted exponentials, `e * sum**-1`, `-log p[target]`. */
function loss(scores: readonly Value[], target: number): Value {
  let max = -Infinity;
  for (const s of scores) if (s.data > max) max = s.data;
  const exps = scores.map((s) => s.sub(new Value(max)).exp());
  const total = sum(exps);
  const probabilities = exps.map((e) => e.mul(total.pow(-1)));
  return probabilities[target]!.log().neg();
}

function train(traced: boolean, order: "creation" | "depthFirst", steps: number): number[] {
  const random = generator(7);
  const net = network([2, 16, 16, 3], random);
  const data = Array.from({ length: 64 }, () => ({
    x: [random() * 2 - 1, random() * 2 - 1],
    y: Math.floor(random() * 3),
  }));
  const f = traced
    ? trace((x) => forward(net, x), [new Value(0), new Value(0)])
    : (x: readonly Value[]) => forward(net, [...x]);
  const seen: number[] = [];
  for (let step = 0; step < steps; step++) {
    let batchLoss = new Value(0);
    for (let i = 0; i < 16; i++) {
      const { x, y } = data[(step * 16 + i) % data.length]!;
      batchLoss = batchLoss.add(loss(f([new Value(x[0]!), new Value(x[1]!)]), y));
    }
    batchLoss = batchLoss.mul(16 ** -1);
    for (const p of net.params) p.grad = 0;
    batchLoss.backward({ order });
    seen.push(batchLoss.data);
    for (const p of net.params) {
      seen.push(p.grad);
      p.data -= 0.05 * p.grad;
    }
  }
  return seen;
}

describe("trace: the tutorial's training loop, traced and not", () => {
  for (const order of ["creation", "depthFirst"] as const) {
    it(`gives the same losses and gradients to the last bit (${order} order)`, () => {
      const plain = train(false, order, 6);
      const traced = train(true, order, 6);
      expect(traced.length).toBe(plain.length);
      const differing = plain.filter((x, i) => !Object.is(x, traced[i]));
      expect(differing).toEqual([]);
    });
  }

  it("the two orders differ somewhere (so the comparison above can tell them apart)", () => {
    const a = train(true, "creation", 6);
    const b = train(true, "depthFirst", 6);
    expect(a.some((x, i) => !Object.is(x, b[i]))).toBe(true);
  });
});
