import { describe, expect, it } from "vitest";

import { tensor } from "../tensor-factories.js";

describe("Tensor crossEntropy", () => {
  it("crossEntropy equals the mean of −log softmax[target] (the tutorial's formula)", () => {
    const logits = tensor([
      [2, 1, 0.1],
      [0.5, -1.5, 3],
    ]);
    const byHand = [0, 2].map((t, r) => {
      const row = [...logits.data.subarray(r * 3, r * 3 + 3)];
      const e = row.map(Math.exp);
      return -Math.log(e[t]! / e.reduce((a, b) => a + b, 0));
    });
    expect(logits.crossEntropy([0, 2]).item()).toBeCloseTo((byHand[0]! + byHand[1]!) / 2, 14);
    expect(logits.crossEntropy([0, 2], "sum").item()).toBeCloseTo(byHand[0]! + byHand[1]!, 14);
    const none = logits.crossEntropy([0, 2], "none").data;
    expect(none[0]).toBeCloseTo(byHand[0]!, 14);
    expect(none[1]).toBeCloseTo(byHand[1]!, 14);
  });
});
