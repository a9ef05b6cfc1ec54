import { formatPercent } from "@neurogebra/internal";

import { evaluateFramework } from "../framework-half.js";
import type { Evaluation } from "../from-scratch-half.js";
import { evaluateFromScratch } from "../from-scratch-half.js";
import type { TutorialStep } from "./tutorial-step.js";
import { resultOf } from "./tutorial-step.js";

/** One half's test-set predictions and accuracy, with the line that reports it. */
export interface TestedHalf extends Evaluation {
  /** e.g. "Neurogebra Test Accuracy: 93.3%". */
  line: string;
}

/** Step 6's result, per half (null for a half left out with `--only`). */
export interface TestAccuracyResult {
  fromScratch: TestedHalf | null;
  framework: TestedHalf | null;
}

/**
 * Step 6: each trained network classifies the test points it never saw.
 *
 * @example
 * ```ts
 * await runStep(testAccuracyStep, context);
 * context.results.testAccuracy?.fromScratch?.line; // "Neurogebra Test Accuracy: 93.3%"
 * ```
 */
export const testAccuracyStep: TutorialStep<"testAccuracy"> = {
  name: "testAccuracy",
  section: "step-6",
  title: "Step 6: Evaluate on Test Data",
  notes: {
    paragraphs: ["Accuracy on the 20 % of points neither network saw while training."],
    formulas: [{ latex: "\\text{accuracy} = \\frac{1}{n}\\sum_{i=1}^{n} [\\hat y_i = y_i]" }],
  },

  run(context) {
    const { timer, transcript } = context;
    const { test } = resultOf(context, "dataset");
    const { net, model } = resultOf(context, "networks");
    const tested = (label: string, evaluation: Evaluation): TestedHalf => ({
      ...evaluation,
      line: `${label} Test Accuracy: ${formatPercent(evaluation.accuracy, 1)}`,
    });
    const fromScratch =
      net === null
        ? null
        : tested(
            "Neurogebra",
            timer.time("fromScratch.evaluate", () => evaluateFromScratch(net, test)),
          );
    const framework =
      model === null
        ? null
        : tested(
            "Framework",
            timer.time("framework.evaluate", () => evaluateFramework(model, test)),
          );
    if (fromScratch !== null) transcript.line(fromScratch.line);
    if (framework !== null) transcript.line(framework.line);
    return { fromScratch, framework };
  },
};
