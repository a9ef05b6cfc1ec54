import type { OnlyHalf, RngMode } from "./cli-options.js";

/** Summary statistics of a set of parameters (NumPy's mean and population std). */
export interface StatisticsJson {
  count: number;
  mean: number;
  std: number;
  min: number;
  max: number;
}

/** One layer's parameter statistics (Step 8). */
export interface LayerStatisticsJson {
  layer: number;
  neurons: number;
  weights: StatisticsJson;
  biases: StatisticsJson | null;
}

/** The results of one half of the tutorial. */
export interface HalfJson {
  /** The tutorial's name for the half: "Neurogebra" (from scratch) or "Framework". */
  label: string;
  optimizer: "SGD" | "Adam";
  learningRate: number;
  parameters: number;
  /** Per-epoch summed batch loss and training accuracy (fractions). */
  history: { loss: number[]; accuracy: number[] };
  /** The printed epoch lines (every fifth epoch and the last), Python-formatted. */
  epochLines: string[];
  finalTrainAccuracy: number;
  testAccuracy: number;
  /** e.g. "Neurogebra Test Accuracy: 93.3%". */
  testAccuracyLine: string;
  /** Predicted class of each test point, in test-set order. */
  testPredictions: number[];
  layerStatistics: LayerStatisticsJson[];
  /** Wall time in milliseconds: building the net, training, test evaluation, decision grid. */
  timingsMs: { build: number; train: number; evaluate: number; grid: number };
}

/**
 * What `--json` prints (schema version 1). Fields are only ever added in a version; a rename or
 * removal bumps `schemaVersion`.
 */
export interface TutorialJson {
  schemaVersion: 1;
  config: {
    seed: number;
    epochs: number;
    lr: number;
    adamLr: number;
    batchSize: number;
    points: number;
    noise: number;
    rng: RngMode;
    only: OnlyHalf;
    plots: boolean;
    /** Whether model.safetensors, model.onnx and train_more.py were written (false with --no-export or --no-plots). */
    export: boolean;
    /** Absolute output directory, or null with `--no-plots`. */
    out: string | null;
  };
  dataset: { nTrain: number; nTest: number; nFeatures: number; nClasses: number };
  softmaxDemo: {
    scores: number[];
    target: number;
    probabilities: number[];
    loss: number;
    frameworkLoss: number;
  };
  fromScratch: HalfJson | null;
  framework: HalfJson | null;
  /** Step 7's grid: step 0.02 over [min − 0.5, max + 0.5) of the test points. */
  decisionGrid: { step: number; nx: number; ny: number; points: number };
  /** Step 8's symbolic math from @neurogebra/symbolic. */
  math: {
    relu: string;
    reluGradient: string;
    reluLatex: string;
    reluGradientLatex: string;
    values: { reluAt2: number; reluAtMinus2: number; gradientAt2: number; gradientAtMinus2: number };
    /** The formula evaluated on autograd Values, then backward(): d/dx at 2 and −2. */
    autogradGradients: { at2: number; atMinus2: number };
  };
  /** Lines of code per component, measured from our sources at run time (null: source not on disk). */
  codeComplexity: { component: string; fromScratch: number | null; framework: number | null }[];
  /**
   * Wall time in milliseconds: data; figures = from the first figure request to the last PNG written
   * (in the output worker, overlapping training); figuresWait = main thread blocked on them; report;
   * total run.
   */
  timingsMs: { data: number; figures: number; figuresWait: number; report: number; total: number };
  /** Files written, relative to `config.out`. */
  files: string[];
}
