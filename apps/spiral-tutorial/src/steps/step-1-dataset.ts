import { generateSpirals, trainTestSplit } from "@neurogebra/datasets";

import type { LabelledData } from "../from-scratch-half.js";
import type { TutorialStep } from "./tutorial-step.js";

/** Step 1's result: the spirals, split 80/20. */
export interface DatasetResult {
  train: LabelledData;
  test: LabelledData;
}

/**
 * Step 1: three spirals of `options.points` points, split 80/20 — the first draws of the data
 * generator, whose later draws shuffle the from-scratch training (as in the Python run).
 *
 * @example
 * ```ts
 * await runStep(datasetStep, context);
 * context.results.dataset?.train.y.length; // 240
 * ```
 */
export const datasetStep: TutorialStep<"dataset"> = {
  name: "dataset",
  section: "step-1",
  title: "Step 1: Generate the Spiral Dataset",
  notes: {
    paragraphs: [
      "Three intertwined spirals: a linear model draws straight lines and cannot separate them, so a " +
        "network with non-linear activations has to. 80 % of the points train, 20 % test.",
    ],
    formulas: [
      {
        latex:
          "r_i = \\frac{i}{n-1},\\qquad \\theta_i = 4k + \\frac{4i}{n-1} + \\sigma\\,\\varepsilon_i,\\quad \\varepsilon_i \\sim N(0, 1)",
        caption: "point i of spiral k (NumPy's linspace and randn, in class order)",
      },
      { latex: "\\mathbf{x}_i = (r_i \\sin\\theta_i,\\; r_i \\cos\\theta_i)" },
    ],
  },

  run({ options, rngs, timer, transcript, figures }) {
    const split = timer.time("data", () => {
      const dataset = generateSpirals({
        pointsPerClass: options.points,
        classes: 3,
        noise: options.noise,
        rng: rngs.data,
      });
      return trainTestSplit(dataset, { trainFraction: 0.8, rng: rngs.data });
    });
    const train: LabelledData = { X: split.XTrain, y: split.yTrain };
    const test: LabelledData = { X: split.XTest, y: split.yTest };
    transcript.line(`Training: ${train.y.length} samples`);
    transcript.line(`Testing:  ${test.y.length} samples`);
    transcript.line("Classes:  3 spirals");
    transcript.line("Features: 2 (x, y coordinates)");
    figures.add("dataset", "Training points of the three spirals", () => ({
      kind: "dataset",
      train: { ...train, nClasses: 3 },
    }));
    return { train, test };
  },
};
