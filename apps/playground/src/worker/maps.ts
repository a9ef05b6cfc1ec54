import { noGrad, tensor } from "@neurogebra/autograd";
import type { Tensor } from "@neurogebra/autograd";

import { divergingPixel, probabilityPixel, regionPixel } from "../lib/colors.js";
import { NEURON_MAP_SIZE, gridPoints } from "../lib/plane.js";
import type { PlaneView } from "../lib/plane.js";
import type { ActivationName } from "../lib/settings.js";
import { activate } from "./activation.js";
import type { LayerWeights } from "./engine.js";

/** The pictures of the network: its decision regions and every neuron's map, as RGBA pixels. */
export interface MapImages {
  /** `width × height` pixels, top row first: the softmax probabilities as mixed class colours. */
  decision: Uint8ClampedArray;
  /** The decision grid's size: the view's grid, or a coarser one for a network too big to redraw it often. */
  width: number;
  height: number;
  /** Each neuron's map, `NEURON_MAP_SIZE²` pixels, layer after layer (hidden layers, then the outputs). */
  neurons: Uint8ClampedArray;
  /** Milliseconds spent on the decision map (forward pass + colouring) and on the neuron maps. */
  decisionMs: number;
  neuronMs: number;
}

/**
 * Every layer's outputs for `points` (n×2), one batched pass without a graph: hidden activations, then
 * the softmax probabilities (unless `lastIsOutput` is false: then every layer given is hidden).
 */
export function layerOutputs(
  weights: readonly LayerWeights[],
  activation: ActivationName,
  points: Float64Array,
  lastIsOutput = true,
): Tensor[] {
  return noGrad(() => {
    let h = tensor(points, [points.length / 2, 2]);
    return weights.map((layer, i) => {
      const z = h.linear(
        tensor(layer.weight, [layer.outFeatures, layer.inFeatures]),
        tensor(layer.bias, [layer.outFeatures]),
      );
      h = i < weights.length - 1 || !lastIsOutput ? activate(activation, z) : z.softmax(1);
      return h;
    });
  });
}

/** Most multiply-adds one decision map may take (~10 ms); a bigger network gets a coarser grid. */
const DECISION_BUDGET = 12e6;

/** The side of the decision grid for this network: the view's, unless that would exceed the budget. */
export function decisionSide(weights: readonly LayerWeights[], view: PlaneView): number {
  const perPoint = weights.reduce((s, l) => s + l.inFeatures * l.outFeatures, 0);
  return Math.min(view.nx, Math.max(24, Math.floor(Math.sqrt(DECISION_BUDGET / perPoint))));
}

/** The decision regions over a `side × side` grid of the view (every point classified in one batched pass). */
export function decisionImage(
  weights: readonly LayerWeights[],
  activation: ActivationName,
  view: PlaneView,
  side = view.nx,
): Uint8ClampedArray {
  const outputs = layerOutputs(weights, activation, gridPoints(view, side, side)).at(-1)!;
  const k = outputs.shape[1]!;
  const p = outputs.data;
  const n = side * side;
  const image = new Uint8ClampedArray(4 * n);
  for (let i = 0; i < n; i++) regionPixel(p, i * k, k, image, 4 * i);
  return image;
}

/**
 * Each neuron's output over the plane on a coarse grid: hidden neurons on the diverging scale (scaled by
 * the largest |activation| of that neuron), output neurons as their class probability 0 … 1 in the
 * class's colour.
 */
export function neuronImages(
  weights: readonly LayerWeights[],
  activation: ActivationName,
  view: PlaneView,
): Uint8ClampedArray {
  const size = NEURON_MAP_SIZE;
  const cells = size * size;
  const outputs = layerOutputs(weights, activation, gridPoints(view, size, size));
  const total = weights.reduce((s, l) => s + l.outFeatures, 0);
  const image = new Uint8ClampedArray(4 * cells * total);
  let neuron = 0;
  outputs.forEach((out, l) => {
    const width = weights[l]!.outFeatures;
    const data = out.data;
    const isOutput = l === weights.length - 1;
    for (let j = 0; j < width; j++, neuron++) {
      let scale = isOutput ? 1 : 0;
      if (!isOutput) for (let c = 0; c < cells; c++) scale = Math.max(scale, Math.abs(data[c * width + j]!));
      const base = 4 * cells * neuron;
      for (let c = 0; c < cells; c++) {
        if (isOutput) probabilityPixel(j, data[c * width + j]!, image, base + 4 * c);
        else divergingPixel(data[c * width + j]!, scale, image, base + 4 * c);
      }
    }
  });
  return image;
}

/** Both pictures, timed. */
export function mapImages(
  weights: readonly LayerWeights[],
  activation: ActivationName,
  view: PlaneView,
): MapImages {
  let start = performance.now();
  const side = decisionSide(weights, view);
  const decision = decisionImage(weights, activation, view, side);
  const decisionMs = performance.now() - start;
  start = performance.now();
  const neurons = neuronImages(weights, activation, view);
  return { decision, width: side, height: side, neurons, decisionMs, neuronMs: performance.now() - start };
}
