import { describe, expect, it } from "vitest";

import { pythonTranscript } from "../../test/python-reference.js";
import { stepContext } from "../../test/step-context.js";
import type { FigureWriter } from "../figure-queue.js";
import { FigureQueue } from "../figure-queue.js";
import { finalComparisonStage } from "./final-comparison.js";
import { runStep } from "./tutorial-step.js";

describe("Final Comparison", () => {
  it("measures our code, waits for the figures, and sets our wall times beside the Python run's", async () => {
    const small = stepContext({ only: "from-scratch" });
    const { lines } = small;
    // A figure that takes 20 ms to draw: the stage must wait for it (the report embeds its SVG).
    const slowWriter: FigureWriter = {
      inWorker: false,
      figure: () => new Promise((resolve) => setTimeout(() => resolve({ svg: "<svg/>", ms: 20 }), 20)),
    };
    const context = {
      ...small.context,
      figures: new FigureQueue(slowWriter, small.context.transcript, "out"),
    };
    context.results.training = {
      fromScratch: { history: { loss: [1], accuracy: [0.5] }, epochLines: [] },
      framework: null,
    };
    context.timer.record("fromScratch.train", 1234);
    context.transcript.section("step-1", "Step 1");
    context.figures.add("dataset", "alt", () => ({
      kind: "dataset",
      train: { X: new Float64Array(2), y: new Int32Array(1), nClasses: 3 },
    }));
    await runStep(finalComparisonStage, context);

    const rows = context.results.comparison!.codeComplexity;
    expect(rows.map((row) => row.component)).toEqual([
      "Neural network definition",
      "Softmax + cross-entropy",
      "Training loop",
      "Evaluation",
    ]);
    for (const row of rows) expect(Math.min(row.fromScratch!, row.framework!)).toBeGreaterThan(0);

    // TIMES {'neuro_train': 65.011, 'torch_train': 0.165, 'neuro_boundary': 21.003, 'torch_boundary': 0.503}
    const times = pythonTranscript.find((line) => line.startsWith("TIMES "))!;
    const python = Object.fromEntries([...times.matchAll(/'(\w+)': ([\d.]+)/g)].map((m) => [m[1], m[2]]));
    const row = (part: string): string | undefined => lines.find((line) => line.startsWith(`| ${part} `));
    expect(row("From scratch: training")).toMatch(
      new RegExp(`\\| 1\\.23 s +\\| ${python.neuro_train} s +\\|$`),
    );
    expect(row("From scratch: decision grid")).toContain(`${python.neuro_boundary} s`);
    expect(row("Framework: training")).toBeUndefined();
    expect(context.transcript.sections[0]!.figures![0]!.svg).toBe("<svg/>");
    expect(row("Figures, SVG + PNG (main thread)")).toBeDefined();
    expect(row("Total (until this table)")).toBeDefined();
  });
});
