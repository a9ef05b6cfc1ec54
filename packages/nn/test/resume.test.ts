/**
 * Acceptance (issue 18): resuming is exact. Train 10 steps, save model + optimizer with
 * `saveCheckpoint` (a JSON string), build fresh objects from another seed, `loadCheckpoint`, train 10
 * more: the weights equal 20 uninterrupted steps bit for bit — for SGD (momentum, Nesterov, weight
 * decay), Adam (fused kernel and JavaScript loop, with and without AMSGrad) and AdamW, on the `Tensor`
 * model and on the from-scratch `Value` network.
 */
import { sum, tensor } from "@neurogebra/autograd";
import type { Tensor, Value } from "@neurogebra/autograd";
import { PythonRandom, createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import {
  Adam,
  AdamW,
  Linear,
  NeuralNetwork,
  ReLU,
  SGD,
  Sequential,
  Tanh,
  loadCheckpoint,
  saveCheckpoint,
} from "../src/index.js";
import type { Optimizer, Parameter, StateDict } from "../src/index.js";

/** 24 points of two features with labels 0–2, and a fixed batch order: step t uses batch t mod 3. */
const rngData = createRng(7);
const X = Array.from({ length: 24 }, () => [rngData.uniform(-1, 1), rngData.uniform(-1, 1)]);
const y = X.map(([a, b]) => (a! + b! > 0.4 ? 0 : a! > b! ? 1 : 2));
const batch = (t: number) => [0, 1, 2, 3, 4, 5, 6, 7].map((k) => (t % 3) * 8 + k);

const optimizers: Record<string, (ps: Parameter[]) => Optimizer> = {
  "SGD momentum + Nesterov + weight decay": (ps) =>
    new SGD(ps, { lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01 }),
  "SGD plain": (ps) => new SGD(ps, { lr: 0.1 }),
  "Adam (fused where possible)": (ps) => new Adam(ps, { lr: 0.02 }),
  "Adam, JavaScript loop, AMSGrad": (ps) => new Adam(ps, { lr: 0.02, amsgrad: true, fused: false }),
  "Adam fused, AMSGrad, L2": (ps) => new Adam(ps, { lr: 0.02, amsgrad: true, weightDecay: 0.01 }),
  AdamW: (ps) => new AdamW(ps, { lr: 0.02, weightDecay: 0.05 }),
};

interface Trainable {
  parameters(): Parameter[];
  stateDict(): StateDict;
  loadStateDict(state: unknown): void;
  /** One loss over the given rows, recorded for backward. */
  loss(rows: number[]): Value | Tensor;
}

function tensorModel(seed: number): Trainable {
  const rng = createRng(seed);
  const model = new Sequential(
    new Linear(2, 8, { rng }),
    new ReLU(),
    new Linear(8, 8, { rng }),
    new Tanh(),
    new Linear(8, 3, { rng }),
  );
  return {
    parameters: () => model.parameters(),
    stateDict: () => model.stateDict(),
    loadStateDict: (s) => model.loadStateDict(s),
    loss: (rows) =>
      model.forward(tensor(rows.map((i) => X[i]!))).crossEntropy(Int32Array.from(rows, (i) => y[i]!)),
  };
}

function valueNetwork(seed: number): Trainable {
  const net = new NeuralNetwork([2, 5, 3], { rng: new PythonRandom(seed) });
  return {
    parameters: () => net.parameters(),
    stateDict: () => net.stateDict(),
    loadStateDict: (s) => net.loadStateDict(s),
    loss: (rows) =>
      sum(
        rows.map((i) => {
          const scores = net.forward(X[i]!);
          const logSumExp = sum(scores.map((s) => s.exp())).log();
          return logSumExp.sub(scores[y[i]!]!);
        }),
      ).div(rows.length),
  };
}

function trainSteps(model: Trainable, opt: Optimizer, from: number, to: number): void {
  for (let t = from; t < to; t++) {
    opt.zeroGrad();
    model.loss(batch(t)).backward();
    opt.step();
  }
}

const weights = (model: Trainable) => Object.values(model.stateDict()).flatMap((entry) => entry.data);

for (const [kind, build] of [
  ["Tensor model (Sequential)", tensorModel],
  ["from-scratch Value network", valueNetwork],
] as const) {
  describe(`resume is exact: ${kind}`, () => {
    for (const [name, makeOptimizer] of Object.entries(optimizers)) {
      it(`${name}: 10 steps + checkpoint + 10 steps in fresh objects = 20 steps, bit for bit`, () => {
        const straight = build(1);
        const straightOpt = makeOptimizer(straight.parameters());
        trainSteps(straight, straightOpt, 0, 20);

        const first = build(1);
        const firstOpt = makeOptimizer(first.parameters());
        trainSteps(first, firstOpt, 0, 10);
        const json = saveCheckpoint(first, firstOpt, { step: 10 });

        const resumed = build(2); // other initial weights: everything must come from the checkpoint
        const resumedOpt = makeOptimizer(resumed.parameters());
        const { step } = loadCheckpoint(resumed, resumedOpt, json) as { step: number };
        expect(step).toBe(10);
        expect(resumedOpt.stateDict()).toEqual(firstOpt.stateDict());
        trainSteps(resumed, resumedOpt, step, 20);

        expect(weights(resumed)).toEqual(weights(straight));
        expect(resumedOpt.stateDict()).toEqual(straightOpt.stateDict());
        // and the run really moved: without the optimizer's state the second half differs
        const naive = build(2);
        naive.loadStateDict(first.stateDict());
        const naiveOpt = makeOptimizer(naive.parameters());
        trainSteps(naive, naiveOpt, 10, 20);
        if (!name.startsWith("SGD plain")) expect(weights(naive)).not.toEqual(weights(straight));
      });
    }
  });
}
