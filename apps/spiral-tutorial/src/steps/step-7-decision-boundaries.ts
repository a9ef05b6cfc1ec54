import type { Tensor } from "@neurogebra/autograd";
import { formatPercent } from "@neurogebra/internal";

import type { PlaneGrid } from "../decision-grid.js";
import { decisionGrid } from "../decision-grid.js";
import { classifyGrid, denseForward, denseWeightsOf } from "../network-maps.js";
import type { Half, TutorialStep } from "./tutorial-step.js";
import { resultOf } from "./tutorial-step.js";

/** Step 7's result: the grid and each half's predicted class at every grid point (grid order). */
export interface BoundariesResult {
  grid: PlaneGrid;
  fromScratch: Int32Array | null;
  framework: Int32Array | null;
}

/**
 * Step 7: classifies every point of the tutorial's 0.02 grid around the test points, one batched
 * forward pass per network, and draws the regions with the test points (`boundaries` figure).
 *
 * @example
 * ```ts
 * await runStep(decisionBoundariesStep, context);
 * context.results.boundaries?.grid.points.length; // 2 × 17,415 for seed 42
 * ```
 */
export const decisionBoundariesStep: TutorialStep<"boundaries"> = {
  name: "boundaries",
  section: "step-7",
  title: "Step 7: Visualize Decision Boundaries",
  notes: {
    paragraphs: [
      "Every point of a 0.02 grid is classified (one batched forward pass per network); the coloured " +
        "regions are where each class wins, the dots are the test points.",
    ],
    formulas: [{ latex: "\\hat y(\\mathbf{x}) = \\arg\\max_k\\, s_k(\\mathbf{x})" }],
  },

  run(context) {
    const { timer, transcript, figures } = context;
    const { test } = resultOf(context, "dataset");
    const { net, model } = resultOf(context, "networks");
    const tested = resultOf(context, "testAccuracy");
    const grid = decisionGrid(test.X, 0.02);
    transcript.line(
      `grid points: ${grid.points.length / 2} (${grid.xs.length} × ${grid.ys.length}, step 0.02)`,
    );
    const classify = (half: Half, forward: (x: Tensor) => Tensor): Int32Array =>
      timer.time(`${half}.grid`, () => classifyGrid(forward, grid));
    const fromScratch = net === null ? null : classify("fromScratch", denseForward(denseWeightsOf(net)));
    const framework = model === null ? null : classify("framework", (x) => model.forward(x));
    const panel = (label: string, classes: Int32Array | null, accuracy: number | undefined) =>
      classes === null || accuracy === undefined
        ? []
        : [{ title: `${label} (Acc: ${formatPercent(accuracy, 0)})`, classes }];
    const panels = [
      ...panel("Neurogebra", fromScratch, tested.fromScratch?.accuracy),
      ...panel("Framework", framework, tested.framework?.accuracy),
    ];
    for (const { title } of panels) transcript.line(title);
    figures.add("boundaries", "Decision regions of both networks with the test points", () => ({
      kind: "boundaries",
      panels: panels.map(({ title, classes }) => ({
        title,
        grid: { xs: grid.xs, ys: grid.ys, step: grid.step, values: classes },
        test: { ...test, nClasses: 3 },
      })),
    }));
    return { grid, fromScratch, framework };
  },
};
