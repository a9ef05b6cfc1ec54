import type { PlaneView } from "../lib/plane.js";
import type { PointSet } from "../lib/point-set.js";
import type { Settings } from "../lib/settings.js";
import type { LayerWeights } from "./engine.js";
import type { MapImages } from "./maps.js";

/** What the page asks the worker to set up: the settings, and the points of an imported file. */
export interface RunRequest {
  settings: Settings;
  imported: PointSet | null;
}

/** The run as set up: its points, the plane shown, and the layer sizes. */
export interface RunInfo {
  train: PointSet;
  test: PointSet;
  nClasses: number;
  view: PlaneView;
  /** `[2, …hidden, classes]`. */
  sizes: number[];
}

/** One trained epoch's numbers, and its CLI line if the tutorial prints that epoch. */
export interface EpochRecord {
  epoch: number;
  /** The tutorial's epoch loss (sum of the batches' mean losses). */
  loss: number;
  /** Mean training loss per batch (comparable with the test loss). */
  meanLoss: number;
  accuracy: number;
  testLoss: number;
  testAccuracy: number;
  line: string | null;
}

/** The state of training, sent to the page after epochs (records are the new ones since the last snapshot). */
export interface Snapshot {
  /** Epochs trained so far. */
  epoch: number;
  epochs: number;
  done: boolean;
  records: EpochRecord[];
  trainAccuracyText: string;
  testAccuracyText: string;
  weights: LayerWeights[];
  /** Null when the pictures were skipped (training faster than the page redraws). */
  maps: MapImages | null;
  /** Milliseconds of the last epoch (training only). */
  epochMs: number;
}

/** What the inspector shows of one neuron for one input point. */
export interface NeuronView {
  layer: number;
  index: number;
  /** The input point the graph was computed for. */
  point: [number, number];
  weights: number[];
  bias: number;
  /** The neuron's inputs at the point: (x1, x2) in layer 1, the previous layer's activations deeper. */
  inputs: number[];
  /** Pre-activation z and output a (a = z for an output neuron: a logit). */
  z: number;
  a: number;
  /** ∂a/∂w_j, ∂a/∂b from `backward()` on the neuron's graph. */
  weightGrads: number[];
  biasGrad: number;
  /** `toMermaid(a, { expandFused: true })`: micrograd's chain of `*` and `+`. */
  mermaid: string;
  /** `toDot(a, { expandFused: true })`, for Graphviz. */
  dot: string;
}
