import { noGrad, tensor } from "@neurogebra/autograd";
import type { Tensor } from "@neurogebra/autograd";
import type { NeuralNetwork, Sequential } from "@neurogebra/nn";
import { Linear } from "@neurogebra/nn";

import type { PlaneGrid } from "./decision-grid.js";

/** A dense layer's parameters copied out as tensors: `weight` [out, in], `bias` [out]. */
export interface DenseWeights {
  weight: Tensor;
  bias: Tensor;
  activation: "relu" | "tanh" | "sigmoid" | "linear";
}

/**
 * The from-scratch network's current weights as tensors, one entry per layer (neuron j's weights
 * are row j), so a whole grid goes through in a few batched matrix products instead of one `Value`
 * graph per point.
 *
 * @example
 * ```ts
 * const layers = denseWeightsOf(net); // [{ weight: [16, 2], … }, { weight: [16, 16], … }, { weight: [3, 16], … }]
 * ```
 */
export function denseWeightsOf(net: NeuralNetwork): DenseWeights[] {
  return net.layers.map((layer, i) => {
    const nIn = layer.neurons[0]!.w.length;
    const weight = new Float64Array(layer.neurons.length * nIn);
    const bias = new Float64Array(layer.neurons.length);
    layer.neurons.forEach((neuron, j) => {
      neuron.w.forEach((w, k) => (weight[j * nIn + k] = w.data));
      bias[j] = neuron.b.data;
    });
    return {
      weight: tensor(weight, [layer.neurons.length, nIn]),
      bias: tensor(bias, [layer.neurons.length]),
      activation: net.activations[i]!,
    };
  });
}

function activate(x: Tensor, activation: DenseWeights["activation"]): Tensor {
  switch (activation) {
    case "relu":
      return x.relu();
    case "tanh":
      return x.tanh();
    case "sigmoid":
      return x.sigmoid();
    case "linear":
      return x;
    default: {
      const never: never = activation;
      throw new RangeError(`activate: unknown activation ${String(never)}`);
    }
  }
}

/**
 * A batched forward function over dense layers.
 *
 * @example
 * ```ts
 * const scores = denseForward(denseWeightsOf(net))(tensor(points, [n, 2]));
 * ```
 */
export function denseForward(layers: readonly DenseWeights[]): (x: Tensor) => Tensor {
  return (x) =>
    layers.reduce((out, layer) => activate(out.linear(layer.weight, layer.bias), layer.activation), x);
}

/**
 * The predicted class at every grid point: one batched forward pass (no graph), argmax per row.
 *
 * @example
 * ```ts
 * const classes = classifyGrid(denseForward(denseWeightsOf(net)), decisionGrid(XTest));
 * ```
 */
export function classifyGrid(forward: (x: Tensor) => Tensor, grid: PlaneGrid): Int32Array {
  const n = grid.points.length / 2;
  return noGrad(() => forward(tensor(grid.points, [n, 2]))).argmax(1);
}

/**
 * The first layer of a framework model, as weight rows and biases.
 *
 * @example
 * ```ts
 * const first = firstLinearOf(model); // { weight: [16, 2], bias: [16] }
 * ```
 */
export function firstLinearOf(model: Sequential): DenseWeights {
  const linear = model.modules().find((module): module is Linear => module instanceof Linear);
  if (linear === undefined || linear.bias === null) {
    throw new TypeError("firstLinearOf: expected a model whose first Linear layer has a bias");
  }
  return { weight: linear.weight.detach(), bias: linear.bias.detach(), activation: "relu" };
}

/**
 * Step 8's neuron maps: the outputs of the first `count` neurons of a layer over the grid, one
 * `Float64Array` (grid order) per neuron.
 *
 * @example
 * ```ts
 * const maps = neuronActivations(denseWeightsOf(net)[0]!, planeGrid([-1.5, 1.5], [-1.5, 1.5], 0.05), 8);
 * ```
 */
export function neuronActivations(layer: DenseWeights, grid: PlaneGrid, count: number): Float64Array[] {
  const n = grid.points.length / 2;
  const nNeurons = Math.min(count, layer.weight.shape[0]!);
  const outputs = noGrad(() =>
    activate(tensor(grid.points, [n, 2]).linear(layer.weight, layer.bias), layer.activation),
  );
  const width = layer.weight.shape[0]!;
  return Array.from({ length: nNeurons }, (_, k) => {
    const values = new Float64Array(n);
    for (let p = 0; p < n; p++) values[p] = outputs.data[p * width + k]!;
    return values;
  });
}
