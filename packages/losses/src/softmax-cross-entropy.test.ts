import { Value } from "@neurogebra/autograd";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSharedFixture } from "@neurogebra/internal/fixtures";

import { softmaxCrossEntropy } from "./softmax-cross-entropy.js";

interface CrossEntropyCase {
  logits: number[][];
  targets: number[];
  loss: number;
  grad: number[][];
  softmax: number[][];
}
const { cross_entropy: cases } = JSON.parse(readSharedFixture("torch-reference.json")) as {
  cross_entropy: CrossEntropyCase[];
};
const transcript = readSharedFixture("python-run-seed42.txt");

function close(actual: number, expected: number, tol = 1e-12): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
    tol * Math.max(1, Math.abs(expected)),
  );
}

describe("softmaxCrossEntropy (the tutorial's step-by-step version)", () => {
  it("prints the tutorial demo's line: probabilities [0.659, 0.242, 0.099], loss 0.4170", () => {
    const { loss, probabilities } = softmaxCrossEntropy([new Value(2), new Value(1), new Value(0.1)], 0);
    const line = `Probabilities: [${probabilities.map((p) => p.data.toFixed(3)).join(", ")}]  Loss: ${loss.data.toFixed(4)}`;
    expect(transcript).toContain(`\n${line}\n`);
  });

  it("matches PyTorch's cross_entropy value, softmax and gradient (softmax − onehot) for one sample", () => {
    const c = cases[0]!;
    const scores = c.logits[0]!.map((x) => new Value(x));
    const { loss, probabilities } = softmaxCrossEntropy(scores, c.targets[0]!);
    close(loss.data, c.loss, 1e-15);
    probabilities.forEach((p, j) => close(p.data, c.softmax[0]![j]!, 1e-15));
    loss.backward();
    scores.forEach((s, j) => close(s.grad, c.grad[0]![j]!, 1e-15));
  });

  it("builds p = e · (Σe)⁻¹ like micrograd's e / Σe (a pow(−1) node times e), not a division", () => {
    const scores = [new Value(0.3), new Value(-1.7), new Value(2.9)];
    const { probabilities } = softmaxCrossEntropy(scores, 1);
    const m = 2.9;
    const e = scores.map((s) => Math.exp(s.data - m));
    const inverse = (e[0]! + e[1]! + e[2]!) ** -1;
    expect(probabilities.map((p) => p.data)).toEqual(e.map((x) => x * inverse));
  });

  it("logSumExp method: finite where the tutorial's underflows (±1000 logits), equal elsewhere", () => {
    const c = cases[1]!; // rows include [1000, 0, -1000] with target 1 → p = e^-1000 underflows to 0
    const rows = c.logits.map((row) => row.map((x) => new Value(x)));
    const tutorial = rows.map((row, i) => softmaxCrossEntropy(row, c.targets[i]!));
    expect(tutorial[2]!.loss.data).toBe(Infinity);
    const stable = rows.map((row, i) => softmaxCrossEntropy(row, c.targets[i]!, { method: "logSumExp" }));
    const mean = stable.reduce((a, r) => a + r.loss.data, 0) / rows.length;
    close(mean, c.loss);
    stable.forEach((r) => r.loss.backward());
    rows.forEach((row, i) => row.forEach((s, j) => close(s.grad / rows.length, c.grad[i]![j]!)));
    stable.forEach((r, i) => r.probabilities.forEach((p, j) => close(p.data, c.softmax[i]![j]!)));
  });

  it("both methods agree and give gradient p − onehot on random scores (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (xs, t) => {
          const target = t % xs.length;
          const a = xs.map((x) => new Value(x));
          const b = xs.map((x) => new Value(x));
          const ra = softmaxCrossEntropy(a, target);
          const rb = softmaxCrossEntropy(b, target, { method: "logSumExp" });
          close(ra.loss.data, rb.loss.data, 1e-12);
          close(
            ra.probabilities.reduce((s, p) => s + p.data, 0),
            1,
            1e-14,
          );
          ra.loss.backward();
          rb.loss.backward();
          a.forEach((s, j) => {
            const expected = ra.probabilities[j]!.data - (j === target ? 1 : 0);
            close(s.grad, expected, 1e-10);
            close(b[j]!.grad, expected, 1e-10);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rejects empty scores, bad targets and non-Value scores", () => {
    const s = [new Value(1), new Value(2)];
    expect(() => softmaxCrossEntropy([], 0)).toThrow(
      /softmaxCrossEntropy: expected scores to be non-empty, got an empty batch/,
    );
    expect(() => softmaxCrossEntropy(s, 2)).toThrow(
      /expected target to be an integer class index in \[0, 1\], got number 2/,
    );
    expect(() => softmaxCrossEntropy(s, 0.5)).toThrow(RangeError);
    expect(() => softmaxCrossEntropy(s, -1)).toThrow(RangeError);
    expect(() => softmaxCrossEntropy([1, 2] as unknown as Value[], 0)).toThrow(
      /softmaxCrossEntropy: expected scores\[0\] to be a Value, got number 1/,
    );
    expect(() => softmaxCrossEntropy(s, 0, { method: "fast" as "tutorial" })).toThrow(/options.method/);
  });
});
