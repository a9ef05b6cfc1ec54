import { isPrintedEpoch } from "@neurogebra/internal";
import { describe, expect, it } from "vitest";

import { smallPythonRuns } from "../../test/python-reference.js";
import { runSteps, stepContext } from "../../test/step-context.js";
import { datasetStep } from "./step-1-dataset.js";
import { bothNetworksStep } from "./step-2-both-networks.js";
import { trainingStep } from "./step-4-training.js";
import { runStep } from "./tutorial-step.js";

describe("Step 4: training both networks", () => {
  it("trains the from-scratch network epoch for epoch like the Python runs, the framework one beside it", async () => {
    for (const python of smallPythonRuns) {
      const { context, lines } = stepContext({ ...python.config });
      await runSteps(context, [datasetStep, bothNetworksStep]);
      await runStep(trainingStep, context);
      const { fromScratch, framework } = context.results.training!;

      expect(fromScratch!.epochLines).toEqual(python.epochLines);
      expect(fromScratch!.history.accuracy).toEqual(python.accuracy);
      fromScratch!.history.loss.forEach((loss, epoch) => {
        expect(Math.abs(loss - python.loss[epoch]!)).toBeLessThanOrEqual(1e-12 * python.loss[epoch]!);
      });
      for (const line of [...python.epochLines, python.finalTrainAccuracyLine]) expect(lines).toContain(line);

      // The framework half trains on its own generator: no Python numbers, the same epochs printed.
      const epochs = python.config.epochs;
      expect(framework!.history.loss).toHaveLength(epochs);
      expect(framework!.epochLines.map((line) => Number(/Epoch +(\d+)\//.exec(line)![1]))).toEqual(
        [...Array(epochs).keys()].filter((epoch) => isPrintedEpoch(epoch, epochs)),
      );
    }
  });
});
