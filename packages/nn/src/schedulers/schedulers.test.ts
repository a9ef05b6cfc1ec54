import { zeros } from "@neurogebra/autograd";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../../test/fixtures/load.js";
import { Adam } from "../optimizers/adam.js";
import { SGD } from "../optimizers/sgd.js";
import { CosineAnnealingLR } from "./cosine-annealing-lr.js";
import { ExponentialLR } from "./exponential-lr.js";
import type { LRScheduler } from "./lr-scheduler.js";
import { LRSchedulerStateError } from "./lr-scheduler.js";
import { StepLR } from "./step-lr.js";

interface Case {
  kind: "StepLR" | "ExponentialLR" | "CosineAnnealingLR";
  options: { step_size?: number; gamma?: number; T_max?: number; eta_min?: number };
  lr: number;
  state_0: Record<string, unknown>;
  state_25: Record<string, unknown>;
  optimizer_lr_25: number;
  rates: number[];
  resumed_rates: number[];
}
const fixture = loadFixture<{ cases: Case[]; sgd_state_with_initial_lr: unknown }>("torch-schedulers.json");

function make(c: Case, lr = c.lr): [SGD, LRScheduler] {
  const opt = new SGD([zeros([2], { requiresGrad: true })], { lr });
  const o = c.options;
  switch (c.kind) {
    case "StepLR":
      return [
        opt,
        new StepLR(opt, { stepSize: o.step_size!, ...(o.gamma === undefined ? {} : { gamma: o.gamma }) }),
      ];
    case "ExponentialLR":
      return [opt, new ExponentialLR(opt, { gamma: o.gamma! })];
    case "CosineAnnealingLR":
      return [
        opt,
        new CosineAnnealingLR(opt, {
          tMax: o.T_max!,
          ...(o.eta_min === undefined ? {} : { etaMin: o.eta_min }),
        }),
      ];
  }
}

describe.each(fixture.cases)("$kind $options from lr $lr against PyTorch", (c) => {
  it("sets the same rate after each of 60 epochs, bit for bit", () => {
    const [opt, scheduler] = make(c);
    const rates = c.rates.map(() => {
      opt.step();
      scheduler.step();
      expect(opt.lr).toBe(scheduler.getLastLr()[0]);
      return opt.lr;
    });
    expect(rates).toEqual(c.rates);
  });

  it("has PyTorch's state dict, key for key and in order, after construction and after 25 epochs", () => {
    const [opt, scheduler] = make(c);
    expect(JSON.stringify(scheduler.stateDict())).toBe(JSON.stringify(c.state_0));
    for (let e = 0; e < 25; e++) {
      opt.step();
      scheduler.step();
    }
    expect(JSON.stringify(scheduler.stateDict())).toBe(JSON.stringify(c.state_25));
  });

  it("resumes from PyTorch's epoch-25 state to the same rates as PyTorch", () => {
    const [opt, scheduler] = make(c);
    opt.lr = c.optimizer_lr_25; // what loading the optimizer's own state dict restores
    scheduler.loadStateDict(c.state_25);
    expect(scheduler.lastEpoch).toBe(25);
    const rates = c.resumed_rates.map(() => {
      scheduler.step();
      return opt.lr;
    });
    expect(rates).toEqual(c.resumed_rates);
  });
});

describe("learning-rate schedulers", () => {
  it("an SGD state dict carrying PyTorch's initial_lr loads (the scheduler keeps it as base_lrs)", () => {
    const opt = new SGD([zeros([2], { requiresGrad: true })], { lr: 0.5 });
    opt.loadStateDict(fixture.sgd_state_with_initial_lr);
    expect(opt.lr).toBe(0.1);
  });

  it("works over any optimizer and starts at epoch 0 with the rate unchanged", () => {
    const adam = new Adam([zeros([1], { requiresGrad: true })], { lr: 0.01 });
    const s = new CosineAnnealingLR(adam, { tMax: 4 });
    expect([s.lastEpoch, adam.lr, s.baseLrs, s.getLastLr()]).toEqual([0, 0.01, [0.01], [0.01]]);
    s.step();
    expect(adam.lr).toBeLessThan(0.01);
  });

  it("loadStateDict checks everything first and lists every problem; nothing changes", () => {
    const [, s] = make(fixture.cases[0]!);
    const before = s.stateDict();
    const bad = { ...before, step_size: 0, gamma: "0.5", base_lrs: [0.1, 0.2], extra: 1 } as Record<
      string,
      unknown
    >;
    delete bad["_last_lr"];
    let error: unknown;
    try {
      s.loadStateDict(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LRSchedulerStateError);
    expect((error as LRSchedulerStateError).problems).toEqual([
      '"step_size": expected an integer > 0, got number 0',
      '"gamma": expected a finite number ≥ 0, got the string "0.5"',
      '"base_lrs": expected a list of one learning rate ≥ 0 (one parameter group), got an array [0.1,0.2]',
      'missing "_last_lr"',
      'unexpected key "extra"',
    ]);
    expect(s.stateDict()).toEqual(before);
    expect(() => s.loadStateDict(null)).toThrow(
      /StepLR.loadStateDict: .* expected a state dict object, got null/s,
    );
  });

  it("constructor options are checked, naming the scheduler and the option", () => {
    const opt = new SGD([zeros([1], { requiresGrad: true })], { lr: 0.1 });
    expect(() => new StepLR(opt, { stepSize: 2.5 })).toThrow(
      new RangeError("StepLR: expected stepSize to be an integer > 0, got number 2.5"),
    );
    expect(() => new StepLR(opt, {} as never)).toThrow(
      new TypeError("StepLR: expected stepSize to be an integer > 0, got undefined"),
    );
    expect(() => new ExponentialLR(opt, { gamma: "0.9" as unknown as number })).toThrow(
      /got the string "0.9"/,
    );
    expect(() => new CosineAnnealingLR(opt, { tMax: 0 })).toThrow(/tMax to be an integer > 0, got number 0/);
    expect(() => new CosineAnnealingLR(opt, { tMax: 5, etaMin: -1 })).toThrow(
      /etaMin to be a finite number ≥ 0/,
    );
    expect(() => new StepLR({ lr: 0.1 } as never, { stepSize: 1 })).toThrow(
      /StepLR: expected an Optimizer \(SGD, Adam, AdamW\), got an object/,
    );
    expect(() => new StepLR(opt, null as never)).toThrow(/StepLR: expected an options object, got null/);
  });
});
