import { tensor } from "@neurogebra/autograd";
import { createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { LeakyReLU } from "./activations.js";
import { CheckpointError, loadCheckpoint, saveCheckpoint } from "./checkpoint.js";
import { Linear } from "./linear.js";
import { Adam } from "./optimizers/adam.js";
import { OptimizerStateError } from "./optimizers/optimizer-state.js";
import { Sequential } from "./sequential.js";
import { StateDictError } from "./state-dict.js";

function trained(seed: number) {
  const rng = createRng(seed);
  const model = new Sequential(new Linear(2, 4, { rng }), new LeakyReLU(0.1), new Linear(4, 2, { rng }));
  const opt = new Adam(model.parameters(), { lr: 0.05 });
  for (let t = 0; t < 3; t++) {
    opt.zeroGrad();
    model
      .forward(
        tensor([
          [0.5, -1],
          [t, 1],
        ]),
      )
      .crossEntropy([0, 1])
      .backward();
    opt.step();
  }
  return { model, opt };
}

describe("saveCheckpoint / loadCheckpoint", () => {
  it("round-trips model, optimizer and extra through one JSON string", () => {
    const a = trained(1);
    const b = trained(2);
    const extra = loadCheckpoint(b.model, b.opt, saveCheckpoint(a.model, a.opt, { epoch: 3, note: "x" }));
    expect(extra).toEqual({ epoch: 3, note: "x" });
    expect(b.model.stateDict()).toEqual(a.model.stateDict());
    expect(b.opt.stateDict()).toEqual(a.opt.stateDict());
  });

  it("rejects what is not a checkpoint with a CheckpointError, changing nothing", () => {
    const b = trained(2);
    const before = [JSON.stringify(b.model.stateDict()), JSON.stringify(b.opt.stateDict())];
    expect(() => loadCheckpoint(b.model, b.opt, "{")).toThrow(CheckpointError);
    expect(() => loadCheckpoint(b.model, b.opt, "{}")).toThrow(
      /loadCheckpoint: expected a checkpoint \{ format: "neurogebra-checkpoint", version: 1, … \}, got \{\}/,
    );
    expect([JSON.stringify(b.model.stateDict()), JSON.stringify(b.opt.stateDict())]).toEqual(before);
  });

  it("both or neither: a model part that does not fit puts the already-loaded optimizer back", () => {
    const a = trained(1);
    const b = trained(2);
    const checkpoint = JSON.parse(saveCheckpoint(a.model, a.opt));
    delete checkpoint.model["2.bias"];
    const before = JSON.stringify(b.opt.stateDict());
    expect(() => loadCheckpoint(b.model, b.opt, checkpoint)).toThrow(StateDictError);
    expect(JSON.stringify(b.opt.stateDict())).toBe(before);
    checkpoint.optimizer.param_groups[0].eps = 1;
    expect(() => loadCheckpoint(b.model, b.opt, JSON.stringify(checkpoint))).toThrow(OptimizerStateError);
  });

  it("refuses a diverged run's NaN weight or moment, naming it, instead of writing null", () => {
    const a = trained(1);
    const weight = a.model.parameters()[0]!;
    const kept = weight.data[1]!;
    weight.data[1] = Number.NaN;
    expect(() => saveCheckpoint(a.model, a.opt)).toThrow(
      /saveCheckpoint: the model holds non-finite numbers.*"0\.weight": NaN at data\[1\]/,
    );
    weight.data[1] = kept;
    const moments = a.opt.stateDict();
    expect(JSON.stringify(moments)).not.toContain("null");
    const broken = new Adam(a.model.parameters(), { lr: 0.05 });
    const state = JSON.parse(JSON.stringify(moments));
    state.state["0"].exp_avg.data[0] = 1e308;
    state.state["0"].exp_avg_sq.data[0] = 1e308;
    broken.loadStateDict(state);
    a.model.parameters()[0]!.grad!.data[0] = 1e300; // the next step overflows the second moment
    broken.step();
    expect(() => saveCheckpoint(a.model, broken)).toThrow(
      /saveCheckpoint: .*non-finite.*state\[0\]\.exp_avg_sq: Infinity/,
    );
  });
});
