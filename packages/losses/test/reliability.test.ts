import { Value, tensor } from "@neurogebra/autograd";
import { describe, expect, it } from "vitest";

import { accuracy, binaryCrossEntropyWithLogits, crossEntropy } from "../src/index.js";

// Regression tests of issue #19 ("no input crashes, hangs or silently lies"), the losses' part.

describe("reliability #19: 13 — accuracy's targets", () => {
  it("13: a target outside [0, classes) is the RangeError crossEntropy gives, not a silent miss", () => {
    const logits = tensor([
      [1, 2],
      [3, 1],
    ]);
    const message = "expected targets[0] to be an integer class index in [0, 1], got number 5";
    expect(() => crossEntropy(logits, [5, 0])).toThrow(new RangeError(`crossEntropy: ${message}`));
    expect(() => accuracy(logits, [5, 0])).toThrow(new RangeError(`accuracy: ${message}`));
    expect(() => accuracy(logits, Int32Array.of(0, 2))).toThrow(
      "accuracy: expected targets[1] to be an integer class index in [0, 1], got number 2",
    );
  });

  it("13: rows of Value scores are checked against their own number of classes", () => {
    const rows = [
      [new Value(0), new Value(1), new Value(2)],
      [new Value(1), new Value(0), new Value(0)],
    ];
    expect(() => accuracy(rows, [2, 3])).toThrow(
      new RangeError("accuracy: expected targets[1] to be an integer class index in [0, 2], got number 3"),
    );
    expect(accuracy(rows, [2, 0])).toBe(1);
  });
});

describe("reliability #19: binaryCrossEntropyWithLogits at infinite logits", () => {
  it("(+Infinity, 0) is +Infinity with gradient 1, not NaN, on both engines", () => {
    const z = tensor([Infinity], { requiresGrad: true });
    const loss = binaryCrossEntropyWithLogits(z, [0]);
    expect(loss.item()).toBe(Infinity);
    loss.backward();
    expect(z.grad!.data[0]).toBe(1);
    const v = new Value(Infinity);
    const scalarLoss = binaryCrossEntropyWithLogits([v], [0]);
    expect(scalarLoss.data).toBe(Infinity);
    scalarLoss.backward();
    expect(v.grad).toBe(1);
  });

  it("every infinite logit has its limit: loss and gradient σ(z) − t", () => {
    // [z, t, loss, dloss/dz]: the limits of softplus(z) − t·z and σ(z) − t
    const cases: [number, number, number, number][] = [
      [Infinity, 0, Infinity, 1],
      [Infinity, 0.5, Infinity, 0.5],
      [Infinity, 1, 0, 0],
      [-Infinity, 0, 0, 0],
      [-Infinity, 0.5, Infinity, -0.5],
      [-Infinity, 1, Infinity, -1],
    ];
    for (const [zv, t, expectedLoss, expectedGrad] of cases) {
      const z = tensor([zv], { requiresGrad: true });
      const loss = binaryCrossEntropyWithLogits(z, [t]);
      loss.backward();
      const v = new Value(zv);
      const scalarLoss = binaryCrossEntropyWithLogits([v], [t]);
      scalarLoss.backward();
      const label = `(${zv}, ${t})`;
      expect(loss.item(), label).toBe(expectedLoss);
      expect(z.grad!.data[0], label).toBe(expectedGrad);
      expect(scalarLoss.data, label).toBe(expectedLoss);
      expect(v.grad, label).toBe(expectedGrad);
    }
  });
});
