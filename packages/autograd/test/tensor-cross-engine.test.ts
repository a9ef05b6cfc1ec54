/**
 * Cross-engine check: the tutorial's 2 → 16 → 16 → 3 ReLU network built from scalar `Value`s (Step 2–3,
 * neuron by neuron, the tutorial's softmax cross-entropy) and from `Tensor`s (Step 2's PyTorch half),
 * with the same weights and the same mini-batch, gives the same loss and the same gradients.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { Tensor } from "../src/index.js";
import { Value, fromRows, linear, tensor } from "../src/index.js";

import { lcg } from "./tensor-gradcheck.js";

const SIZES = [2, 16, 16, 3];

interface Network {
  weights: number[][][]; // [layer][out][in]  (PyTorch's nn.Linear layout)
  biases: number[][]; // [layer][out]
}

/** Tutorial-style init: U(−limit, limit), limit = √(6 / (nIn + 1)); biases small non-zero so they matter. */
function makeNetwork(seed: number): Network {
  const next = lcg(seed);
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (let l = 0; l + 1 < SIZES.length; l++) {
    const limit = Math.sqrt(6 / (SIZES[l]! + 1));
    weights.push(
      Array.from({ length: SIZES[l + 1]! }, () =>
        Array.from({ length: SIZES[l]! }, () => (2 * next() - 1) * limit),
      ),
    );
    biases.push(Array.from({ length: SIZES[l + 1]! }, () => 0.2 * next() - 0.1));
  }
  return { weights, biases };
}

/** A batch of points on the tutorial's spirals (class k's arm starts at angle 4k). */
function makeBatch(seed: number, n = 16): { X: number[][]; y: number[] } {
  const next = lcg(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(next() * 3);
    const r = next();
    const theta = 4 * k + 4 * r + 0.3 * (next() - 0.5);
    X.push([r * Math.sin(theta), r * Math.cos(theta)]);
    y.push(k);
  }
  return { X, y };
}

/** The Value half: Neuron = relu(sum(w·x, b)), the tutorial's softmax_cross_entropy, batch mean. */
function valueEngine(net: Network, X: number[][], y: number[]) {
  const w = net.weights.map((layer) => layer.map((row) => row.map((v) => new Value(v))));
  const b = net.biases.map((layer) => layer.map((v) => new Value(v)));
  let batchLoss = new Value(0);
  for (const [s, point] of X.entries()) {
    let h: Value[] = point.map((v) => new Value(v));
    for (let l = 0; l < w.length; l++) {
      const hidden = l < w.length - 1;
      h = w[l]!.map((row, j) => {
        let raw = b[l]![j]!;
        for (let i = 0; i < row.length; i++) raw = raw.add(row[i]!.mul(h[i]!));
        return hidden ? raw.relu() : raw;
      });
    }
    const maxScore = Math.max(...h.map((v) => v.data));
    const exps = h.map((score) => score.sub(new Value(maxScore)).exp());
    let sumExp = new Value(0);
    for (const e of exps) sumExp = sumExp.add(e);
    const loss = exps[y[s]!]!.div(sumExp).log().neg();
    batchLoss = batchLoss.add(loss);
  }
  batchLoss = batchLoss.div(X.length);
  batchLoss.backward();
  return {
    loss: batchLoss.data,
    gradW: w.map((layer) => layer.map((row) => row.map((v) => v.grad))),
    gradB: b.map((layer) => layer.map((v) => v.grad)),
  };
}

/** The Tensor half: `linear` + `relu` layers and a cross-entropy loss, fused or spelled out. */
function tensorEngine(net: Network, X: number[][], y: number[], fused: boolean) {
  const W = net.weights.map((m) => tensor(m, { requiresGrad: true }));
  const B = net.biases.map((v) => tensor(v, { requiresGrad: true }));
  let h: Tensor = fromRows(X);
  for (let l = 0; l < W.length; l++) {
    h = fused ? linear(h, W[l]!, B[l]) : h.matmul(W[l]!.T).add(B[l]!);
    if (l < W.length - 1) h = h.relu();
  }
  const loss = fused ? h.crossEntropy(y) : h.softmax(1).gather(1, y).log().neg().mean();
  loss.backward();
  return {
    loss: loss.item(),
    gradW: W.map((t) => t.grad!.toArray() as number[][]),
    gradB: B.map((t) => t.grad!.toArray() as number[]),
  };
}

function maxRelDiff(a: number[], b: number[]): number {
  expect(a.length).toBe(b.length);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!) / Math.max(1, Math.abs(b[i]!))), 0);
}

function expectSame(v: ReturnType<typeof valueEngine>, t: ReturnType<typeof tensorEngine>) {
  expect(Math.abs(t.loss - v.loss)).toBeLessThan(1e-12 * Math.max(1, v.loss));
  for (let l = 0; l < v.gradW.length; l++) {
    expect(maxRelDiff(t.gradW[l]!.flat(), v.gradW[l]!.flat()), `layer ${l} weights`).toBeLessThan(1e-12);
    expect(maxRelDiff(t.gradB[l]!, v.gradB[l]!), `layer ${l} biases`).toBeLessThan(1e-12);
  }
}

describe("Value engine vs Tensor engine on the tutorial network", () => {
  it("agree on loss and all six gradients for a 16-point batch (fused linear + crossEntropy)", () => {
    const net = makeNetwork(42);
    const { X, y } = makeBatch(7);
    const v = valueEngine(net, X, y);
    expect(v.gradW[0]!.flat().some((g) => g !== 0)).toBe(true); // the check is not vacuous
    expectSame(v, tensorEngine(net, X, y, true));
  });

  it("agree with the unfused tensor ops (matmul, add, softmax, gather, log, mean)", () => {
    const net = makeNetwork(3);
    const { X, y } = makeBatch(11);
    expectSame(valueEngine(net, X, y), tensorEngine(net, X, y, false));
  });

  it("agree for random networks and batches", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 24 }), (seed, n) => {
        const net = makeNetwork(seed);
        const { X, y } = makeBatch(seed + 1, n);
        expectSame(valueEngine(net, X, y), tensorEngine(net, X, y, true));
      }),
      { numRuns: 15 },
    );
  });
});
