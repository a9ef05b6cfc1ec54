import { Value, tensor } from "@neurogebra/autograd";
import type { Tensor } from "@neurogebra/autograd";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { binaryCrossEntropy, binaryCrossEntropyWithLogits } from "./binary-cross-entropy.js";
import { hinge } from "./hinge.js";
import { mse } from "./mse.js";

type Loss = (p: readonly Value[], t: number[]) => Value;
type TensorLoss = (p: Tensor, t: number[]) => Tensor;

/** Plain-arithmetic references (no autograd), written from each loss's textbook formula. */
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const references = {
  mse: (p: number, t: number) => (p - t) ** 2,
  bce: (p: number, t: number) => -(t * Math.log(p) + (1 - t) * Math.log(1 - p)),
  bceLogits: (z: number, t: number) => -(t * Math.log(sigmoid(z)) + (1 - t) * Math.log(1 - sigmoid(z))),
  hinge: (s: number, t: number) => Math.max(0, 1 - t * s),
};

const losses: [
  string,
  Loss,
  TensorLoss,
  (p: number, t: number) => number,
  fc.Arbitrary<[number, number][]>,
][] = [
  [
    "mse",
    (p, t) => mse(p, t),
    (p, t) => mse(p, t),
    references.mse,
    fc.array(
      fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
  ],
  [
    "binaryCrossEntropy",
    (p, t) => binaryCrossEntropy(p, t),
    (p, t) => binaryCrossEntropy(p, t),
    references.bce,
    fc.array(
      fc.tuple(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
  ],
  [
    "binaryCrossEntropyWithLogits",
    (p, t) => binaryCrossEntropyWithLogits(p, t),
    (p, t) => binaryCrossEntropyWithLogits(p, t),
    references.bceLogits,
    fc.array(
      fc.tuple(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
  ],
  [
    "hinge",
    (p, t) => hinge(p, t),
    (p, t) => hinge(p, t),
    references.hinge,
    fc.array(
      fc.tuple(
        fc.double({ min: -3, max: 3, noNaN: true }).filter((s) => Math.abs(Math.abs(s) - 1) > 1e-3),
        fc.constantFrom(-1, 1),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  ],
];

const byName: Record<string, typeof mse> = {
  mse,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  hinge,
};

function close(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
    tol * Math.max(1, Math.abs(expected)),
  );
}

describe.each(losses)("%s", (name, valueLoss, tensorLoss, reference, pairs) => {
  it("equals the mean of its textbook formula, on both engines with the same gradients, which match finite differences", () => {
    fc.assert(
      fc.property(pairs, (data) => {
        const ps = data.map(([p]) => p);
        const ts = data.map(([, t]) => t);
        const expected = data.reduce((a, [p, t]) => a + reference(p, t), 0) / data.length;
        const values = ps.map((p) => new Value(p));
        const v = valueLoss(values, ts);
        close(v.data, expected, 1e-10);
        const x = tensor(ps, { requiresGrad: true });
        const t = tensorLoss(x, ts);
        close(t.item(), v.data, 1e-12);
        v.backward();
        t.backward();
        const h = 1e-6;
        ps.forEach((p, i) => {
          close(x.grad!.data[i]!, values[i]!.grad, 1e-12);
          const at = (q: number): number =>
            data.reduce((a, [pj, tj], j) => a + reference(j === i ? q : pj, tj), 0) / data.length;
          close(values[i]!.grad, (at(p + h) - at(p - h)) / (2 * h), 1e-5);
        });
      }),
      { numRuns: 100 },
    );
  });

  it("supports sum and none reductions", () => {
    const data = fc.sample(
      pairs.filter((d) => d.length >= 2),
      { numRuns: 1, seed: 7 },
    )[0]!;
    const ps = data.map(([p]) => p);
    const ts = data.map(([, t]) => t);
    const loss = byName[name]!;
    const mean = loss(tensor(ps), ts).item();
    close(loss(tensor(ps), ts, { reduction: "sum" }).item(), mean * ps.length, 1e-12);
    const none = loss(tensor(ps), ts, { reduction: "none" });
    expect(none.shape).toEqual([ps.length]);
    close(Array.from(none.data).reduce((a, b) => a + b) / ps.length, mean, 1e-12);
    close(
      loss(
        ps.map((x) => new Value(x)),
        ts,
        { reduction: "sum" },
      ).data,
      mean * ps.length,
      1e-12,
    );
  });

  it("throws RangeError for an empty batch and a length mismatch", () => {
    expect(() => valueLoss([], [])).toThrow(new RegExp(`${name}: expected predictions to be non-empty`));
    expect(() => tensorLoss(tensor([0.5, 0.5]), [1])).toThrow(
      new RegExp(`${name}: expected predictions and targets to have the same length, got 2 and 1`),
    );
    expect(() => valueLoss([new Value(0.5)], [1, 1])).toThrow(RangeError);
  });
});

describe("target and prediction checks", () => {
  it("reject targets outside each loss's domain", () => {
    expect(() => hinge(tensor([0.5]), [0])).toThrow(
      /hinge: expected targets\[0\] to be -1 or 1, got number 0/,
    );
    expect(() => binaryCrossEntropy(tensor([0.5]), [2])).toThrow(
      /binaryCrossEntropy: expected targets\[0\] to be in \[0, 1\], got number 2/,
    );
    expect(() => binaryCrossEntropy([new Value(1.5)], [1])).toThrow(
      /expected predictions\[0\] to be in \[0, 1\], got number 1.5/,
    );
    expect(() => mse(tensor([1]), [NaN])).toThrow(
      /mse: expected targets\[0\] to be a finite number, got number NaN/,
    );
    expect(() => mse(tensor([1, 2]), tensor([[1, 2]]))).toThrow(
      /mse: expected predictions and targets to have the same shape/,
    );
    expect(() => mse([new Value(1)], [1], { reduction: "none" as "sum" })).toThrow(
      /"mean", "sum", got the string "none"/,
    );
  });
});

describe("binaryCrossEntropy at the edges", () => {
  it("clamps each log at −100 like PyTorch: p = 0 with target 1 costs exactly 100, and gradients stay finite", () => {
    const x = tensor([0, 1], { requiresGrad: true });
    const loss = binaryCrossEntropy(x, [1, 0], { reduction: "sum" });
    expect(loss.item()).toBe(200);
    loss.backward();
    expect(Array.from(x.grad!.data).every(Number.isFinite)).toBe(true);
    const v = [new Value(0), new Value(1)];
    const lv = binaryCrossEntropy(v, [1, 0], { reduction: "sum" });
    expect(lv.data).toBe(200);
    lv.backward();
    expect(v.every((p) => Number.isFinite(p.grad))).toBe(true);
    // A right answer with certainty costs nothing (no 0 · log 0 = NaN).
    expect(binaryCrossEntropy(tensor([1, 0]), [1, 0]).item()).toBe(0);
  });

  it("equals the with-logits form at p = σ(z), which stays exact for ±1000", () => {
    const z = [-2, 0.3, 4];
    const p = z.map(sigmoid);
    close(
      binaryCrossEntropy(tensor(p), [1, 0, 1]).item(),
      binaryCrossEntropyWithLogits(tensor(z), [1, 0, 1]).item(),
      1e-12,
    );
    expect(binaryCrossEntropyWithLogits(tensor([1000, -1000]), [1, 0]).item()).toBe(0);
    close(binaryCrossEntropyWithLogits(tensor([-1000]), [1]).item(), 1000, 1e-15);
  });
});
