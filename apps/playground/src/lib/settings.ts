/**
 * Every setting of a playground run, their limits, and the tutorial's values. The URL holds all of them
 * (see `url-state.ts`), so the same URL gives the same run.
 */

/** The datasets the playground generates; `csv` is data imported from a file. */
export const DATASETS = ["spirals", "moons", "circles", "xor", "blobs", "csv"] as const;
export type DatasetName = (typeof DATASETS)[number];

/** The two engines: the tutorial's `Value` network with plain SGD, or `Sequential`/`Linear` tensors. */
export const ENGINES = ["scratch", "framework"] as const;
export type EngineName = (typeof ENGINES)[number];

/** `numpy`: the Python tutorial's generators (NumPy + CPython); `seedrandom`: the library default. */
export const RNG_MODES = ["numpy", "seedrandom"] as const;
export type RngMode = (typeof RNG_MODES)[number];

export const ACTIVATIONS = ["relu", "tanh", "sigmoid", "leaky-relu"] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/** The framework engine's optimizers (the from-scratch engine always runs the tutorial's SGD). */
export const OPTIMIZERS = ["sgd", "adam"] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** A point added by clicking on the plane (it joins the training set). */
export interface AddedPoint {
  x: number;
  y: number;
  label: number;
}

export interface Settings {
  dataset: DatasetName;
  /** Points per class. */
  points: number;
  noise: number;
  /** Classes of the spirals and blobs (moons, circles and xor have 2). */
  classes: number;
  /** Share of the points used for training; the rest is the test set. */
  split: number;
  seed: number;
  rng: RngMode;
  /** Sizes of the hidden layers (0 to 6 layers of 1 to 64 neurons). */
  layers: number[];
  activation: ActivationName;
  engine: EngineName;
  optimizer: OptimizerName;
  lr: number;
  batch: number;
  epochs: number;
  /** Points added by clicking, in order. */
  added: AddedPoint[];
}

/** Inclusive limits of the numeric settings. */
export const LIMITS = {
  points: { min: 2, max: 1000, integer: true },
  noise: { min: 0, max: 2, integer: false },
  classes: { min: 2, max: 5, integer: true },
  split: { min: 0.1, max: 0.95, integer: false },
  seed: { min: 0, max: 4294967295, integer: true },
  lr: { min: 1e-6, max: 10, integer: false },
  batch: { min: 1, max: 1000, integer: true },
  epochs: { min: 1, max: 10000, integer: true },
  layerCount: { min: 0, max: 6, integer: true },
  neurons: { min: 1, max: 64, integer: true },
} as const;

export type NumericSetting = "points" | "noise" | "classes" | "split" | "seed" | "lr" | "batch" | "epochs";

/**
 * The tutorial's run (`pnpm demo`'s defaults): three spirals of 100 points, noise 0.15, an 80/20 split,
 * seed 42 with NumPy's generators, 2 → 16 → 16 → 3 with ReLU, from scratch, SGD lr 0.05, batch 16, 30 epochs.
 */
export const TUTORIAL: Readonly<Settings> = Object.freeze({
  dataset: "spirals",
  points: 100,
  noise: 0.15,
  classes: 3,
  split: 0.8,
  seed: 42,
  rng: "numpy",
  layers: [16, 16],
  activation: "relu",
  engine: "scratch",
  optimizer: "sgd",
  lr: 0.05,
  batch: 16,
  epochs: 30,
  added: [],
});

/** Named starting points for `?preset=`. */
export const PRESETS: Readonly<Record<string, Readonly<Settings>>> = Object.freeze({ tutorial: TUTORIAL });

/** A fresh copy of the tutorial's settings (what the page starts with). */
export function defaultSettings(): Settings {
  return { ...TUTORIAL, layers: [...TUTORIAL.layers], added: [] };
}

/** Classes of the dataset a setting produces: moons, circles and xor are two-class. */
export function classCount(settings: Pick<Settings, "dataset" | "classes">): number {
  return settings.dataset === "spirals" || settings.dataset === "blobs" || settings.dataset === "csv"
    ? settings.classes
    : 2;
}

/** The problem with a numeric setting's value, or null when it is within its limits. */
export function numericProblem(name: NumericSetting, value: number): string | null {
  const limit = LIMITS[name];
  if (!Number.isFinite(value)) return `${name}: expected a number, got ${String(value)}`;
  if (limit.integer && !Number.isInteger(value)) return `${name}: expected a whole number, got ${value}`;
  if (value < limit.min || value > limit.max) {
    return `${name}: expected ${limit.min} to ${limit.max}, got ${value}`;
  }
  return null;
}

/** The problem with a list of hidden-layer sizes, or null. */
export function layersProblem(layers: readonly number[]): string | null {
  if (layers.length > LIMITS.layerCount.max) {
    return `layers: expected at most ${LIMITS.layerCount.max} hidden layers, got ${layers.length}`;
  }
  const bad = layers.find((n) => !Number.isInteger(n) || n < LIMITS.neurons.min || n > LIMITS.neurons.max);
  if (bad !== undefined) {
    return `layers: expected ${LIMITS.neurons.min} to ${LIMITS.neurons.max} neurons per layer, got ${bad}`;
  }
  return null;
}
