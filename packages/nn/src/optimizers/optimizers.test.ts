import { Value, sum, tensor } from "@neurogebra/autograd";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSharedFixture } from "@neurogebra/internal/fixtures";

import { Adam, AdamW } from "./adam.js";
import type { Optimizer } from "./optimizer.js";
import type { Parameter } from "./parameter.js";
import { SGD } from "./sgd.js";

interface Trajectory {
  name: string;
  c: number[];
  k: number[];
  w0: number[];
  w_after_each_step: number[][];
}
const { optimizers } = JSON.parse(readSharedFixture("torch-reference.json")) as { optimizers: Trajectory[] };

/** The optimizer settings encoded in each PyTorch trajectory's name. */
const settings: Record<string, (params: Parameter[]) => Optimizer> = {
  "sgd_lr0.05": (ps) => new SGD(ps, { lr: 0.05 }),
  "sgd_lr0.05_momentum0.9": (ps) => new SGD(ps, { lr: 0.05, momentum: 0.9 }),
  "sgd_lr0.05_momentum0.9_nesterov_wd0.01": (ps) =>
    new SGD(ps, { lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01 }),
  "adam_lr0.01": (ps) => new Adam(ps, { lr: 0.01 }),
  "adam_lr0.1_betas0.8_0.99_wd0.1": (ps) => new Adam(ps, { lr: 0.1, betas: [0.8, 0.99], weightDecay: 0.1 }),
  "adamw_lr0.1_wd0.1": (ps) => new AdamW(ps, { lr: 0.1, weightDecay: 0.1 }),
};

function expectClose(actual: number[], expected: number[], tol = 1e-12): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i]!;
    if (Math.abs(a - e) > tol * Math.max(1, Math.abs(e))) expect(actual).toEqual(expected);
  });
}

describe("optimizers reproduce PyTorch's trajectories on sum(k·(w − c)²) to 1e-12", () => {
  it("has a setting for each of the six reference trajectories", () => {
    expect(optimizers.map((t) => t.name).sort()).toEqual(Object.keys(settings).sort());
  });

  for (const t of optimizers) {
    it(`${t.name} over Value parameters`, () => {
      const w = t.w0.map((x) => new Value(x));
      const opt = settings[t.name]!(w);
      for (const expected of t.w_after_each_step) {
        opt.zeroGrad();
        sum(w.map((wi, i) => wi.sub(t.c[i]!).pow(2).mul(t.k[i]!))).backward();
        opt.step();
        expectClose(
          w.map((wi) => wi.data),
          expected,
        );
      }
    });

    it(`${t.name} over a Tensor parameter`, () => {
      const w = tensor(t.w0, [3]);
      w.requiresGrad = true;
      const c = tensor(t.c, [3]);
      const k = tensor(t.k, [3]);
      const opt = settings[t.name]!([w]);
      for (const expected of t.w_after_each_step) {
        opt.zeroGrad();
        w.sub(c).pow(2).mul(k).sum().backward();
        opt.step();
        expectClose(Array.from(w.data), expected);
      }
    });
  }
});

describe("SGD", () => {
  it("with dampening d follows the closed form under a constant gradient g", () => {
    // f(w) = g·w: the buffer is g, then m·b + (1 − d)·g.
    const g = 2;
    const [lr, m, d] = [0.1, 0.9, 0.3];
    const w = new Value(1);
    const opt = new SGD([w], { lr, momentum: m, dampening: d });
    let b = 0;
    let expected = 1;
    for (let step = 0; step < 5; step++) {
      opt.zeroGrad();
      w.mul(g).backward();
      opt.step();
      b = step === 0 ? g : m * b + (1 - d) * g;
      expected -= lr * b;
      expect(w.data).toBeCloseTo(expected, 14);
    }
  });

  it("maximize on f equals minimize on −f", () => {
    const a = new Value(0.5);
    const b = new Value(0.5);
    const up = new SGD([a], { lr: 0.1, momentum: 0.5, maximize: true });
    const down = new SGD([b], { lr: 0.1, momentum: 0.5 });
    for (let i = 0; i < 4; i++) {
      up.zeroGrad();
      a.pow(3).neg().add(a).backward();
      up.step();
      down.zeroGrad();
      b.pow(3).sub(b).backward();
      down.step();
      expect(a.data).toBe(b.data);
    }
  });

  it("skips tensors without a gradient and counts their scalars for the state layout", () => {
    const frozen = tensor([1, 2], [2]);
    frozen.requiresGrad = true;
    const v = new Value(3);
    const opt = new SGD([frozen, v], { lr: 0.5, momentum: 0.9 });
    v.grad = 1;
    opt.step();
    expect(Array.from(frozen.data)).toEqual([1, 2]);
    expect(v.data).toBe(2.5);
  });

  it("refuses a gradient whose length differs from the weights' before moving any weight", () => {
    const a = tensor([1, 2, 3], [3]);
    const b = tensor([4, 5], [2]);
    a.requiresGrad = true;
    b.requiresGrad = true;
    const opt = new SGD([a, b], { lr: 0.1, momentum: 0.9 });
    a.grad = tensor([1, 1, 1], [3]);
    b.grad = tensor([1, 1, 1], [3]); // the loop would silently use its first two numbers
    expect(() => opt.step()).toThrow(/SGD\.step: params\[1\] has 2 weights but its grad has 3 numbers/);
    expect([Array.from(a.data), Array.from(b.data)]).toEqual([
      [1, 2, 3],
      [4, 5],
    ]); // params[0] untouched too
    b.grad = tensor([1, 1], [2]);
    opt.step(); // and the momentum state was not started by the failed step
    expect(Array.from(b.data)).toEqual([4 - 0.1, 5 - 0.1]);
  });

  it("rejects bad hyper-parameters and parameter lists with messages naming them", () => {
    const v = new Value(1);
    expect(() => new SGD([v], { lr: -1 })).toThrow(
      /SGD: expected lr to be a finite number in \[0, Infinity\), got number -1/,
    );
    expect(() => new SGD([v], { lr: NaN })).toThrow(RangeError);
    expect(() => new SGD([v], { lr: 0.1, nesterov: true })).toThrow(
      /nesterov needs momentum > 0 and dampening 0/,
    );
    expect(() => new SGD([], { lr: 0.1 })).toThrow(/SGD: expected at least one parameter/);
    expect(() => new SGD([v, v], { lr: 0.1 })).toThrow(/params\[1\] appears twice/);
    expect(() => new SGD([1 as unknown as Value], { lr: 0.1 })).toThrow(
      /SGD: expected params\[0\] to be a Value or a Tensor, got number 1/,
    );
    const opt = new SGD([v], { lr: 0.1 });
    expect(() => (opt.lr = Infinity)).toThrow(/SGD: expected lr/);
    opt.lr = 0.2;
    expect(opt.lr).toBe(0.2);
  });
});

describe("Adam", () => {
  it("AMSGrad equals Adam while the second moment only grows, and takes smaller steps once it shrinks", () => {
    const [a, b] = [new Value(0), new Value(0)];
    const adam = new Adam([a], { lr: 0.1 });
    const ams = new Adam([b], { lr: 0.1, amsgrad: true });
    const grads = [1, 2, 4, 8, 0.01, 0.01];
    grads.forEach((g, i) => {
      const before = [a.data, b.data];
      a.grad = g;
      b.grad = g;
      adam.step();
      ams.step();
      if (i < 4) expect(b.data).toBe(a.data);
      else expect(Math.abs(b.data - before[1]!)).toBeLessThan(Math.abs(a.data - before[0]!));
    });
  });

  it("AdamW with weightDecay 0 is Adam", () => {
    const [a, b] = [new Value(1), new Value(1)];
    const adam = new Adam([a], { lr: 0.05 });
    const adamw = new AdamW([b], { lr: 0.05, weightDecay: 0 });
    for (let i = 0; i < 5; i++) {
      for (const [p, opt] of [
        [a, adam],
        [b, adamw],
      ] as const) {
        opt.zeroGrad();
        p.sub(3).pow(2).backward();
        opt.step();
      }
      expect(b.data).toBe(a.data);
    }
  });

  it("updates a Tensor exactly like the textbook per-scalar formula, and like the same numbers as Values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 9 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(0, 0.1),
        (w0, decoupled, amsgrad, maximize, weightDecay) => {
          const options = {
            lr: 0.05,
            betas: [0.8, 0.95] as [number, number],
            eps: 1e-6,
            weightDecay,
            amsgrad,
            maximize,
          };
          const make = (ps: Parameter[]) => (decoupled ? new AdamW(ps, options) : new Adam(ps, options));
          const t = tensor(w0, [w0.length]);
          t.requiresGrad = true;
          const values = w0.map((x) => new Value(x));
          const optT = make([t]);
          const optV = make(values);
          // Reference: PyTorch's _single_tensor_adam, one scalar at a time.
          const ref = Float64Array.from(w0);
          const m = new Float64Array(w0.length);
          const v = new Float64Array(w0.length);
          const vMax = new Float64Array(w0.length);
          for (let step = 1; step <= 4; step++) {
            const grads = w0.map((_, i) => Math.sin(step * 1.3 + i) * (1 + i));
            t.grad = tensor(grads, [w0.length]);
            values.forEach((x, i) => (x.grad = grads[i]!));
            optT.step();
            optV.step();
            for (let i = 0; i < w0.length; i++) {
              let w = ref[i]!;
              let g = maximize ? -grads[i]! : grads[i]!;
              if (decoupled) w = w * (1 - 0.05 * weightDecay);
              else if (weightDecay !== 0) g = g + weightDecay * w;
              m[i] = m[i]! * 0.8 + (1 - 0.8) * g;
              v[i] = v[i]! * 0.95 + (1 - 0.95) * g * g;
              const vHat = amsgrad ? (vMax[i] = Math.max(vMax[i]!, v[i]!)) : v[i]!;
              const denom = Math.sqrt(vHat) / Math.sqrt(1 - 0.95 ** step) + 1e-6;
              ref[i] = w + (-(0.05 / (1 - 0.8 ** step)) * m[i]!) / denom;
            }
            expect(Array.from(t.data)).toEqual(Array.from(ref));
            expect(values.map((x) => x.data)).toEqual(Array.from(ref));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("keeps a separate step count per parameter (a parameter without gradient does not advance)", () => {
    const t = tensor([0], [1]);
    t.requiresGrad = true;
    const v = new Value(0);
    const opt = new Adam([t, v], { lr: 0.1 });
    v.grad = 1;
    opt.step(); // t has no gradient yet
    expect(t.data[0]).toBe(0);
    const fresh = new Value(0);
    const reference = new Adam([fresh], { lr: 0.1 });
    t.sum().mul(1).backward();
    fresh.grad = 1;
    opt.step();
    reference.step();
    expect(t.data[0]).toBe(fresh.data); // the tensor's first step, with bias correction for t = 1
  });

  it("rejects bad betas and eps", () => {
    const v = new Value(1);
    expect(() => new Adam([v], { betas: [1, 0.999] })).toThrow(
      /Adam: expected betas\[0\] to be a finite number in \[0, 1\), got number 1/,
    );
    expect(() => new AdamW([v], { eps: -1 })).toThrow(/AdamW: expected eps/);
    expect(() => new Adam([v], { betas: [0.9] as unknown as [number, number] })).toThrow(
      /expected betas to be a pair/,
    );
  });
});

describe("Optimizer.zeroGrad", () => {
  it("zeroes Value gradients and tensor gradients", () => {
    const v = new Value(2);
    const t = tensor([1, 2], [2]);
    t.requiresGrad = true;
    v.mul(v).backward();
    t.mul(t).sum().backward();
    const opt = new SGD([v, t], { lr: 0.1 });
    opt.zeroGrad();
    expect(v.grad).toBe(0);
    expect(t.grad === null || Array.from(t.grad.data).every((g) => g === 0)).toBe(true);
  });
});
