import { describe, expect, it } from "vitest";

import { countParameters, Linear } from "@neurogebra/nn";

import { pythonTranscript } from "../../test/python-reference.js";
import { stepContext } from "../../test/step-context.js";
import { bothNetworksStep } from "./step-2-both-networks.js";
import { runStep } from "./tutorial-step.js";

describe("Step 2: both networks", () => {
  it("builds two 371-parameter networks, initialised like the tutorial and like PyTorch's Linear", async () => {
    const { context, lines } = stepContext();
    await runStep(bothNetworksStep, context);
    const { net, model } = context.results.networks!;

    const summary = pythonTranscript.slice(pythonTranscript.indexOf("Neural Network created:")).slice(0, 4);
    expect(lines.slice(1, 5)).toEqual(summary); // "Neural Network created:" … "  Parameters:   371"
    expect(pythonTranscript).toContain(`PyTorch Parameters: ${countParameters(model!.parameters())}`);
    expect(net!.parameters()).toHaveLength(2 * 16 + 16 + (16 * 16 + 16) + (16 * 3 + 3));

    // From scratch: w ~ U(±√(6/(n_in+1))), b = 0; framework: W, b ~ U(±1/√n_in).
    for (const layer of net!.layers) {
      for (const neuron of layer.neurons) {
        const limit = Math.sqrt(6 / (neuron.w.length + 1));
        for (const w of neuron.w) expect(Math.abs(w.data)).toBeLessThanOrEqual(limit);
        expect(neuron.b.data).toBe(0);
      }
    }
    const linears = model!.modules().filter((m): m is Linear => m instanceof Linear);
    expect(linears.map((l) => l.weight.shape)).toEqual([
      [16, 2],
      [16, 16],
      [3, 16],
    ]);
    for (const linear of linears) {
      const bound = 1 / Math.sqrt(linear.weight.shape[1]!);
      for (const w of [...linear.weight.data, ...linear.bias!.data]) {
        expect(Math.abs(w)).toBeLessThanOrEqual(bound);
      }
    }

    const scratchOnly = stepContext({ only: "from-scratch" });
    await runStep(bothNetworksStep, scratchOnly.context);
    expect(scratchOnly.context.results.networks!.model).toBeNull();
  });
});
