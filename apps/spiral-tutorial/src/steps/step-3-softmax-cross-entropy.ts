import { tensor, Value } from "@neurogebra/autograd";
import { CrossEntropyLoss, softmaxCrossEntropy } from "@neurogebra/losses";
import { formatFixed } from "@neurogebra/internal";

import type { TutorialStep } from "./tutorial-step.js";

/** Step 3's result: the demo's scores, probabilities and loss (from scratch and in one framework call). */
export interface SoftmaxResult {
  scores: number[];
  target: number;
  probabilities: number[];
  loss: number;
  frameworkLoss: number;
}

/**
 * Step 3: softmax and cross-entropy on the tutorial's scores `[2.0, 1.0, 0.1]` with target class 0,
 * step by step on `Value`s, then as the framework's one `CrossEntropyLoss` call.
 *
 * @example
 * ```ts
 * await runStep(softmaxStep, context);
 * context.results.softmax?.loss; // 0.4170…
 * ```
 */
export const softmaxStep: TutorialStep<"softmax"> = {
  name: "softmax",
  section: "step-3",
  title: "Step 3: Softmax & Cross-Entropy Loss",
  notes: {
    paragraphs: [
      "Softmax turns the three raw scores into probabilities; cross-entropy is minus the log of the " +
        "probability given to the right class. Subtracting the largest score first keeps `exp` from " +
        "overflowing and does not change the result.",
    ],
    formulas: [
      { latex: "p_i = \\frac{e^{s_i - \\max_k s_k}}{\\sum_j e^{s_j - \\max_k s_k}}", caption: "softmax" },
      {
        latex: "L = -\\log p_y,\\qquad \\frac{\\partial L}{\\partial s_i} = p_i - [i = y]",
        caption: "cross-entropy and its gradient",
      },
    ],
  },

  run({ transcript }) {
    const scores = [2.0, 1.0, 0.1];
    const target = 0;
    const demo = softmaxCrossEntropy(
      scores.map((s) => new Value(s)),
      target,
    );
    const probabilities = demo.probabilities.map((p) => p.data);
    transcript.line("=== Softmax + Cross-Entropy Demo ===");
    transcript.line(`Raw scores: [${scores.map((s) => formatFixed(s, 1)).join(", ")}]`);
    transcript.line(`Probabilities: [${probabilities.map((p) => formatFixed(p, 3)).join(", ")}]`);
    const probabilitySum = probabilities.reduce((a, b) => a + b, 0);
    transcript.line(`Sum of probs: ${formatFixed(probabilitySum, 3)} (should be 1.0)`);
    transcript.line(`Loss (target=class 0): ${formatFixed(demo.loss.data, 4)}`);
    transcript.line("(Lower loss = higher confidence in correct class)");
    const frameworkLoss = new CrossEntropyLoss().forward(tensor([scores]), [target]).item();
    transcript.line();
    transcript.line(
      `Framework, in one call: new CrossEntropyLoss().forward(scores, [0]) = ${formatFixed(frameworkLoss, 4)}`,
    );
    return { scores, target, probabilities, loss: demo.loss.data, frameworkLoss };
  },
};
