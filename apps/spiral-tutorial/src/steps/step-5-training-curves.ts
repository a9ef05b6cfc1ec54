import { formatFixed, formatPercent } from "@neurogebra/internal";

import { halfColors } from "../figures/colors.js";
import type { TrainingCurve } from "../figures/training-figure.js";
import type { TutorialStep } from "./tutorial-step.js";
import { resultOf } from "./tutorial-step.js";

/** Step 5's result: the loss and accuracy curves of the halves that trained. */
export interface CurvesResult {
  curves: TrainingCurve[];
}

/**
 * Step 5: each half's loss and accuracy from the first epoch to the last, and the `training` figure.
 *
 * @example
 * ```ts
 * await runStep(trainingCurvesStep, context);
 * context.results.curves?.curves[0]?.label; // "Neurogebra (from scratch, SGD)"
 * ```
 */
export const trainingCurvesStep: TutorialStep<"curves"> = {
  name: "curves",
  section: "step-5",
  title: "Step 5: Compare Training Progress",
  notes: {
    paragraphs: [
      "The loss is the sum of the mini-batch losses of an epoch; accuracy is measured during the epoch.",
    ],
    formulas: [],
  },

  run(context) {
    const { transcript, figures } = context;
    const training = resultOf(context, "training");
    const curves: TrainingCurve[] = [
      ...(training.fromScratch === null
        ? []
        : [
            {
              label: "Neurogebra (from scratch, SGD)",
              color: halfColors.fromScratch,
              ...training.fromScratch.history,
            },
          ]),
      ...(training.framework === null
        ? []
        : [{ label: "Framework (Adam)", color: halfColors.framework, ...training.framework.history }]),
    ];
    for (const curve of curves) {
      transcript.line(
        `${curve.label}: loss ${formatFixed(curve.loss[0]!, 4)} → ${formatFixed(curve.loss.at(-1)!, 4)}, ` +
          `accuracy ${formatPercent(curve.accuracy[0]!, 1)} → ${formatPercent(curve.accuracy.at(-1)!, 1)}`,
      );
    }
    figures.add("training", "Loss and accuracy per epoch of both networks", () => ({
      kind: "training",
      curves,
    }));
    return { curves };
  },
};
