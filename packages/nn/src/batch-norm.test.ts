import { Tensor, tensor } from "@neurogebra/autograd";
import { createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../test/fixtures/load.js";
import { maxRelativeError, numericGradient } from "../test/finite-differences.js";
import { BatchNorm1d } from "./batch-norm.js";
import type { BatchNorm1dOptions } from "./batch-norm.js";
import { Linear } from "./linear.js";
import { ReLU } from "./activations.js";
import { Sequential } from "./sequential.js";
import { StateDictError } from "./state-dict.js";

interface Step {
  x: number[];
  g: number[];
  out: number[];
  grad_x: number[];
  grad_weight: number[] | null;
  grad_bias: number[] | null;
  state: Record<string, { shape: number[]; data: number[] }>;
}
interface Case {
  name: string;
  shape: number[];
  options: { momentum?: number | null; eps?: number; affine?: boolean; track_running_stats?: boolean };
  repr: string;
  initial_weight: number[];
  initial_bias: number[];
  train: Step[];
  eval: { x: number[]; out: number[] };
  state_keys: string[];
}
const fixture = loadFixture<{ batchnorm: Case[]; sequential_state_keys: string[]; sequential_repr: string }>(
  "torch-modules.json",
);

/** Our options for a fixture case (PyTorch's snake_case keys, `null` momentum kept). */
function options(c: Case): BatchNorm1dOptions {
  const o: BatchNorm1dOptions = {};
  if ("momentum" in c.options) o.momentum = c.options.momentum ?? null;
  if (c.options.eps !== undefined) o.eps = c.options.eps;
  if (c.options.affine !== undefined) o.affine = c.options.affine;
  if (c.options.track_running_stats !== undefined) o.trackRunningStats = c.options.track_running_stats;
  return o;
}

function build(c: Case): BatchNorm1d {
  const bn = new BatchNorm1d(c.shape[1]!, options(c));
  bn.weight?.data.set(c.initial_weight);
  bn.bias?.data.set(c.initial_bias);
  return bn;
}

// Sums are taken in a different order than PyTorch's vectorised CPU kernels, so results agree to a few
// ulps rather than bit for bit: 1e-13 relative to max(1, |value|) is ~500 ulps of headroom.
const TOL = 1e-13;

describe.each(fixture.batchnorm)("BatchNorm1d against PyTorch: $name", (c) => {
  it("has PyTorch's representation and state-dict keys", () => {
    const bn = build(c);
    expect(String(bn)).toBe(c.repr);
    expect(Object.keys(bn.stateDict())).toEqual(c.state_keys.length > 0 ? c.state_keys : []);
  });

  it("matches outputs, gradients and running statistics over three training batches, then eval", () => {
    const bn = build(c);
    for (const step of c.train) {
      const x = new Tensor(Float64Array.from(step.x), c.shape, { requiresGrad: true });
      bn.zeroGrad();
      const y = bn.forward(x);
      y.mul(new Tensor(Float64Array.from(step.g), c.shape))
        .sum()
        .backward();
      expect(maxRelativeError(y.data, step.out)).toBeLessThan(TOL);
      expect(maxRelativeError(x.grad!.data, step.grad_x)).toBeLessThan(TOL);
      if (step.grad_weight !== null) {
        expect(maxRelativeError(bn.weight!.grad!.data, step.grad_weight)).toBeLessThan(TOL);
        expect(maxRelativeError(bn.bias!.grad!.data, step.grad_bias!)).toBeLessThan(TOL);
      }
      const ours = bn.stateDict();
      expect(Object.keys(ours)).toEqual(Object.keys(step.state));
      for (const [key, entry] of Object.entries(step.state)) {
        expect(ours[key]!.shape).toEqual(entry.shape);
        expect(maxRelativeError(ours[key]!.data, entry.data)).toBeLessThan(TOL);
      }
    }
    bn.eval();
    const y = bn.forward(new Tensor(Float64Array.from(c.eval.x), c.shape));
    expect(maxRelativeError(y.data, c.eval.out)).toBeLessThan(TOL);
  });

  it("has gradients equal to central finite differences (training mode, batch statistics)", () => {
    const bn = build(c);
    const step = c.train[0]!;
    const x = new Tensor(Float64Array.from(step.x), c.shape, { requiresGrad: true });
    const g = new Tensor(Float64Array.from(step.g), c.shape);
    bn.forward(x).mul(g).sum().backward();
    const loss = (): number => bn.forward(x).mul(g).sum().item();
    expect(maxRelativeError(x.grad!.data, numericGradient(loss, x.data))).toBeLessThan(1e-7);
    if (bn.weight !== null) {
      expect(maxRelativeError(bn.weight.grad!.data, numericGradient(loss, bn.weight.data))).toBeLessThan(
        1e-7,
      );
      expect(maxRelativeError(bn.bias!.grad!.data, numericGradient(loss, bn.bias!.data))).toBeLessThan(1e-7);
    }
  });
});

describe("BatchNorm1d in a model", () => {
  it("puts its parameters and buffers in the state dict in PyTorch's order, under PyTorch's names", () => {
    const rng = createRng(0);
    const model = new Sequential(
      new Linear(2, 3, { rng }),
      new BatchNorm1d(3),
      new ReLU(),
      new Linear(3, 2, { rng }),
    );
    expect(Object.keys(model.stateDict())).toEqual(
      fixture.sequential_state_keys.map((k) => k.replace(/^4\./, "3.")),
    );
    expect(model.parameters()).toHaveLength(6); // buffers are not parameters
    expect(model.namedBuffers().map(([n]) => n)).toEqual([
      "1.running_mean",
      "1.running_var",
      "1.num_batches_tracked",
    ]);
  });

  it("round-trips its running statistics through stateDict / loadStateDict, all or nothing", () => {
    const a = new BatchNorm1d(2);
    a.forward(
      tensor([
        [1, 2],
        [3, 5],
        [0, -1],
      ]),
    );
    const copy = new BatchNorm1d(2);
    copy.loadStateDict(JSON.parse(JSON.stringify(a.stateDict())));
    expect(copy.stateDict()).toEqual(a.stateDict());
    expect(copy.numBatchesTracked!.item()).toBe(1);
    const bad = { ...a.stateDict(), running_var: { shape: [3], data: [1, 1, 1] } };
    expect(() => copy.loadStateDict(bad)).toThrow(StateDictError);
  });

  it("uses batch statistics in eval when it tracks none, and the running ones otherwise", () => {
    const x = tensor([
      [1, 2],
      [3, 6],
    ]);
    const plain = new BatchNorm1d(2, { trackRunningStats: false, affine: false }).eval();
    expect(plain.forward(x).toArray()).toEqual(
      new BatchNorm1d(2, { trackRunningStats: false, affine: false }).forward(x).toArray(),
    );
    const fresh = new BatchNorm1d(2).eval(); // running mean 0, variance 1: y = x / √(1 + eps)
    expect(fresh.forward(x).data[3]).toBe(6 / Math.sqrt(1 + 1e-5));
  });

  it("rejects a batch of one in training, wrong shapes and bad options, naming them", () => {
    const bn = new BatchNorm1d(3);
    expect(() => bn.forward(tensor([[1, 2, 3]]))).toThrow(
      new RangeError(
        "BatchNorm1d.forward: expected more than 1 value per feature when training, got shape (1, 3)",
      ),
    );
    expect(bn.numBatchesTracked!.item()).toBe(0); // nothing was counted
    expect(bn.eval().forward(tensor([[1, 2, 3]])).shape).toEqual([1, 3]);
    expect(() => bn.forward(tensor([[1, 2]]))).toThrow(
      /expected x of shape \(N, 3\) or \(N, 3, L\), got shape \(1, 2\)/,
    );
    expect(() => new BatchNorm1d(0)).toThrow(/expected numFeatures to be a positive integer, got number 0/);
    expect(() => new BatchNorm1d(2, { momentum: 2 })).toThrow(
      /momentum to be a number in \[0, 1\] or null, got number 2/,
    );
    expect(() => new BatchNorm1d(2, { eps: "1e-5" as never })).toThrow(/got the string "1e-5"/);
    expect(() => new BatchNorm1d(2, { affine: 1 as never })).toThrow(
      /expected affine to be a boolean, got number 1/,
    );
  });
});
