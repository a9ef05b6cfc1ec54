import { Value, tensor, zeros } from "@neurogebra/autograd";
import type { Tensor } from "@neurogebra/autograd";
import { describe, expect, it } from "vitest";
import { readSharedFixture } from "@neurogebra/internal/fixtures";

import { CrossEntropyLoss } from "./cross-entropy-loss.js";
import { crossEntropy } from "./cross-entropy.js";
import { softmaxCrossEntropy } from "./softmax-cross-entropy.js";

interface CrossEntropyCase {
  logits: number[][];
  targets: number[];
  reduction: "mean";
  loss: number;
  grad: number[][];
}
const { cross_entropy: cases } = JSON.parse(readSharedFixture("torch-reference.json")) as {
  cross_entropy: CrossEntropyCase[];
};

function close(actual: number, expected: number, tol = 1e-12): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
    tol * Math.max(1, Math.abs(expected)),
  );
}

function leaf(rows: number[][]): Tensor {
  return tensor(rows, { requiresGrad: true });
}

describe("crossEntropy", () => {
  cases.forEach((c, k) => {
    it(`matches PyTorch's F.cross_entropy case ${k} (${c.logits.length} rows) in value and gradient`, () => {
      const logits = leaf(c.logits);
      const loss = crossEntropy(logits, c.targets, { reduction: c.reduction });
      close(loss.item(), c.loss);
      loss.backward();
      (logits.grad!.toArray() as number[][]).forEach((row, i) =>
        row.forEach((g, j) => close(g, c.grad[i]![j]!)),
      );
    });
  });

  it("sum = n · mean, none = the per-row losses, each row's gradient softmax − onehot", () => {
    const c = cases[1]!;
    const n = c.logits.length;
    const mean = crossEntropy(tensor(c.logits), Int32Array.from(c.targets)).item();
    close(crossEntropy(tensor(c.logits), c.targets, { reduction: "sum" }).item(), n * mean);
    const logits = leaf(c.logits);
    const none = crossEntropy(logits, c.targets, { reduction: "none" });
    expect(none.shape).toEqual([n]);
    const perRow = c.logits.map(
      (row, i) =>
        softmaxCrossEntropy(
          row.map((x) => new Value(x)),
          c.targets[i]!,
          { method: "logSumExp" },
        ).loss.data,
    );
    (none.toArray() as number[]).forEach((l, i) => close(l, perRow[i]!));
    none.backward(tensor([1, 1, 1, 1]));
    (logits.grad!.toArray() as number[][]).forEach((row, i) =>
      row.forEach((g, j) => close(g, n * c.grad[i]![j]!)),
    );
  });

  it("equals the Value engine's logSumExp loss averaged over the batch, gradients included", () => {
    const rows = [
      [0.2, -1.1, 3.4, 0],
      [5, 5, 5, 5],
      [-2, 7, 1, 0.5],
    ];
    const targets = [2, 0, 3];
    const logits = leaf(rows);
    crossEntropy(logits, targets).backward();
    const values = rows.map((r) => r.map((x) => new Value(x)));
    const losses = values.map((r, i) => softmaxCrossEntropy(r, targets[i]!, { method: "logSumExp" }).loss);
    const mean = losses.reduce((a, l) => a.add(l), new Value(0)).div(rows.length);
    mean.backward();
    (logits.grad!.toArray() as number[][]).forEach((row, i) =>
      row.forEach((g, j) => close(g, values[i]![j]!.grad)),
    );
  });

  it("CrossEntropyLoss wraps it with a fixed reduction", () => {
    const c = cases[1]!;
    expect(new CrossEntropyLoss().forward(tensor(c.logits), c.targets).item()).toBe(
      crossEntropy(tensor(c.logits), c.targets).item(),
    );
    expect(new CrossEntropyLoss({ reduction: "sum" }).reduction).toBe("sum");
    expect(() => new CrossEntropyLoss({ reduction: "max" as "sum" })).toThrow(
      /CrossEntropyLoss: expected options.reduction to be one of "mean", "sum", "none", got the string "max"/,
    );
  });

  it("throws RangeError naming the problem for bad targets, empty batches and mismatched lengths", () => {
    const logits = tensor([
      [1, 2, 3],
      [0, 0, 0],
    ]);
    expect(() => crossEntropy(logits, [0, 3])).toThrow(
      /crossEntropy: expected targets\[1\] to be an integer class index in \[0, 2\], got number 3/,
    );
    expect(() => crossEntropy(logits, [0, 1.5])).toThrow(RangeError);
    expect(() => crossEntropy(logits, [-1, 0])).toThrow(RangeError);
    expect(() => crossEntropy(logits, [0])).toThrow(
      /crossEntropy: expected logits rows and targets to have the same length, got 2 and 1/,
    );
    expect(() => crossEntropy(zeros([0, 3]), [])).toThrow(
      /crossEntropy: expected logits to be non-empty, got an empty batch/,
    );
    expect(() => crossEntropy(tensor([1, 2, 3]), [0])).toThrow(
      /expected logits of shape \(batch, classes\), got shape \[3\]/,
    );
    expect(() => crossEntropy([[1, 2]] as unknown as Tensor, [0])).toThrow(TypeError);
  });
});
