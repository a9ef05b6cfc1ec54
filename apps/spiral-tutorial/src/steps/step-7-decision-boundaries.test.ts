import { describe, expect, it } from "vitest";

import { tensor, Value } from "@neurogebra/autograd";
import { formatPercent } from "@neurogebra/internal";

import { pythonTranscript } from "../../test/python-reference.js";
import { runSteps, stepContext } from "../../test/step-context.js";
import { datasetStep } from "./step-1-dataset.js";
import { bothNetworksStep } from "./step-2-both-networks.js";
import { testAccuracyStep } from "./step-6-test-accuracy.js";
import { decisionBoundariesStep } from "./step-7-decision-boundaries.js";
import { runStep } from "./tutorial-step.js";

/** Index of the largest score, the first on a tie (the tutorial's `predict`). */
const argmax = (scores: readonly number[]): number => scores.indexOf(Math.max(...scores));

describe("Step 7: decision boundaries", () => {
  it("classifies the Python run's 17,415 grid points as the tutorial's point-by-point predict does", async () => {
    // Seed 42's test set; the networks untrained (the grid and its classes do not need training).
    const { context, lines, figures } = stepContext();
    await runSteps(context, [datasetStep, bothNetworksStep, testAccuracyStep]);
    await runStep(decisionBoundariesStep, context);
    const { grid, fromScratch, framework } = context.results.boundaries!;
    const { net, model } = context.results.networks!;

    expect(pythonTranscript).toContain(`grid points: ${grid.points.length / 2}`);
    expect(lines).toContain(`grid points: 17415 (${grid.xs.length} × ${grid.ys.length}, step 0.02)`);
    for (let k = 0; k < grid.points.length / 2; k += 101) {
      const [x, y] = [grid.points[2 * k]!, grid.points[2 * k + 1]!];
      expect(fromScratch![k]).toBe(argmax(net!.forward([new Value(x), new Value(y)]).map((s) => s.data)));
      expect(framework![k]).toBe(argmax(Array.from(model!.forward(tensor([[x, y]])).data)));
    }

    const tested = context.results.testAccuracy!;
    const figure = figures.get("boundaries");
    expect(figure?.kind === "boundaries" && figure.panels.map((p) => [p.title, p.grid.values])).toEqual([
      [`Neurogebra (Acc: ${formatPercent(tested.fromScratch!.accuracy, 0)})`, fromScratch],
      [`Framework (Acc: ${formatPercent(tested.framework!.accuracy, 0)})`, framework],
    ]);
  });
});
