import { countParameters, parameterStatistics } from "@neurogebra/nn";

import type { OnlyHalf, RngMode } from "./cli-options.js";
import type { Half, StepContext } from "./steps/tutorial-step.js";
import { resultOf } from "./steps/tutorial-step.js";

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

/** One half's `--json` entry, or null when the half did not run. */
function halfJson(context: StepContext, half: Half): HalfJson | null {
  const { options, timer } = context;
  const { net, model } = resultOf(context, "networks");
  const training = resultOf(context, "training")[half];
  const tested = resultOf(context, "testAccuracy")[half];
  const network = half === "fromScratch" ? net : model;
  if (network === null || training === null || tested === null) return null;
  return {
    label: half === "fromScratch" ? "Neurogebra" : "Framework",
    optimizer: half === "fromScratch" ? "SGD" : "Adam",
    learningRate: half === "fromScratch" ? options.lr : options.adamLr,
    parameters: countParameters(network.parameters()),
    history: training.history,
    epochLines: training.epochLines,
    finalTrainAccuracy: training.history.accuracy.at(-1)!,
    testAccuracy: tested.accuracy,
    testAccuracyLine: tested.line,
    testPredictions: Array.from(tested.predictions),
    layerStatistics: parameterStatistics(network).map((s) => ({
      layer: s.layer,
      neurons: s.neurons,
      weights: { ...s.weights },
      biases: s.biases === null ? null : { ...s.biases },
    })),
    timingsMs: {
      build: timer.ms(`${half}.build`),
      train: timer.ms(`${half}.train`),
      evaluate: timer.ms(`${half}.evaluate`),
      grid: timer.ms(`${half}.grid`),
    },
  };
}

/**
 * What `--json` prints, from the results of a run's stages.
 *
 * @example
 * ```ts
 * const result = tutorialJson(context, files);
 * ```
 */
export function tutorialJson(context: StepContext, files: string[]): TutorialJson {
  const { options, outDir, timer } = context;
  const { train, test } = resultOf(context, "dataset");
  const { grid } = resultOf(context, "boundaries");
  return {
    schemaVersion: 1,
    config: {
      seed: options.seed,
      epochs: options.epochs,
      lr: options.lr,
      adamLr: options.adamLr,
      batchSize: options.batchSize,
      points: options.points,
      noise: options.noise,
      rng: options.rng,
      only: options.only,
      plots: options.plots,
      export: outDir !== null && options.export,
      out: outDir,
    },
    dataset: { nTrain: train.y.length, nTest: test.y.length, nFeatures: 2, nClasses: 3 },
    softmaxDemo: resultOf(context, "softmax"),
    fromScratch: halfJson(context, "fromScratch"),
    framework: halfJson(context, "framework"),
    decisionGrid: { step: grid.step, nx: grid.xs.length, ny: grid.ys.length, points: grid.points.length / 2 },
    math: resultOf(context, "learned").math,
    codeComplexity: resultOf(context, "comparison").codeComplexity,
    timingsMs: {
      data: timer.ms("data"),
      figures: timer.ms("figures"),
      figuresWait: timer.ms("figuresWait"),
      report: timer.ms("report"),
      total: timer.sinceStart(),
    },
    files,
  };
}
