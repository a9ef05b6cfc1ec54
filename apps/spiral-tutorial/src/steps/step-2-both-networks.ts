import type { NeuralNetwork, Sequential } from "@neurogebra/nn";
import { countParameters } from "@neurogebra/nn";

import { buildFrameworkNetwork } from "../framework-half.js";
import { buildFromScratchNetwork } from "../from-scratch-half.js";
import type { TutorialStep } from "./tutorial-step.js";

/** Step 2's result: the two networks, untrained; null for a half left out with `--only`. */
export interface NetworksResult {
  net: NeuralNetwork | null;
  model: Sequential | null;
}

/**
 * Step 2: the from-scratch `NeuralNetwork` of `Value`s and the framework `Sequential` of `Tensor`s,
 * both 2 → 16 → 16 → 3, each initialised from its own generator.
 *
 * @example
 * ```ts
 * await runStep(bothNetworksStep, context);
 * context.results.networks?.net?.parameters().length; // 371
 * ```
 */
export const bothNetworksStep: TutorialStep<"networks"> = {
  name: "networks",
  section: "step-2",
  title: "Step 2: Build the Neural Network",
  notes: {
    paragraphs: [
      "Both networks are 2 → 16 → 16 → 3 with ReLU between the layers. From scratch, every weight is " +
        "its own `Value` and a neuron adds up its products one by one; the framework keeps each " +
        "layer's weights in one `Tensor` and multiplies whole batches at once.",
    ],
    formulas: [
      { latex: "y = \\operatorname{ReLU}\\Big(b + \\sum_{j=1}^{n} w_j x_j\\Big)", caption: "one neuron" },
      {
        latex:
          "w_j \\sim U\\!\\left(-\\sqrt{\\tfrac{6}{n_\\text{in}+1}},\\ \\sqrt{\\tfrac{6}{n_\\text{in}+1}}\\right),\\; b = 0 " +
          "\\qquad W, b \\sim U\\!\\left(-\\tfrac{1}{\\sqrt{n_\\text{in}}},\\ \\tfrac{1}{\\sqrt{n_\\text{in}}}\\right)",
        caption:
          "initialisation: the tutorial's Xavier-style (from scratch) and PyTorch's Linear default (framework)",
      },
      { latex: "(2\\cdot16+16) + (16\\cdot16+16) + (16\\cdot3+3) = 371", caption: "parameters" },
    ],
  },

  run({ options, rngs, timer, transcript }) {
    const net =
      options.only === "framework"
        ? null
        : timer.time("fromScratch.build", () => buildFromScratchNetwork(rngs.fromScratchInit));
    const model =
      options.only === "from-scratch"
        ? null
        : timer.time("framework.build", () => buildFrameworkNetwork(rngs.framework));
    if (net !== null) for (const text of net.summary().split("\n")) transcript.line(text);
    if (model !== null) {
      if (net !== null) transcript.line();
      transcript.line("Framework Neural Network (Sequential, Linear + ReLU):");
      transcript.line("  Architecture: 2 → 16 → 16 → 3");
      transcript.line(`  Parameters:   ${countParameters(model.parameters())}`);
      transcript.line(
        "  (PyTorch's Linear init, U(-1/√fan_in, 1/√fan_in), drawn from our seeded generator —",
      );
      transcript.line("   not torch's, so its numbers differ from the Python run's PyTorch half)");
    }
    return { net, model };
  },
};
