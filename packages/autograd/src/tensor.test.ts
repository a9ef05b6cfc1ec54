import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { AnomalyError, detectAnomaly, isGradEnabled, noGrad } from "./grad-mode.js";
import { Tensor } from "./tensor.js";
import { arange, ones, tensor, zeros } from "./tensor-factories.js";

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

describe("forward values", () => {
  it("broadcasts like NumPy (checked against explicit loops)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (p, q, r) => {
          const a = arange(p * q * r).reshape([p, q, r]);
          const b = arange(q).mul(10).reshape([q, 1]);
          const out = a.add(b);
          expect(out.shape).toEqual([p, q, r]);
          for (let i = 0; i < p; i++)
            for (let j = 0; j < q; j++)
              for (let k = 0; k < r; k++) {
                expect(out.data[(i * q + j) * r + k]).toBe(a.data[(i * q + j) * r + k]! + 10 * j);
              }
        },
      ),
      { numRuns: 30 },
    );
  });

  it("computes elementwise ops from their definitions", () => {
    const x = tensor([-2, -0.5, 0, 0.5, 3]);
    expect(x.neg().toArray()).toEqual([2, 0.5, -0, -0.5, -3]);
    expect(x.abs().toArray()).toEqual([2, 0.5, 0, 0.5, 3]);
    expect(x.relu().toArray()).toEqual([0, 0, 0, 0.5, 3]);
    expect(x.leakyRelu(0.1).toArray()).toEqual([-0.2, -0.05, 0, 0.5, 3]);
    expect(x.exp().toArray()).toEqual([...x.data].map(Math.exp));
    expect(x.tanh().toArray()).toEqual([...x.data].map(Math.tanh));
    expect(x.pow(2).toArray()).toEqual([4, 0.25, 0, 0.25, 9]);
    const sig = x.sigmoid().data;
    x.data.forEach((v, i) => expect(sig[i]).toBeCloseTo(1 / (1 + Math.exp(-v)), 15));
    const sp = x.softplus().data;
    x.data.forEach((v, i) => expect(sp[i]).toBeCloseTo(Math.log(1 + Math.exp(v)), 15));
  });

  it("relu is exact at the extremes of float64 (its branch-free formula has a guard there)", () => {
    const x = tensor([-Infinity, -1e308, -5e-324, 5e-324, 1e308, Number.MAX_VALUE, Infinity, NaN]);
    expect(x.relu().toArray()).toEqual([0, 0, 0, 5e-324, 1e308, Number.MAX_VALUE, Infinity, NaN]);
  });

  it("keeps sigmoid and softplus finite and exact for large |x|", () => {
    expect(tensor([-1000, 1000]).sigmoid().toArray()).toEqual([0, 1]);
    expect(tensor([-1000, 1000]).softplus().toArray()).toEqual([0, 1000]);
  });

  it("maximum and minimum propagate NaN", () => {
    expect(
      tensor([1, NaN, 3])
        .maximum(tensor([2, 0, NaN]))
        .toArray(),
    ).toEqual([2, NaN, NaN]);
    expect(tensor([1, NaN]).minimum(0).toArray()).toEqual([0, NaN]);
  });

  it("splits the gradient of maximum in half on ties, as PyTorch", () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const b = tensor([1, 1], { requiresGrad: true });
    a.maximum(b).sum().backward();
    expect(grad(a)).toEqual([0.5, 1]);
    expect(grad(b)).toEqual([0.5, 0]);
    const inf = tensor([Infinity, -Infinity], { requiresGrad: true });
    inf
      .minimum(tensor([Infinity, 0]))
      .sum()
      .backward();
    expect(grad(inf)).toEqual([0.5, 1]);
  });

  it("relu is max(0, x) with +0 for negatives and NaN kept, on random mixes of ordinary and extreme values", () => {
    const extreme = fc.constantFrom(-Infinity, Infinity, NaN, -0, 0, 5e-324, -5e-324, 1e308, -1e308, 9e307);
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 9, arbitrary: fc.double({ min: -5, max: 5 }) }, extreme)),
        (xs) => {
          const expected = xs.map((v) => (Number.isNaN(v) ? NaN : v > 0 ? v : 0));
          const got = Array.from(tensor(xs).relu().data);
          expect(got.every((g, i) => Object.is(g, expected[i]))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("relu's backward selects like PyTorch's threshold_backward: NaN or ∞ upstream stays out of dead units", () => {
    // torch.relu(tensor([-1., 0., 2.])).backward(tensor([nan, inf, nan])) gives grad [0, 0, nan]
    const x = tensor([-1, 0, 2], { requiresGrad: true });
    x.relu().backward(tensor([NaN, Infinity, NaN]));
    expect(Array.from(x.grad!.data)).toEqual([0, 0, NaN]);
  });

  it("relu's backward keeps those semantics in every position of its four-entry blocks", () => {
    // 11 entries: two full blocks of four and a tail of three; one non-finite g per block and in the tail
    const xs = [-1, 2, 0, 3, 4, -5, 6, -7, -8, 9, -1];
    const gs = [NaN, 1, 2, 3, 4, Infinity, 6, 7, 8, 9, -Infinity];
    const x = tensor(xs, { requiresGrad: true });
    x.relu().backward(tensor(gs));
    const expected = xs.map((v, i) => (v > 0 ? gs[i]! : 0));
    expect(Array.from(x.grad!.data)).toEqual(expected);
  });

  it("uses PyTorch's conventions at kinks: relu'(0) = 0, |x|'(0) = 0, pow(0, 0)' = 0", () => {
    const x = tensor([0], { requiresGrad: true });
    x.relu().sum().backward();
    expect(grad(x)).toEqual([0]);
    x.grad = null;
    x.abs().sum().backward();
    expect(grad(x)).toEqual([0]);
    x.grad = null;
    x.pow(0).sum().backward();
    expect(grad(x)).toEqual([0]);
    const k = tensor([2], { requiresGrad: true });
    x.grad = null;
    x.pow(k).sum().backward(); // d/dk 0^k = 0^k·ln 0 → 0 for k ≥ 0
    expect(grad(k)).toEqual([0]);
  });

  it("comparisons give 0/1 tensors without a graph", () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    expect(x.gt(2).toArray()).toEqual([0, 0, 1]);
    expect(x.lt(2).toArray()).toEqual([1, 0, 0]);
    expect(x.ge(2).toArray()).toEqual([0, 1, 1]);
    expect(x.le(2).toArray()).toEqual([1, 1, 0]);
    expect(x.eq(2).toArray()).toEqual([0, 1, 0]);
    expect(x.gt(2).requiresGrad).toBe(false);
  });

  it("reduces over axes with and without keepdims", () => {
    const x = arange(24).reshape([2, 3, 4]);
    expect(x.sum().item()).toBe(276);
    expect(x.sum(undefined, true).shape).toEqual([1, 1, 1]);
    expect(x.sum(0).toArray()).toEqual([
      [12, 14, 16, 18],
      [20, 22, 24, 26],
      [28, 30, 32, 34],
    ]);
    expect(x.sum(-1).toArray()).toEqual([
      [6, 22, 38],
      [54, 70, 86],
    ]);
    expect(x.sum(1, true).shape).toEqual([2, 1, 4]);
    expect(x.sum([0, 2]).toArray()).toEqual([60, 92, 124]);
    expect(x.sum([0, 2], true).shape).toEqual([1, 3, 1]);
    expect(x.mean().item()).toBe(11.5);
    expect(x.mean([1, 2]).toArray()).toEqual([5.5, 17.5]);
    expect(x.max(1).toArray()).toEqual([
      [8, 9, 10, 11],
      [20, 21, 22, 23],
    ]);
    expect(x.min(2, true).toArray()).toEqual([
      [[0], [4], [8]],
      [[12], [16], [20]],
    ]);
    expect(x.max().item()).toBe(23);
  });

  it("argmax returns the first maximum's index as an Int32Array", () => {
    const x = tensor([
      [1, 5, 5],
      [7, 0, 1],
    ]);
    expect(x.argmax(1)).toEqual(Int32Array.from([1, 0]));
    expect(x.argmax(0)).toEqual(Int32Array.from([1, 0, 0]));
    expect(x.argmax()).toEqual(Int32Array.from([3]));
  });

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

  it("matmul follows PyTorch's shape rules", () => {
    expect(zeros([2, 3]).matmul(zeros([3, 4])).shape).toEqual([2, 4]);
    expect(zeros([5, 2, 3]).matmul(zeros([3, 4])).shape).toEqual([5, 2, 4]);
    expect(zeros([1, 2, 3]).matmul(zeros([6, 3, 4])).shape).toEqual([6, 2, 4]);
    expect(zeros([3]).matmul(zeros([3, 4])).shape).toEqual([4]);
    expect(zeros([2, 3]).matmul(zeros([3])).shape).toEqual([2]);
    expect(zeros([3]).matmul(zeros([3])).shape).toEqual([]);
    expect(
      tensor([1, 2, 3])
        .matmul(tensor([4, 5, 6]))
        .item(),
    ).toBe(32);
  });

  it("transpose, permute, reshape and friends move the right elements", () => {
    const x = arange(6).reshape([2, 3]);
    expect(x.T.toArray()).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    expect(x.transpose(0, 1).toArray()).toEqual(x.T.toArray());
    const y = arange(24).reshape([2, 3, 4]);
    const p = y.permute([2, 0, 1]);
    expect(p.shape).toEqual([4, 2, 3]);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++)
        for (let k = 0; k < 4; k++) expect(p.data[(k * 2 + i) * 3 + j]).toBe(y.data[(i * 3 + j) * 4 + k]);
    expect(x.reshape([3, -1]).shape).toEqual([3, 2]);
    expect(x.reshape([6]).data).toBe(x.data);
    expect(x.flatten().shape).toEqual([6]);
    expect(x.unsqueeze(-1).shape).toEqual([2, 3, 1]);
    expect(zeros([1, 3, 1]).squeeze().shape).toEqual([3]);
    expect(zeros([2, 3]).squeeze(0).shape).toEqual([2, 3]);
    expect(tensor([1, 2]).broadcastTo([2, 2]).toArray()).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });

  it("gather picks one element per row; indexSelect picks whole slices", () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(x.gather(1, [2, 0]).toArray()).toEqual([3, 4]);
    expect(x.gather(0, Int32Array.from([1, 0, 1])).toArray()).toEqual([4, 2, 6]);
    expect(x.indexSelect(0, [1, 1, 0]).toArray()).toEqual([
      [4, 5, 6],
      [4, 5, 6],
      [1, 2, 3],
    ]);
    expect(x.indexSelect(1, Int32Array.from([2])).toArray()).toEqual([[3], [6]]);
  });

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

  it("linear equals matmul with the transposed weight plus bias, bit for bit", () => {
    const x = arange(6).reshape([2, 3]).mul(0.1);
    const W = arange(12).reshape([4, 3]).sub(5).mul(0.3);
    const b = tensor([0.1, 0.2, 0.3, 0.4]);
    expect(x.linear(W, b).toArray()).toEqual(x.matmul(W.T).add(b).toArray());
    expect(x.linear(W).toArray()).toEqual(x.matmul(W.T).toArray());
  });
});

describe("errors name the op, the argument and both shapes", () => {
  it("matmul", () => {
    expect(() => zeros([16, 2]).matmul(zeros([3, 16]))).toThrow(
      new RangeError("matmul: (16,2) @ (3,16) — inner dims 2 and 3 differ"),
    );
    expect(() => zeros([3]).matmul(zeros([4]))).toThrow(
      /matmul: \(3,\) @ \(4,\) — inner dims 3 and 4 differ/,
    );
    expect(() => zeros([]).matmul(zeros([3]))).toThrow(/at least 1 dimension/);
    expect(() => zeros([2, 2, 3]).matmul(zeros([3, 3, 1]))).toThrow(
      /matmul: shapes \(2,\) and \(3,\) do not broadcast/,
    );
    expect(() => zeros([2, 2]).matmul(2 as unknown as Tensor)).toThrow(
      new TypeError("matmul: expected other to be a Tensor, got number 2"),
    );
  });

  it("broadcasting", () => {
    expect(() => zeros([2, 3]).add(zeros([4]))).toThrow(
      new RangeError("add: shapes (2,3) and (4,) do not broadcast — dimension -1 has sizes 3 and 4"),
    );
    expect(() => zeros([3]).mul("2" as unknown as number)).toThrow(
      new TypeError('mul: expected other to be a Tensor or a number, got the string "2"'),
    );
    expect(() => zeros([3]).broadcastTo([1])).toThrow(RangeError);
    expect(() => zeros([3, 1]).broadcastTo([3])).toThrow(/cannot be broadcast to \(3,\)/);
  });

  it("axes", () => {
    expect(() => zeros([2, 3]).sum(2)).toThrow(
      new RangeError("sum: axis 2 is out of range for a tensor with 2 dimensions (expected -2 … 1)"),
    );
    expect(() => zeros([2, 3]).softmax(-3)).toThrow(/softmax: axis -3 is out of range/);
    expect(() => zeros([2, 3]).max(0.5)).toThrow(
      new TypeError("max: expected axis to be an integer, got number 0.5"),
    );
    expect(() => zeros([2, 3]).sum([0, 0])).toThrow(/repeat an axis/);
    expect(() => zeros([2, 3]).permute([0])).toThrow(/permute: expected 2 dims/);
    expect(() => zeros([0]).max()).toThrow(/cannot reduce an empty tensor/);
  });

  it("indices: dtype, integrality, range and count", () => {
    const x = zeros([2, 3]);
    expect(() => x.gather(1, new Float64Array([0, 1]) as unknown as Int32Array)).toThrow(
      new TypeError("gather: expected indices to be an Int32Array or number[], got a Float64Array"),
    );
    expect(() => x.gather(1, [0, 1.5])).toThrow(
      new TypeError(
        "gather: expected indices to be integers (Int32Array or number[]), got number 1.5 at position 1",
      ),
    );
    expect(() => x.gather(1, tensor([0, 1]) as unknown as number[])).toThrow(TypeError);
    expect(() => x.gather(1, [0, 3])).toThrow(
      new RangeError("gather: index 3 at position 1 is out of range [0, 3)"),
    );
    expect(() => x.gather(1, [0])).toThrow(/gather: expected 2 indices/);
    expect(() => x.indexSelect(0, [-1])).toThrow(/out of range/);
    expect(() => x.crossEntropy([0, 1, 2])).toThrow(/crossEntropy: 2 rows of logits but 3 targets/);
    expect(() => zeros([3]).crossEntropy([0])).toThrow(/expected logits of shape \(batch, classes\)/);
    expect(() => x.crossEntropy([0, 1], "avg" as "mean")).toThrow(TypeError);
  });

  it("reshape and linear", () => {
    expect(() => zeros([2, 3]).reshape([4, 2])).toThrow(
      new RangeError("reshape: cannot view shape (2,3) (6 elements) as (4,2) (8 elements)"),
    );
    expect(() => zeros([2, 3]).reshape([4, -1])).toThrow(/cannot infer/);
    expect(() => zeros([5, 2]).linear(zeros([3, 4]))).toThrow(
      /linear: input \(5,2\) and weight \(3,4\) — expected weight of shape \(out, 2\)/,
    );
    expect(() => zeros([5, 2]).linear(zeros([3, 2]), zeros([4]))).toThrow(
      /bias \(4,\) does not match weight \(3,2\)/,
    );
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
