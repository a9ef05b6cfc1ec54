import { describe, expect, it } from "vitest";

import { AnomalyError, detectAnomaly, isGradEnabled, noGrad } from "./grad-mode.js";
import { Tensor } from "./tensor.js";
import { ones, tensor, zeros } from "./tensor-factories.js";

const grad = (t: Tensor) => t.grad?.toArray();

describe("Tensor storage", () => {
  it("wraps a Float64Array row-major without copying", () => {
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    const t = new Tensor(data, [2, 3]);
    expect(t.data).toBe(data);
    expect(t.shape).toEqual([2, 3]);
    expect(t.ndim).toBe(2);
    expect(t.size).toBe(6);
    expect(t.numel()).toBe(6);
    expect(t.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it("copies the shape, so mutating the caller's array later changes nothing", () => {
    const shape = [2, 2];
    const t = new Tensor(new Float64Array(4), shape);
    shape[0] = 4;
    expect(t.shape).toEqual([2, 2]);
  });

  it("handles 0-d and empty tensors", () => {
    const s = new Tensor(new Float64Array([7]), []);
    expect(s.toArray()).toBe(7);
    expect(s.item()).toBe(7);
    expect(s.ndim).toBe(0);
    const e = new Tensor(new Float64Array(0), [2, 0]);
    expect(e.toArray()).toEqual([[], []]);
  });

  it("rejects data that is not a Float64Array and shapes that do not fit", () => {
    expect(() => new Tensor([1, 2] as unknown as Float64Array, [2])).toThrow(TypeError);
    expect(() => new Tensor(new Float32Array(2) as unknown as Float64Array, [2])).toThrow(
      /expected data to be a Float64Array, got a Float32Array/,
    );
    expect(() => new Tensor(new Float64Array(5), [2, 3])).toThrow(
      new RangeError("Tensor: shape (2,3) holds 6 elements but data has 5"),
    );
    expect(() => new Tensor(new Float64Array(2), [2.5])).toThrow(RangeError);
    expect(() => new Tensor(new Float64Array(2), [-2])).toThrow(/non-negative integers/);
  });

  it("item() needs exactly one element", () => {
    expect(() => zeros([2]).item()).toThrow(
      new RangeError("item: expected a tensor with exactly one element, got shape (2,)"),
    );
    expect(tensor([[5]]).item()).toBe(5);
  });

  it("detach shares data and drops the graph", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.mul(2);
    const d = y.detach();
    expect(d.data).toBe(y.data);
    expect(d.requiresGrad).toBe(false);
    expect(d.isLeaf).toBe(true);
    expect(y.isLeaf).toBe(false);
    expect(y.op).toBe("mul");
    expect(y.inputs).toHaveLength(2);
  });

  it("prints readably", () => {
    expect(
      String(
        tensor([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe("tensor([[1, 2], [3, 4]])");
    expect(String(tensor([0.5], { requiresGrad: true }))).toBe("tensor([0.5], requiresGrad=true)");
    expect(String(zeros([40, 40]))).toBe("tensor(<1600 values>, shape=(40,40))");
  });
});

describe("backward", () => {
  it("uses the indices an op was given, even if the caller refills its array before backward", () => {
    const x = tensor(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      { requiresGrad: true },
    );
    const batch = Int32Array.from([0, 2]);
    const rows = x.indexSelect(0, batch);
    const picked = x.gather(1, [1, 0, 1]);
    const classes = [1, 0];
    const loss = rows.crossEntropy(classes);
    batch.set([1, 1]); // a reused batch buffer, refilled for the next step
    classes[0] = 0;
    rows.sum().add(picked.sum()).add(loss).backward();
    const p = (a: number, b: number) => Math.exp(a) / (Math.exp(a) + Math.exp(b));
    const ce = (a: number, b: number, target: 0 | 1) => {
      const q = [p(a, b), p(b, a)];
      q[target]! -= 1;
      return q.map((v) => v / 2); // mean over the two rows
    };
    const expected = [
      [1 + ce(1, 2, 1)[0]!, 1 + 1 + ce(1, 2, 1)[1]!],
      [1, 0],
      [1 + ce(5, 6, 0)[0]!, 1 + 1 + ce(5, 6, 0)[1]!],
    ].flat();
    const got = x.grad!.data;
    expect(got.length).toBe(expected.length);
    for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(expected[i]!, 14);
  });

  it("seeds a one-element result with 1", () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    x.mul(x).sum().backward();
    expect(grad(x)).toEqual([2, 4, 6]);
  });

  it("refuses a non-scalar root without a seed gradient and checks the seed's shape", () => {
    const y = tensor([1, 2], { requiresGrad: true }).mul(3);
    expect(() => y.backward()).toThrow(
      /backward: a tensor of shape \(2,\) is not a scalar; pass a seed gradient/,
    );
    expect(() => y.backward(ones([3]))).toThrow(
      new RangeError("backward: gradient shape (3,) differs from the tensor's shape (2,)"),
    );
    expect(() => y.backward([1, 1] as unknown as Tensor)).toThrow(TypeError);
  });

  it("accepts an explicit seed (vector-Jacobian product)", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.mul(x).backward(tensor([10, 100]));
    expect(grad(x)).toEqual([20, 400]);
  });

  it("accumulates into leaves across calls, like PyTorch, until zeroGrad()", () => {
    const x = tensor([3], { requiresGrad: true });
    const y = x.mul(x).sum();
    y.backward();
    y.backward();
    expect(grad(x)).toEqual([12]);
    x.zeroGrad();
    expect(grad(x)).toEqual([0]);
    y.backward();
    expect(grad(x)).toEqual([6]);
  });

  it("keeps gradients of leaves only, like PyTorch, unless a result calls retainGrad()", () => {
    const x = tensor([3], { requiresGrad: true });
    const h = x.mul(2);
    const y = h.mul(h).sum();
    y.backward();
    expect(grad(x)).toEqual([24]);
    expect(h.grad).toBeNull();
    expect(y.grad).toBeNull();
    expect(h.retainsGrad).toBe(false);
  });

  it("gives retained intermediate results fresh gradients on every call (no double counting)", () => {
    const x = tensor([3], { requiresGrad: true });
    const h = x.mul(2).retainGrad(); // intermediate
    const y = h.mul(h).sum(); // dy/dh = 2h = 12, dy/dx = 24
    expect(h.retainsGrad).toBe(true);
    y.backward();
    expect(grad(h)).toEqual([12]);
    y.backward();
    expect(grad(h)).toEqual([12]);
    expect(grad(x)).toEqual([48]);
  });

  it("retainGrad() is a no-op on a leaf and an error on a tensor without grad", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(x.retainGrad()).toBe(x);
    expect(x.retainsGrad).toBe(false); // PyTorch: retains_grad is False for leaves
    expect(() => tensor([1]).retainGrad()).toThrow(
      /retainGrad: this tensor of shape \(1,\) does not require grad/,
    );
  });

  it("never hands a gradient someone can still read to a later sweep", () => {
    // Gradients that stay visible — a leaf's, a retained one, and those left by a sweep that threw — must
    // keep their values while later sweeps recycle their own intermediate buffers.
    const w = tensor([0, 1, 2, 3], { requiresGrad: true });
    const kept = w.mul(2).retainGrad();
    kept.mul(kept).sum().backward();
    const leaf = tensor([5], { requiresGrad: true });
    leaf.mul(leaf).sum().backward();
    const h = w.mul(2);
    const root = h.pow(0.5).mul(3).sum(); // d/dh of h^0.5 at h = 0 is ∞: anomaly mode stops the sweep there
    detectAnomaly(true);
    try {
      expect(() => root.backward()).toThrow(AnomalyError);
    } finally {
      detectAnomaly(false);
    }
    const held = [kept.grad!, leaf.grad!, h.grad!];
    const before = held.map((t) => Array.from(t.data));
    expect(before.slice(0, 2)).toEqual([[0, 4, 8, 12], [10]]);
    expect(before[2]).toEqual([Infinity, 3 * 0.5 * 2 ** -0.5, 3 * 0.5 * 4 ** -0.5, 3 * 0.5 * 6 ** -0.5]);
    root.backward(); // the interrupted graph again: h gets a new gradient, the held one is left alone
    expect(h.grad).toBeNull();
    // a sweep whose eight results all keep their gradients takes every spare buffer of length 4
    let chain = w;
    for (let i = 0; i < 8; i++) chain = chain.mul(1.5).retainGrad();
    chain.sum().backward();
    expect(held.map((t) => Array.from(t.data))).toEqual(before);
  });

  it("sums gradients over every use of a shared subexpression, in any topological shape", () => {
    // y = a·b + a, with b = a + 1: dy/da = b + a + 1 = 2a + 2.
    const a = tensor([2, -1], { requiresGrad: true });
    const b = a.add(1);
    const y = a.mul(b).add(a).sum();
    y.backward();
    expect(grad(a)).toEqual([6, 0]);
  });

  it("orders a node after every consumer even when it is also a direct input of the root", () => {
    // root = x + f(x): x is reached directly and through f; both contributions must be in x.grad.
    const x = tensor([1, 2], { requiresGrad: true });
    const f = x.mul(3).exp().log(); // = 3x
    x.add(f).sum().backward();
    expect(grad(x)).toEqual([4, 4]);
  });

  it("walks a 100,000-node chain without recursion", () => {
    const x = tensor([1], { requiresGrad: true });
    let y = x;
    for (let i = 0; i < 100_000; i++) y = y.mul(1);
    y.sum().backward();
    expect(grad(x)).toEqual([1]);
  });

  it("only fills gradients of tensors that require them", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const c = tensor([3, 4]);
    w.mul(c).sum().backward();
    expect(grad(w)).toEqual([3, 4]);
    expect(c.grad).toBeNull();
  });

  it("does nothing on a tensor that does not require grad", () => {
    const c = tensor([1, 2]);
    c.sum().backward();
    expect(c.grad).toBeNull();
  });
});

describe("noGrad", () => {
  it("records no graph inside and restores the mode after", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = noGrad(() => {
      expect(isGradEnabled()).toBe(false);
      return x.mul(2).relu().sum();
    });
    expect(isGradEnabled()).toBe(true);
    expect(y.requiresGrad).toBe(false);
    expect(y.isLeaf).toBe(true);
    expect(y.inputs).toEqual([]);
    y.backward();
    expect(x.grad).toBeNull();
    expect(y.item()).toBe(6);
  });
});

describe("anomaly mode", () => {
  it("throws AnomalyError naming the op and the input shapes when a forward result is not finite", () => {
    detectAnomaly(true);
    try {
      const x = tensor([[1, 0]]);
      let caught: unknown;
      try {
        x.log();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(AnomalyError);
      const err = caught as AnomalyError;
      expect(err.op).toBe("log");
      expect(err.inputs).toEqual(["tensor (1,2)"]);
      expect(err.message).toContain(
        "log produced -Infinity (element 1 of a (1,2) result) in the forward pass",
      );
      expect(() => tensor([1]).div(tensor([0]))).toThrow(/div produced Infinity/);
      expect(() => tensor([-1]).sqrt()).toThrow(/sqrt produced NaN/);
    } finally {
      detectAnomaly(false);
    }
  });

  it("throws in the backward pass when a gradient becomes non-finite", () => {
    const x = tensor([0], { requiresGrad: true });
    const y = x.sqrt().sum(); // forward finite (0), d/dx √x = 1/(2·0) = ∞
    detectAnomaly(true);
    try {
      expect(() => y.backward()).toThrow(
        /sqrt produced Infinity .* in the backward pass from inputs \[tensor \(1,\)\]/,
      );
    } finally {
      detectAnomaly(false);
    }
  });

  it("stays silent when off: IEEE-754 results as PyTorch gives them", () => {
    expect(tensor([0, -1]).log().toArray()).toEqual([-Infinity, NaN]);
    expect(tensor([1]).div(0).item()).toBe(Infinity);
  });
});

describe("ops leave their inputs untouched", () => {
  it("no op writes into an input's data", () => {
    const x = tensor([
      [1, -2],
      [3, 4],
    ]);
    const before = [...x.data];
    x.add(1).mul(x).relu().softmax().logSoftmax(0).T.matmul(x).sum();
    x.crossEntropy([0, 1]);
    x.indexSelect(0, [1]);
    expect([...x.data]).toEqual(before);
  });
});
