import { describe, expect, it } from "vitest";

import { pythonRuns, pythonTranscript } from "../../test/python-reference.js";
import { stepContext } from "../../test/step-context.js";
import { trainingCurvesStep } from "./step-5-training-curves.js";
import { runStep } from "./tutorial-step.js";

describe("Step 5: training curves", () => {
  it("summarises the Python run's history from its first epoch line to its last, and plots all of it", async () => {
    const python = pythonRuns[0]!; // seed 42, the tutorial's settings
    const { context, lines, figures } = stepContext({ only: "from-scratch" });
    context.results.training = {
      fromScratch: {
        history: { loss: python.loss, accuracy: python.accuracy },
        epochLines: python.epochLines,
      },
      framework: null,
    };
    await runStep(trainingCurvesStep, context);

    // "  Epoch   0/30: Loss = 15.3785, Accuracy = 46.2%" … "  Epoch  29/30: Loss = 5.7885, Accuracy = 87.1%"
    const epochLines = pythonTranscript.filter((line) => line.startsWith("  Epoch ")).slice(0, 7);
    const [first, last] = [epochLines[0]!, epochLines.at(-1)!].map((line) =>
      /Loss = (\S+), Accuracy = (\S+)$/.exec(line)!,
    );
    expect(lines).toContain(
      `Neurogebra (from scratch, SGD): loss ${first![1]} → ${last![1]}, accuracy ${first![2]} → ${last![2]}`,
    );
    const figure = figures.get("training");
    expect(figure?.kind === "training" && figure.curves.map((c) => [c.loss, c.accuracy])).toEqual([
      [python.loss, python.accuracy],
    ]);
  });
});
