import type { PointSet } from "../lib/point-set.js";

/** One fully connected layer's weights as a snapshot: `weight` is out × in, row-major (PyTorch's layout). */
export interface LayerWeights {
  inFeatures: number;
  outFeatures: number;
  weight: Float64Array;
  bias: Float64Array;
}

/** What one epoch of training reports, as the tutorial's loop computes it. */
export interface EpochResult {
  /** The tutorial's epoch loss: the sum of the mini-batches' mean losses. */
  loss: number;
  /** Training accuracy counted during the epoch (before each batch's update). */
  accuracy: number;
  /** Number of mini-batches. */
  batches: number;
}

/** Test-set numbers: mean loss, accuracy and each point's predicted class. */
export interface Evaluation {
  loss: number;
  accuracy: number;
  predictions: Int32Array;
}

/** A network that trains on 2-D points, whichever engine it runs on. */
export interface Engine {
  /** One epoch over `train`: shuffle, mini-batches, update — the tutorial's loop. */
  trainEpoch(train: PointSet): EpochResult;
  /** Loss, accuracy and predictions without recording a graph. */
  evaluate(data: PointSet): Evaluation;
  /** The current weights, layer by layer (hidden layers, then the output layer). */
  weights(): LayerWeights[];
  /** The model as `@neurogebra/nn`'s state-dict JSON (`save`). */
  save(): string;
  /** Loads a state dict (keys of either engine); throws a `StateDictError` that says what does not fit. */
  load(state: unknown): void;
}
