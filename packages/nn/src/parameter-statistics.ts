import { expected, formatFixed } from "@neurogebra/internal";

import { Linear } from "./linear.js";
import { Module } from "./module.js";
import { NeuralNetwork } from "./neural-network.js";
import { numpyMean, numpyStd } from "./numpy-stats.js";

/**
 * Summary of a list of numbers; `mean` and `std` are NumPy's (`np.mean`, population `np.std`), bit for bit.
 *
 * @example
 * ```ts
 * const weights: Statistics = parameterStatistics(net)[0]!.weights;
 * weights.count; // → 32
 * ```
 */
export interface Statistics {
  count: number;
  mean: number;
  std: number;
  min: number;
  max: number;
}

/**
 * Step 8 of the tutorial for one layer: how many neurons, and statistics of its weights and biases.
 *
 * @example
 * ```ts
 * const first: LayerStatistics = parameterStatistics(net)[0]!;
 * [first.layer, first.neurons, first.biases?.mean]; // → [1, 16, 0]
 * ```
 */
export interface LayerStatistics {
  /** 1-based layer number, as the tutorial prints it. */
  layer: number;
  neurons: number;
  weights: Statistics;
  /** `null` for a `Linear` layer built with `{ bias: false }`. */
  biases: Statistics | null;
}

function statistics(values: ArrayLike<number>): Statistics {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]!);
    max = Math.max(max, values[i]!);
  }
  return {
    count: values.length,
    mean: numpyMean(values),
    std: numpyStd(values),
    min,
    max,
  };
}

/**
 * Per-layer parameter statistics — what the tutorial's Step 8 ("What did the network learn?") computes
 * with `np.mean`, `np.std`, `min` and `max`. Layers are the from-scratch {@link NeuralNetwork}'s layers,
 * or every {@link Linear} inside a {@link Module} (depth first), where a neuron is a row of the weight.
 *
 * @example
 * ```ts
 * const [first] = parameterStatistics(net);
 * first.neurons; // → 16
 * first.weights.count; // → 32
 * ```
 */
export function parameterStatistics(model: NeuralNetwork | Module): LayerStatistics[] {
  if (model instanceof Module) {
    const linears = model.modules().filter((m): m is Linear => m instanceof Linear);
    return linears.map((layer, i) => ({
      layer: i + 1,
      neurons: layer.outFeatures,
      weights: statistics(layer.weight.data),
      biases: layer.bias === null ? null : statistics(layer.bias.data),
    }));
  }
  if (!(model instanceof NeuralNetwork)) {
    throw new TypeError(expected("parameterStatistics", "model to be a NeuralNetwork or a Module", model));
  }
  return model.layers.map((layer, i) => ({
    layer: i + 1,
    neurons: layer.neurons.length,
    weights: statistics(layer.neurons.flatMap((n) => n.w.map((w) => w.data))),
    biases: statistics(layer.neurons.map((n) => n.b.data)),
  }));
}

/**
 * The tutorial's Step 8 printout for {@link parameterStatistics} — per layer a blank line, then
 * `Layer i:`, `Neurons:`, `Weights: mean=…, std=…`, `Weight range: […, …]`, `Biases: mean=…, std=…`,
 * with Python's `:.4f` rounding.
 *
 * @example
 * ```ts
 * console.log(formatParameterStatistics(parameterStatistics(net)));
 * //
 * // Layer 1:
 * //   Neurons:      16
 * //   Weights:      mean=-0.1549, std=0.8484
 * //   …
 * ```
 */
export function formatParameterStatistics(stats: readonly LayerStatistics[]): string {
  const f = (x: number): string => formatFixed(x, 4);
  return stats
    .map((s) =>
      [
        "",
        `Layer ${s.layer}:`,
        `  Neurons:      ${s.neurons}`,
        `  Weights:      mean=${f(s.weights.mean)}, std=${f(s.weights.std)}`,
        `  Weight range: [${f(s.weights.min)}, ${f(s.weights.max)}]`,
        s.biases === null
          ? "  Biases:       none"
          : `  Biases:       mean=${f(s.biases.mean)}, std=${f(s.biases.std)}`,
      ].join("\n"),
    )
    .join("\n");
}
