import type { LayerStatistics } from "@neurogebra/nn";
import { formatParameterStatistics, NeuralNetwork, parameterStatistics } from "@neurogebra/nn";

import { planeGrid } from "../decision-grid.js";
import { denseWeightsOf, firstLinearOf, neuronActivations } from "../network-maps.js";
import { formatRepr } from "@neurogebra/internal";
import type { ReluMath } from "../relu-math.js";
import { reluMath } from "../relu-math.js";
import type { TutorialStep } from "./tutorial-step.js";
import { resultOf } from "./tutorial-step.js";

/** Step 8's result: the ReLU math, and the per-layer statistics of the network inspected. */
export interface LearnedResult {
  /** Of the from-scratch network when it ran, else of the framework one. */
  statistics: LayerStatistics[];
  math: ReluMath;
}

const rule = "=".repeat(60);

/**
 * Step 8: the trained network's parameter statistics per layer, ReLU and its derivative from
 * `MathForge` (also evaluated on `Value`s), and the first eight layer-1 neurons' maps (`neurons` figure).
 *
 * @example
 * ```ts
 * await runStep(whatTheNetworkLearnedStep, context);
 * context.results.learned?.math.reluGradient; // "Heaviside(x)"
 * ```
 */
export const whatTheNetworkLearnedStep: TutorialStep<"learned"> = {
  name: "learned",
  section: "step-8",
  title: "Step 8: Deep Dive — What Did the Network Learn?",
  notes: {
    paragraphs: [
      "Each first-layer neuron draws one line in the plane and responds on one side of it; the next " +
        "layers combine these half-planes into the curved regions of Step 7.",
    ],
    formulas: [],
  },

  run(context) {
    const { transcript, figures } = context;
    const { net, model } = resultOf(context, "networks");
    const inspected = net ?? model;
    if (inspected === null) throw new Error("step 8: expected a network from step 2, got none");
    const fromScratch = inspected instanceof NeuralNetwork;
    const statistics = parameterStatistics(inspected);
    transcript.line(rule);
    transcript.line(`INSPECTING WHAT THE NETWORK LEARNED${fromScratch ? "" : " (framework network)"}`);
    transcript.line(rule);
    for (const text of formatParameterStatistics(statistics).split("\n")) transcript.line(text);

    const math = reluMath();
    transcript.line();
    transcript.line(rule);
    transcript.line("THE MATH BEHIND YOUR NETWORK");
    transcript.line(rule);
    transcript.line();
    transcript.line(`ReLU activation:     ${math.relu}`);
    transcript.line(`ReLU gradient:       ${math.reluGradient}`);
    transcript.line(`ReLU at x=2:         ${formatRepr(math.values.reluAt2)}`);
    transcript.line(`ReLU at x=-2:        ${formatRepr(math.values.reluAtMinus2)}`);
    transcript.line(`ReLU grad at x=2:    ${formatRepr(math.values.gradientAt2)}`);
    transcript.line(`ReLU grad at x=-2:   ${formatRepr(math.values.gradientAtMinus2)}`);
    transcript.line(
      `Same formula on autograd Values, backward(): grad ${formatRepr(math.autogradGradients.at2)} at x=2, ` +
        `${formatRepr(math.autogradGradients.atMinus2)} at x=-2`,
    );
    transcript.line();
    transcript.line("Each neuron computes:");
    transcript.line("  output = ReLU(w₁·x₁ + w₂·x₂ + b)");
    transcript.line("  = ReLU(weighted_sum + bias)");
    transcript.line("  = max(0, weighted_sum + bias)");
    transcript.line();
    transcript.line("The final layer computes 3 scores (one per class).");
    transcript.line("Softmax converts scores to probabilities.");
    transcript.line("We predict the class with highest probability.");
    transcript.formula({ latex: `\\operatorname{relu}(x) = ${math.reluLatex}`, caption: "MathForge: relu" });
    transcript.formula({
      latex: `\\frac{d}{dx}\\operatorname{relu}(x) = ${math.reluGradientLatex}`,
      caption: "its symbolic derivative (autograd uses relu'(0) = 0; SymPy's Heaviside(0) is 1/2)",
    });

    const firstLayer = fromScratch ? denseWeightsOf(inspected)[0]! : firstLinearOf(inspected);
    figures.add("neurons", "Activation maps of the first eight neurons of layer 1", () => {
      const neuronGrid = planeGrid([-1.5, 1.5], [-1.5, 1.5], 0.05);
      return {
        kind: "neurons",
        maps: neuronActivations(firstLayer, neuronGrid, 8).map((values, k) => ({
          title: `Neuron ${k + 1}`,
          grid: { xs: neuronGrid.xs, ys: neuronGrid.ys, step: neuronGrid.step, values },
        })),
      };
    });
    return { statistics, math };
  },
};
