import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { tensor } from "../tensor-factories.js";

describe("Tensor softmax and logSoftmax", () => {
  it("softmax rows sum to 1 and equal exp(x)/Σexp(x); logSoftmax = log(softmax); logSumExp = log Σ exp", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (row) => {
          const x = tensor([row]);
          const s = x.softmax(1).data;
          const e = row.map(Math.exp);
          const total = e.reduce((a, b) => a + b, 0);
          expect([...s].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
          row.forEach((_, i) => expect(s[i]).toBeCloseTo(e[i]! / total, 14));
          const ls = x.logSoftmax().data;
          row.forEach((_, i) => expect(ls[i]).toBeCloseTo(Math.log(e[i]! / total), 12));
          expect(x.logSumExp(1).item()).toBeCloseTo(Math.log(total), 12);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("stays finite for logits of ±1000 and all −∞ rows", () => {
    expect(tensor([1000, 1000]).logSumExp().item()).toBe(1000 + Math.LN2);
    expect(
      tensor([[1000, 0, -1000]])
        .softmax()
        .toArray(),
    ).toEqual([[1, 0, 0]]);
    expect(
      tensor([[1000, 0, -1000]])
        .logSoftmax()
        .toArray(),
    ).toEqual([[0, -1000, -2000]]);
    expect(tensor([-Infinity, -Infinity]).logSumExp().item()).toBe(-Infinity);
  });
});
