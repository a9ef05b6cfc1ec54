import { describe, expect, it } from "vitest";

import { smallPythonRuns } from "../../test/python-reference.js";
import { runSteps, stepContext } from "../../test/step-context.js";
import { datasetStep } from "./step-1-dataset.js";
import { bothNetworksStep } from "./step-2-both-networks.js";
import { trainingStep } from "./step-4-training.js";
import { testAccuracyStep } from "./step-6-test-accuracy.js";
import { runStep } from "./tutorial-step.js";

describe("Step 6: test accuracy", () => {
  it("prints the Python runs' test accuracy, the share of its own predictions that are right", async () => {
    for (const python of smallPythonRuns) {
      const { context, lines } = stepContext({ ...python.config, only: "from-scratch" });
      await runSteps(context, [datasetStep, bothNetworksStep, trainingStep]);
      await runStep(testAccuracyStep, context);
      const tested = context.results.testAccuracy!.fromScratch!;

      expect(tested.line).toBe(python.testAccuracyLine);
      expect(lines).toContain(python.testAccuracyLine);
      expect(tested.accuracy).toBe(python.testAccuracy);
      const { y } = context.results.dataset!.test;
      const right = tested.predictions.filter((predicted, i) => predicted === y[i]).length;
      expect(right / y.length).toBe(tested.accuracy);
    }
  });
});
