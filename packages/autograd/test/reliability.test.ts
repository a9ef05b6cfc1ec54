import { describe, expect, it } from "vitest";

import * as autograd from "../src/index.js";
import { Tensor, Value, arange, full, noGrad, ones, tensor, zeros } from "../src/index.js";

// Regression tests of issue #19 ("no input crashes, hangs or silently lies"), autograd's part. Each
// `it` names the item of the issue it pins down.

/** The error class backward throws for a saved tensor written after the forward pass. */
const SavedTensorModifiedError = (autograd as Record<string, unknown>)["SavedTensorModifiedError"] as
  (new (...args: never[]) => Error) | undefined;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("reliability #19: 10 — data written after the forward pass", () => {
  it("10: backward after a write through .data to a saved leaf throws, naming the tensor and the op", () => {
    // The example: the forward used w = [3, 4]; backward would have used [100, 4].
    const x = tensor([1, 2], { requiresGrad: true });
    const w = tensor([3, 4], { requiresGrad: true });
    const y = x.mul(w).sum();
    w.data[0] = 100;
    const error = thrown(() => y.backward());
    expect(SavedTensorModifiedError).toBeDefined();
    expect(error).toBeInstanceOf(SavedTensorModifiedError!);
    const e = error as Error & { op: string; tensor: Tensor };
    expect(e.name).toBe("SavedTensorModifiedError");
    expect(e.op).toBe("mul");
    expect(e.tensor).toBe(w);
    expect(e.message).toMatch(/^backward: /);
    expect(e.message).toContain("mul");
    expect(e.message).toContain("tensor([100, 4], requiresGrad=true)");
    expect(x.grad).toBeNull(); // nothing half-done: no gradient was written
  });

  it("10: a write to an input that does not require grad is detected too (it feeds w's gradient)", () => {
    const x = tensor([1, 2]);
    const w = tensor([3, 4], { requiresGrad: true });
    const y = x.mul(w).sum();
    x.data.set([7, 7]);
    expect(() => y.backward()).toThrow(/mul/);
  });

  it("10: a write through a view (reshape, detach) or to a weight of linear/matmul is detected", () => {
    const b = tensor([1, 2], { requiresGrad: true });
    const m = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { requiresGrad: true },
    );
    const y = m.matmul(b).sum(); // the vector goes in as a reshaped view of b
    b.detach().data[1] = -5;
    expect(() => y.backward()).toThrow(/matmul/);

    const W = tensor([[0.5, -1]], { requiresGrad: true });
    const out = tensor([[1, 2]])
      .linear(W)
      .sum();
    W.data[1] = 0;
    expect(() => out.backward()).toThrow(/linear/);
  });

  it("10: optimizer steps after backward keep working, step after step", () => {
    const w = tensor([3, 4], { requiresGrad: true });
    const x = tensor([1, 2]);
    for (let step = 0; step < 3; step++) {
      w.zeroGrad();
      const loss = x.mul(w).sum();
      loss.backward();
      for (let i = 0; i < w.size; i++) w.data[i]! -= 0.1 * w.grad!.data[i]!; // SGD writes .data
    }
    expect(Array.from(w.data)).toEqual([3 - 0.1 - 0.1 - 0.1, 4 - 0.2 - 0.2 - 0.2]);
  });

  it("10: reading data between the forward pass and backward() is fine; only a change throws", () => {
    const w = tensor([3, 4], { requiresGrad: true });
    const y = w.mul(w).sum();
    expect(Array.from(w.data)).toEqual([3, 4]); // a read, e.g. logging the weights
    expect(w.data[1]).toBe(4);
    y.backward();
    expect(Array.from(w.grad!.data)).toEqual([6, 8]);
  });

  it("10: after backward(), an optimizer step and a second backward() through the same graph throws", () => {
    const w = tensor([3, 4], { requiresGrad: true });
    const loss1 = w.mul(2).sum();
    const loss2 = w.mul(w).sum(); // a second graph saved at the same version
    loss1.backward();
    loss1.backward(); // nothing touched w.data in between: fine, as PyTorch's retain_graph
    w.data[0]! -= 0.1 * w.grad!.data[0]!; // an optimizer step
    expect(() => loss2.backward()).toThrow(SavedTensorModifiedError!);
    expect(() => loss2.backward()).toThrow(/backward: the data of tensor\(\[2\.6, 4\]/);
  });

  it("10: values written back unchanged, or writes before the forward pass, are fine", () => {
    const w = tensor([3, 4], { requiresGrad: true });
    w.data[0] = 5; // before the forward pass
    const y = w.mul(w).sum();
    w.data[1] = 4; // the same value
    y.backward();
    expect(Array.from(w.grad!.data)).toEqual([10, 8]);
  });
});

describe("reliability #19: 12 — shapes beyond 32 bits", () => {
  it("12: a dimension of 2^31 or more is a RangeError, even when another dimension is 0", () => {
    expect(() => new Tensor(new Float64Array(0), [2 ** 31, 0])).toThrow(RangeError);
    expect(() => new Tensor(new Float64Array(0), [2 ** 31, 0])).toThrow(/Tensor: .*2147483647/);
    expect(() => zeros([0, 2 ** 32 + 5])).toThrow(RangeError);
    expect(() => zeros([0, 2 ** 32 + 5])).toThrow(/zeros: /);
    expect(new Tensor(new Float64Array(0), [2 ** 31 - 1, 0]).shape).toEqual([2 ** 31 - 1, 0]);
  });

  it("12: impossible sizes are named RangeErrors, not 'Invalid typed array length'", () => {
    expect(() => zeros([2 ** 40])).toThrow(/zeros: shape \(1099511627776,\) .* at most 2147483647/);
    expect(() => full([100000, 100000], 1)).toThrow(/full: shape \(100000,100000\) holds 10000000000/);
    expect(() => ones([2 ** 20, 2 ** 20])).toThrow(RangeError);
    expect(() => arange(0, 1e20)).toThrow(/arange: .*100000000000000000000 elements/);
    expect(() => tensor([1, 2]).reshape([2 ** 31, 0])).toThrow(/reshape: /);
  });
});

describe("reliability #19: 15 — options.requiresGrad", () => {
  it('15: tensor([1], { requiresGrad: "yes" }) is a TypeError naming the option', () => {
    expect(() => tensor([1], { requiresGrad: "yes" as unknown as boolean })).toThrow(
      'tensor: expected options.requiresGrad to be a boolean, got the string "yes"',
    );
    expect(() => zeros([2], { requiresGrad: 1 as unknown as boolean })).toThrow(
      "zeros: expected options.requiresGrad to be a boolean, got number 1",
    );
    expect(() => new Tensor(new Float64Array(1), [1], { requiresGrad: null as unknown as boolean })).toThrow(
      "Tensor: expected options.requiresGrad to be a boolean, got null",
    );
  });

  it("15: a misspelt option is a TypeError, not a silent requiresGrad false", () => {
    expect(() => tensor([1], { requiresgrad: true } as never)).toThrow(
      'tensor: unknown option "requiresgrad" (expected requiresGrad)',
    );
  });

  it("15: booleans and undefined are accepted", () => {
    expect(tensor([1], { requiresGrad: true }).requiresGrad).toBe(true);
    expect(tensor([1], { requiresGrad: false }).requiresGrad).toBe(false);
    expect(tensor([1], {}).requiresGrad).toBe(false);
    expect(tensor([1], { requiresGrad: undefined }).requiresGrad).toBe(false);
  });
});

describe("reliability #19: also fix", () => {
  it("max() with tied maxima splits the gradient evenly, like PyTorch ([0.5, 0.5, 0])", () => {
    const x = tensor([1, 1, 0], { requiresGrad: true });
    x.max().backward();
    expect(Array.from(x.grad!.data)).toEqual([0.5, 0.5, 0]);
    const m = tensor(
      [
        [2, 4, 4],
        [1, 0, 0],
      ],
      { requiresGrad: true },
    );
    m.max(1).sum().backward();
    expect(Array.from(m.grad!.data)).toEqual([0, 0.5, 0.5, 1, 0, 0]);
    const n = tensor([3, 1, 3], { requiresGrad: true });
    n.min().backward(); // min is −max(−x): the tie rule carries over
    expect(Array.from(n.grad!.data)).toEqual([0, 1, 0]);
  });

  it("Tensor.shape cannot be changed from outside", () => {
    const t = zeros([2, 3]);
    expect(() => (t.shape as number[]).push(4)).toThrow(TypeError);
    expect(() => {
      (t.shape as number[])[0] = 7;
    }).toThrow(TypeError);
    expect(t.shape).toEqual([2, 3]);
    const r = t.add(1).sum(0).relu(); // results of ops too
    expect(Object.isFrozen(r.shape)).toBe(true);
    expect(Object.isFrozen(t.linear(ones([4, 3])).shape)).toBe(true);
  });

  it("noGrad(5) is a TypeError naming fn, not 'fn is not a function'", () => {
    expect(() => noGrad(5 as unknown as () => number)).toThrow(
      new TypeError("noGrad: expected fn to be a function, got number 5"),
    );
  });
});

describe("reliability #19: tanh's derivative near saturation", () => {
  it("both engines compute 1 − tanh² as (1 − t)(1 + t), exact to rounding where 1 − t·t is not", () => {
    const x = 10.387;
    const t = Math.tanh(x);
    const v = new Value(x);
    v.tanh().backward();
    const a = tensor([x], { requiresGrad: true });
    a.tanh().sum().backward();
    expect(v.grad).toBe((1 - t) * (1 + t));
    expect(a.grad!.data[0]).toBe((1 - t) * (1 + t));
  });
});
