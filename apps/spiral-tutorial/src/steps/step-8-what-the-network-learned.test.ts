import { describe, expect, it } from "vitest";

import { pythonTranscript } from "../../test/python-reference.js";
import { stepContext } from "../../test/step-context.js";
import { bothNetworksStep } from "./step-2-both-networks.js";
import { whatTheNetworkLearnedStep } from "./step-8-what-the-network-learned.js";
import { runStep } from "./tutorial-step.js";

/** NumPy's mean and (population) std, two-pass. */
function meanStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

describe("Step 8: what the network learned", () => {
  it("reports each layer's weights, ReLU from MathForge as in the Python run, and maps layer 1's neurons", async () => {
    const { context, lines, figures } = stepContext();
    await runStep(bothNetworksStep, context);
    await runStep(whatTheNetworkLearnedStep, context);
    const { statistics, math } = context.results.learned!;
    const net = context.results.networks!.net!;

    expect(statistics.map((s) => [s.neurons, s.weights.count])).toEqual([
      [16, 32],
      [16, 256],
      [3, 48],
    ]);
    net.layers.forEach((layer, l) => {
      const weights = layer.neurons.flatMap((neuron) => neuron.w.map((w) => w.data));
      const expected = meanStd(weights);
      expect(statistics[l]!.weights.mean).toBeCloseTo(expected.mean, 14);
      expect(statistics[l]!.weights.std).toBeCloseTo(expected.std, 14);
      expect([statistics[l]!.weights.min, statistics[l]!.weights.max]).toEqual([
        Math.min(...weights),
        Math.max(...weights),
      ]);
    });

    // The transcript's "ReLU activation: Max(0, x)  gradient: Heaviside(x)".
    expect(pythonTranscript).toContain(`ReLU activation: ${math.relu}  gradient: ${math.reluGradient}`);
    expect(lines).toContain("ReLU activation:     Max(0, x)");
    expect(math.values).toEqual({ reluAt2: 2, reluAtMinus2: 0, gradientAt2: 1, gradientAtMinus2: 0 });
    expect(math.autogradGradients).toEqual({ at2: 1, atMinus2: 0 });

    // Neuron k's map is max(0, w·x + b) of layer 1's neuron k over [-1.5, 1.5)², step 0.05.
    const figure = figures.get("neurons");
    if (figure?.kind !== "neurons") throw new Error("expected the neurons figure");
    expect(figure.maps).toHaveLength(8);
    figure.maps.forEach((map, k) => {
      const { w, b } = net.layers[0]!.neurons[k]!;
      expect(map.grid.values).toHaveLength(60 * 60);
      for (const [i, j] of [
        [0, 0],
        [17, 42],
        [59, 59],
      ] as const) {
        const [x, y] = [map.grid.xs[i]!, map.grid.ys[j]!];
        const expected = Math.max(0, w[0]!.data * x + w[1]!.data * y + b.data);
        expect(map.grid.values[j * 60 + i]).toBeCloseTo(expected, 14);
      }
    });
  });
});
