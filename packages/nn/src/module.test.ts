import { readFileSync } from "node:fs";

import { Value, ones, tensor, zeros } from "@neurogebra/autograd";
import type { Tensor } from "@neurogebra/autograd";
import { createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { LeakyReLU, ReLU, Sigmoid, Tanh } from "./activations.js";
import { BatchNorm1d } from "./batch-norm.js";
import { countParameters } from "./count-parameters.js";
import { Dropout } from "./dropout.js";
import { Linear } from "./linear.js";
import { Module } from "./module.js";
import { NeuralNetwork } from "./neural-network.js";
import { Sequential } from "./sequential.js";
import { StateDictError, load, save } from "./state-dict.js";

function spiralNet(seed: number): Sequential {
  const rng = createRng(seed);
  return new Sequential(
    new Linear(2, 16, { rng }),
    new ReLU(),
    new Linear(16, 16, { rng }),
    new ReLU(),
    new Linear(16, 3, { rng }),
  );
}

class SpiralNet extends Module {
  readonly network: Sequential;
  constructor(seed: number) {
    super();
    this.network = this.registerModule("network", spiralNet(seed));
  }
  forward(x: Tensor): Tensor {
    return this.network.forward(x);
  }
}

describe("Linear", () => {
  it("has PyTorch's shapes and draws weight then bias from U(−1/√in, 1/√in) in row-major order", () => {
    const rng = createRng(5);
    const layer = new Linear(4, 3, { rng: createRng(5) });
    expect(layer.weight.shape).toEqual([3, 4]);
    expect(layer.bias!.shape).toEqual([3]);
    const bound = 1 / Math.sqrt(4);
    const draws = Array.from({ length: 15 }, () => -bound + (bound - -bound) * rng.random());
    expect([...layer.weight.data, ...layer.bias!.data]).toEqual(draws);
    expect(layer.parameters().every((p) => p.requiresGrad)).toBe(true);
    expect(String(layer)).toBe("Linear(in_features=4, out_features=3, bias=True)");
  });

  it("computes x·Wᵀ + b, matching the torch-reference mlp's first layer", () => {
    const layer = new Linear(2, 3, { rng: createRng(0) });
    const W = [
      [0.5, -0.3],
      [0.8, 0.2],
      [-0.6, 0.9],
    ];
    const b = [0.1, -0.2, 0.05];
    layer.weight.data.set(W.flat());
    layer.bias!.data.set(b);
    const x = [
      [1, 2],
      [-0.5, 0.3],
    ];
    const y = layer.forward(tensor(x)).toArray() as number[][];
    x.forEach((row, r) =>
      W.forEach((w, o) => expect(y[r]![o]).toBeCloseTo(w[0]! * row[0]! + w[1]! * row[1]! + b[o]!, 15)),
    );
  });

  it("can be built without a bias", () => {
    const layer = new Linear(2, 3, { rng: createRng(0), bias: false });
    expect(layer.bias).toBeNull();
    expect(layer.namedParameters().map(([n]) => n)).toEqual(["weight"]);
    expect(layer.forward(tensor([[1, 1]])).shape).toEqual([1, 3]);
  });

  it("rejects bad sizes and an rng that is not one", () => {
    expect(() => new Linear(0, 3, { rng: createRng(0) })).toThrow(
      /Linear: expected inFeatures to be a positive integer, got number 0/,
    );
    expect(() => new Linear(2, 3, { rng: 42 as never })).toThrow(
      /^Linear: expected options.rng to be an Rng with uniform\(\) \(e.g. createRng\(42\)\), got number 42$/,
    );
  });

  it("names itself when the weight would be too large for a tensor, before drawing anything", () => {
    const rng = createRng(0);
    const before = rng.uniform(0, 1);
    const replay = createRng(0);
    expect(() => new Linear(1e6, 1e6, { rng: replay })).toThrow(
      /^Linear: a weight of 1000000 × 1000000 holds 1000000000000 elements; a tensor holds at most 2147483647 \(2\^31 − 1\)$/,
    );
    expect(() => new Linear(65536, 32768)).toThrow(RangeError);
    expect(replay.uniform(0, 1)).toBe(before); // the generator was not advanced
    expect(new Linear(46340, 1, { rng: createRng(0) }).weight.shape).toEqual([1, 46340]);
  });
});

describe("activation modules", () => {
  it("apply relu, tanh and sigmoid elementwise", () => {
    const x = tensor([-2, 0, 0.5]);
    expect(new ReLU().forward(x).toArray()).toEqual([0, 0, 0.5]);
    expect(new Tanh().forward(x).toArray()).toEqual([-2, 0, 0.5].map(Math.tanh));
    (new Sigmoid().forward(x).toArray() as number[]).forEach((v, i) =>
      expect(v).toBeCloseTo(1 / (1 + Math.exp(-[-2, 0, 0.5][i]!)), 15),
    );
    expect(new ReLU().parameters()).toEqual([]);
  });
});

describe("Sequential and Module", () => {
  it("has the tutorial's 371 parameters named like PyTorch", () => {
    const model = spiralNet(0);
    expect(countParameters(model.parameters())).toBe(371);
    expect(countParameters(new NeuralNetwork([2, 16, 16, 3], { rng: createRng(0) }).parameters())).toBe(371);
    expect(model.namedParameters().map(([name, p]) => `${name} ${p.shape.join("x")}`)).toEqual([
      "0.weight 16x2",
      "0.bias 16",
      "2.weight 16x16",
      "2.bias 16",
      "4.weight 3x16",
      "4.bias 3",
    ]);
    expect(new SpiralNet(0).namedParameters()[5]![0]).toBe("network.4.bias");
    expect([model.length, model.at(-1)]).toEqual([5, model.namedChildren()[4]![1]]);
    expect(() => model.at(5)).toThrow(/Sequential.at: expected an integer index in \[-5, 4\], got number 5/);
  });

  it("chains forward through its layers", () => {
    const model = spiralNet(1);
    const x = tensor([
      [0.5, -0.2],
      [0.1, 0.9],
    ]);
    let h = x;
    for (const [, layer] of model.namedChildren()) h = layer.forward(h);
    expect(model.forward(x).toArray()).toEqual(h.toArray());
  });

  it("switches train/eval mode on every descendant and zeroes all gradients", () => {
    const model = new SpiralNet(2);
    model.eval();
    expect(model.modules().every((m) => !m.training)).toBe(true);
    model.train();
    expect(model.modules().every((m) => m.training)).toBe(true);
    model
      .forward(tensor([[0.3, 0.4]]))
      .sum()
      .backward();
    expect(model.parameters().some((p) => p.grad!.data.some((g) => g !== 0))).toBe(true);
    model.zeroGrad();
    expect(model.parameters().every((p) => p.grad === null || p.grad.data.every((g) => g === 0))).toBe(true);
  });

  it("refuses duplicate and dotted names", () => {
    class Bad extends Module {
      constructor(name: string) {
        super();
        this.registerModule("a", new ReLU());
        this.registerModule(name, new ReLU());
      }
      forward(x: Tensor): Tensor {
        return x;
      }
    }
    expect(() => new Bad("a")).toThrow(/Bad: the name "a" is already registered/);
    expect(() => new Bad("b.c")).toThrow(/Bad: expected a non-empty name without "."/);
    expect(() => new Sequential(new ReLU(), {} as Module)).toThrow(
      /Sequential: expected layers\[1\] to be a Module/,
    );
  });

  it("countParameters rejects non-parameters", () => {
    expect(countParameters([new Value(1), tensor([1, 2, 3])])).toBe(4);
    expect(() => countParameters([1 as unknown as Value])).toThrow(/countParameters: expected params\[0\]/);
  });
});

describe("Module state dict", () => {
  it("round-trips through save/load and reproduces the outputs", () => {
    const a = spiralNet(3);
    const b = spiralNet(4);
    const x = tensor([[0.2, -0.7]]);
    expect(b.forward(x).toArray()).not.toEqual(a.forward(x).toArray());
    load(b, save(a));
    expect(b.forward(x).toArray()).toEqual(a.forward(x).toArray());
    expect(a.stateDict()["2.weight"]!.shape).toEqual([16, 16]);
  });

  it("lists all problems and leaves the module untouched when the dict does not fit", () => {
    const model = spiralNet(5);
    const before = model.stateDict();
    const other = new NeuralNetwork([2, 16, 16, 3], { rng: createRng(0) }).stateDict();
    let error: StateDictError | undefined;
    try {
      model.loadStateDict(other);
    } catch (e) {
      error = e as StateDictError;
    }
    expect(error).toBeInstanceOf(StateDictError);
    expect(error!.problems).toHaveLength(12); // 6 missing keys, 6 unexpected keys
    expect(error!.message).toMatch(/^Sequential.loadStateDict: /);
    expect(model.stateDict()).toEqual(before);
  });

  it("interoperates with the from-scratch network when the keys are renamed", () => {
    const net = new NeuralNetwork([2, 16, 16, 3], { rng: createRng(6) });
    const model = spiralNet(7);
    const renamed = Object.fromEntries(
      Object.entries(net.stateDict()).map(([k, v]) => [
        k.replace(/^layers\.(\d)/, (_, i: string) => String(2 * Number(i))),
        v,
      ]),
    );
    model.loadStateDict(renamed);
    const point = [0.4, -0.1];
    const scores = net.forward(point).map((s) => s.data);
    const out = model.forward(tensor([point])).toArray() as number[][];
    out[0]!.forEach((v, i) => expect(v).toBeCloseTo(scores[i]!, 13));
  });
});

describe("LeakyReLU", () => {
  it("is x for x > 0 and negativeSlope·x otherwise, with PyTorch's repr, and checks its slope", () => {
    expect(new LeakyReLU(0.1).forward(tensor([-2, 0, 3])).toArray()).toEqual([-0.2, 0, 3]);
    expect(new LeakyReLU().forward(tensor([-1])).toArray()).toEqual([-0.01]);
    expect(String(new LeakyReLU(0.2))).toBe("LeakyReLU(negative_slope=0.2)");
    expect(() => new LeakyReLU(NaN)).toThrow(
      /LeakyReLU: expected negativeSlope to be a finite number, got number NaN/,
    );
  });
});

describe("Module buffers, train() and eval()", () => {
  const torch = JSON.parse(
    readFileSync(new URL("../test/fixtures/torch-modules.json", import.meta.url), "utf8"),
  ) as { sequential_state_keys: string[]; sequential_repr: string };

  it("prints and names a model with BatchNorm1d and Dropout exactly as PyTorch does", () => {
    const rng = createRng(0);
    const model = new Sequential(
      new Linear(2, 3, { rng }),
      new BatchNorm1d(3),
      new ReLU(),
      new Dropout(0.2),
      new Linear(3, 2, { rng }),
    );
    expect(String(model)).toBe(torch.sequential_repr);
    expect(Object.keys(model.stateDict())).toEqual(torch.sequential_state_keys);
  });

  it("train(false) / eval() reach every descendant; Dropout and BatchNorm1d follow them", () => {
    const rng = createRng(0);
    const inner = new Sequential(new Dropout(0.5, { rng }), new BatchNorm1d(2));
    const model = new Sequential(new Linear(2, 2, { rng }), inner);
    expect(model.eval()).toBe(model);
    expect(model.modules().every((m) => !m.training)).toBe(true);
    const x = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(model.forward(x).toArray()).toEqual(model.forward(x).toArray()); // deterministic in eval
    model.train();
    expect(model.modules().every((m) => m.training)).toBe(true);
    expect(() => model.train("no" as unknown as boolean)).toThrow(
      /Sequential.train: expected mode to be a boolean, got the string "no"/,
    );
  });

  it("registerBuffer keeps non-learned state out of parameters() and in stateDict()", () => {
    class Counter extends Module {
      readonly count = this.registerBuffer("count", zeros([1]));
      readonly scale = this.registerParameter("scale", ones([1]));
      forward(x: Tensor): Tensor {
        this.count.data[0]! += 1;
        return x.mul(this.scale);
      }
    }
    const c = new Counter();
    c.forward(tensor([1]));
    expect(c.parameters()).toEqual([c.scale]);
    expect(c.buffers()).toEqual([c.count]);
    expect(c.count.requiresGrad).toBe(false);
    expect(c.stateDict()).toEqual({ scale: { shape: [1], data: [1] }, count: { shape: [1], data: [1] } });
    expect(() =>
      (c as unknown as { registerBuffer(n: string, t: unknown): void }).registerBuffer("count", zeros([1])),
    ).toThrow(/the name "count" is already registered/);
    expect(() =>
      (c as unknown as { registerBuffer(n: string, t: unknown): void }).registerBuffer("b", [1]),
    ).toThrow(/Counter.registerBuffer: expected "b" to be a Tensor, got an array \[1\]/);
  });
});
