import {
  divergedEpoch,
  formatEpochLine,
  formatFixed,
  formatPercent,
  isPrintedEpoch,
} from "@neurogebra/internal";
import type { TrainingHistory } from "@neurogebra/internal";

import { trainFramework } from "../framework-half.js";
import { trainFromScratch } from "../from-scratch-half.js";
import type { Half, StepContext, TutorialStep } from "./tutorial-step.js";
import { resultOf } from "./tutorial-step.js";

/** One half's training: its per-epoch history and the epoch lines it printed. */
export interface HalfTraining {
  history: TrainingHistory;
  epochLines: string[];
}

/** Step 4's result, per half (null for a half left out with `--only`). */
export interface TrainingResult {
  fromScratch: HalfTraining | null;
  framework: HalfTraining | null;
}

type EpochCallback = (epoch: number, loss: number, accuracy: number) => void;

/** Trains one half under its heading: epoch lines through the progress display, then the summary. */
function trainHalf(
  { options, transcript, progress, timer }: StepContext,
  half: Half,
  label: string,
  learningRate: number,
  train: (onEpoch: EpochCallback) => TrainingHistory,
): HalfTraining {
  const epochLines: string[] = [];
  transcript.line(`Training ${label} Neural Network...`);
  transcript.line("=".repeat(50));
  progress.start(label, options.epochs);
  const history = timer.time(`${half}.train`, () =>
    train((epoch, loss, accuracy) => {
      progress.update(epoch + 1, loss);
      if (!isPrintedEpoch(epoch, options.epochs)) return;
      const text = formatEpochLine(epoch, options.epochs, loss, accuracy);
      epochLines.push(text);
      transcript.record(text); // the terminal gets it through the progress display
      progress.log(text);
    }),
  );
  progress.stop();
  transcript.line();
  transcript.line(`Final Training Accuracy: ${formatPercent(history.accuracy.at(-1)!, 1)}`);
  const diverged = divergedEpoch(history);
  if (diverged !== null) {
    transcript.line(
      `Training diverged: the loss is ${formatFixed(history.loss[diverged]!, 4)} from epoch ${diverged} on ` +
        `(learning rate ${learningRate} is too large?), so the numbers below describe a broken network.`,
    );
  }
  return { history, epochLines };
}

/**
 * Step 4: trains the from-scratch network (SGD on `Value` graphs, shuffled by the data generator as
 * in the Python run), then the framework one (Adam on tensors, its own generator).
 *
 * @example
 * ```ts
 * await runStep(trainingStep, context);
 * context.results.training?.fromScratch?.epochLines[0]; // "  Epoch   0/30: Loss = 15.3785, Accuracy = 46.2%"
 * ```
 */
export const trainingStep: TutorialStep<"training"> = {
  name: "training",
  section: "step-4",
  title: "Step 4: Train Both Networks",
  notes: {
    paragraphs: [
      "From scratch: each mini-batch builds one graph of `Value`s, `backward()` fills every `grad`, and " +
        "plain SGD moves each weight against its gradient. Framework: the same loop on tensors with Adam.",
    ],
    formulas: [
      {
        latex:
          "L_\\text{batch} = \\frac{1}{|B|}\\sum_{i \\in B} L_i,\\qquad \\theta \\leftarrow \\theta - \\eta\\,\\frac{\\partial L_\\text{batch}}{\\partial \\theta}",
        caption: "SGD (from scratch)",
      },
      {
        latex:
          "m_t = \\beta_1 m_{t-1} + (1-\\beta_1)\\,g_t,\\quad v_t = \\beta_2 v_{t-1} + (1-\\beta_2)\\,g_t^2,\\quad " +
          "\\theta_t = \\theta_{t-1} - \\eta\\,\\frac{m_t / (1-\\beta_1^t)}{\\sqrt{v_t / (1-\\beta_2^t)} + \\epsilon}",
        caption: "Adam (framework), β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸",
      },
    ],
  },

  run(context) {
    const { options, rngs, transcript } = context;
    const { train } = resultOf(context, "dataset");
    const { net, model } = resultOf(context, "networks");
    const settings = { epochs: options.epochs, batchSize: options.batchSize };
    const fromScratch =
      net === null
        ? null
        : trainHalf(context, "fromScratch", "Neurogebra", options.lr, (onEpoch) =>
            trainFromScratch(net, train, {
              ...settings,
              learningRate: options.lr,
              shuffleRng: rngs.data,
              onEpoch,
            }),
          );
    if (fromScratch !== null && model !== null) transcript.line();
    const framework =
      model === null
        ? null
        : trainHalf(context, "framework", "Framework", options.adamLr, (onEpoch) =>
            trainFramework(model, train, {
              ...settings,
              learningRate: options.adamLr,
              shuffleRng: rngs.framework,
              onEpoch,
            }),
          );
    return { fromScratch, framework };
  },
};
