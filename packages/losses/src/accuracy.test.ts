import { Value, tensor } from "@neurogebra/autograd";
import { describe, expect, it } from "vitest";

import { accuracy } from "./accuracy.js";

describe("accuracy", () => {
  it("counts argmax hits for logits, Value score rows and class indices alike", () => {
    const logits = [
      [2, 1, 0],
      [0, 3, 1],
      [0.5, 0.2, 0.9],
      [1, 1, 0],
    ];
    const targets = [0, 1, 1, 0];
    expect(accuracy(tensor(logits), targets)).toBe(3 / 4);
    expect(
      accuracy(
        logits.map((r) => r.map((x) => new Value(x))),
        targets,
      ),
    ).toBe(3 / 4);
    expect(accuracy([0, 1, 2, 0], Int32Array.from(targets))).toBe(3 / 4);
    expect(accuracy(Int32Array.from([0, 1, 1, 0]), targets)).toBe(1);
  });

  it("takes the first maximum on ties, like Python's max(range(c), key=…)", () => {
    expect(accuracy([[new Value(1), new Value(1)]], [0])).toBe(1);
    expect(accuracy(tensor([[1, 1]]), [0])).toBe(1);
  });

  it("throws RangeError for empty batches, mismatched lengths and bad targets", () => {
    expect(() => accuracy([], [])).toThrow(
      /accuracy: expected predictions to be non-empty, got an empty batch/,
    );
    expect(() => accuracy([0, 1], [0])).toThrow(
      /accuracy: expected predictions and targets to have the same length, got 2 and 1/,
    );
    expect(() => accuracy([0], [1.5])).toThrow(
      /accuracy: expected targets\[0\] to be a non-negative integer class index, got number 1.5/,
    );
    expect(() => accuracy(tensor([1, 2]), [0])).toThrow(/expected a Tensor of logits \(batch, classes\)/);
    expect(() => accuracy("x" as unknown as number[], [0])).toThrow(TypeError);
  });
});
