import { describe, expect, it } from "vitest";
import { readSharedFixture } from "@neurogebra/internal/fixtures";

import type { Tensor } from "../src/index.js";
import { linear, tensor } from "../src/index.js";

interface MlpCase {
  layout: string;
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
  X: number[][];
  targets: number[];
  logits: number[][];
  loss: number;
  grad_W1: number[][];
  grad_b1: number[];
  grad_W2: number[][];
  grad_b2: number[];
}

interface CrossEntropyCase {
  logits: number[][];
  targets: number[];
  reduction: "mean" | "sum" | "none";
  loss: number | number[];
  grad: number[][];
  softmax: number[][];
}

const reference = JSON.parse(readSharedFixture("torch-reference.json")) as {
  mlp: MlpCase;
  cross_entropy: CrossEntropyCase[];
};

/** Max |a − b| over two equally shaped nested arrays (throws if the shapes differ). */
function maxAbsDiff(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b);
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
    throw new Error(`shape mismatch: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
  return a.reduce((m: number, x, i) => Math.max(m, maxAbsDiff(x, b[i])), 0);
}

describe("the mlp case of torch-reference.json (PyTorch float64)", () => {
  const ref = reference.mlp;

  it("uses PyTorch's nn.Linear layout, which linear() follows", () => {
    expect(ref.layout).toContain("(out, in)");
    expect(ref.layout).toContain("x @ W.T + b");
  });

  const params = () => ({
    W1: tensor(ref.W1, { requiresGrad: true }),
    b1: tensor(ref.b1, { requiresGrad: true }),
    W2: tensor(ref.W2, { requiresGrad: true }),
    b2: tensor(ref.b2, { requiresGrad: true }),
  });

  const check = (p: ReturnType<typeof params>, logits: Tensor, loss: Tensor) => {
    loss.backward();
    expect(maxAbsDiff(logits.toArray(), ref.logits)).toBeLessThan(1e-12);
    expect(Math.abs(loss.item() - ref.loss)).toBeLessThan(1e-12);
    expect(maxAbsDiff(p.W1.grad!.toArray(), ref.grad_W1)).toBeLessThan(1e-12);
    expect(maxAbsDiff(p.b1.grad!.toArray(), ref.grad_b1)).toBeLessThan(1e-12);
    expect(maxAbsDiff(p.W2.grad!.toArray(), ref.grad_W2)).toBeLessThan(1e-12);
    expect(maxAbsDiff(p.b2.grad!.toArray(), ref.grad_b2)).toBeLessThan(1e-12);
  };

  it("matches logits, loss and all four gradients with the fused linear and crossEntropy ops", () => {
    const p = params();
    const logits = linear(linear(tensor(ref.X), p.W1, p.b1).relu(), p.W2, p.b2);
    check(p, logits, logits.crossEntropy(ref.targets));
  });

  it("matches with the unfused ops: matmul, transpose, add, logSoftmax, gather, neg, mean", () => {
    const p = params();
    const hidden = tensor(ref.X).matmul(p.W1.T).add(p.b1).relu();
    const logits = hidden.matmul(p.W2.transpose()).add(p.b2);
    const loss = logits.logSoftmax(1).gather(1, ref.targets).neg().mean();
    check(p, logits, loss);
  });

  it("matches with the tutorial's cross-entropy spelled out: mean of −log softmax[target]", () => {
    const p = params();
    const logits = linear(linear(tensor(ref.X), p.W1, p.b1).relu(), p.W2, p.b2);
    const loss = logits.softmax(1).gather(1, Int32Array.from(ref.targets)).log().neg().mean();
    check(p, logits, loss);
  });
});

describe("crossEntropy against the cross_entropy cases of torch-reference.json", () => {
  for (const [k, c] of reference.cross_entropy.entries()) {
    it(`case ${k}: ${c.logits.length} rows, reduction ${c.reduction}`, () => {
      const logits = tensor(c.logits, { requiresGrad: true });
      const loss = logits.crossEntropy(c.targets, c.reduction);
      if (c.reduction === "none") {
        loss.backward(tensor(new Array<number>(c.logits.length).fill(1)));
      } else {
        loss.backward();
      }
      expect(maxAbsDiff(loss.toArray(), c.loss)).toBeLessThan(1e-12 * Math.max(1, Math.abs(Number(c.loss))));
      expect(maxAbsDiff(logits.grad!.toArray(), c.grad)).toBeLessThan(1e-12);
      expect(maxAbsDiff(logits.detach().softmax(1).toArray(), c.softmax)).toBeLessThan(1e-12);
    });
  }
});
