import { describe, expect, it } from "vitest";

import { Linear } from "./linear.js";
import { SGD } from "./optimizers/sgd.js";
import { OptimizerStateError } from "./optimizers/optimizer-state.js";
import { ProblemListError } from "./problem-list-error.js";
import { LRSchedulerStateError } from "./schedulers/lr-scheduler.js";
import { StepLR } from "./schedulers/step-lr.js";
import { StateDictError } from "./state-dict.js";

describe("ProblemListError, the one shape of the state-dict errors", () => {
  it("each error keeps its class and name, lists every problem, and says what did not fit", () => {
    const cases: [ProblemListError, string, string][] = [
      [new StateDictError("load", ["a", "b"]), "StateDictError", "the model"],
      [new OptimizerStateError("SGD.loadStateDict", ["a", "b"]), "OptimizerStateError", "this optimizer"],
      [
        new LRSchedulerStateError("StepLR.loadStateDict", ["a", "b"]),
        "LRSchedulerStateError",
        "this scheduler",
      ],
    ];
    for (const [error, name, target] of cases) {
      expect(error).toBeInstanceOf(ProblemListError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(name);
      expect(error.problems).toEqual(["a", "b"]);
      expect(error.message).toMatch(
        new RegExp(
          `: the state dict does not fit ${target} \\(2 problems; nothing was changed\\):\\n  - a\\n  - b$`,
        ),
      );
    }
    expect(new StateDictError("load", ["only"]).message).toMatch(/\(1 problem; nothing/);
  });

  it("is what the real loaders throw", () => {
    const layer = new Linear(2, 1);
    expect(() => layer.loadStateDict({})).toThrow(StateDictError);
    expect(() => layer.loadStateDict({})).toThrow(ProblemListError);
    const sgd = new SGD(layer.parameters(), { lr: 0.1 });
    expect(() => sgd.loadStateDict({})).toThrow(ProblemListError);
    expect(() => new StepLR(sgd, { stepSize: 1 }).loadStateDict({})).toThrow(ProblemListError);
  });
});
