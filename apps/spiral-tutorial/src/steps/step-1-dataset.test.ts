import { describe, expect, it } from "vitest";

import { pythonTranscript, smallPythonRuns } from "../../test/python-reference.js";
import { stepContext } from "../../test/step-context.js";
import { datasetStep } from "./step-1-dataset.js";
import { runStep } from "./tutorial-step.js";

describe("Step 1: the spiral dataset", () => {
  it("splits the spirals like the Python runs, every point on one of the tutorial's radii i/(n-1)", async () => {
    const seed42 = stepContext();
    await runStep(datasetStep, seed42.context);
    expect(pythonTranscript).toContain(seed42.lines[1]); // "Training: 240 samples"
    expect(pythonTranscript).toContain(seed42.lines[2]); // "Testing:  60 samples"

    for (const python of smallPythonRuns) {
      const { context, figures } = stepContext({ ...python.config });
      await runStep(datasetStep, context);
      const { train, test } = context.results.dataset!;
      expect([train.y.length, test.y.length]).toEqual([python.nTrain, python.nTest]);

      // Train and test together are the whole dataset: per class, the radii 0, 1/(n-1), …, 1 once each.
      const n = python.config.points;
      const radii: number[][] = [[], [], []];
      for (const { X, y } of [train, test]) {
        y.forEach((label, i) => radii[label]!.push(Math.hypot(X[2 * i]!, X[2 * i + 1]!) * (n - 1)));
      }
      for (const classRadii of radii) {
        const sorted = classRadii.sort((a, b) => a - b);
        expect(sorted).toHaveLength(n);
        sorted.forEach((r, i) => expect(r).toBeCloseTo(i, 9));
      }
      const figure = figures.get("dataset");
      expect(figure?.kind === "dataset" && figure.train.y).toEqual(train.y);
    }
  });
});
