import type { TutorialOptions } from "./cli-options.js";
import { FigureQueue } from "./figure-queue.js";
import { prepareOutputDir } from "./output-dir.js";
import type { OutputWorkerFactory } from "./output-writer.js";
import { defaultOutputWorker, OutputWriter } from "./output-writer.js";
import type { TrainingProgress } from "./progress.js";
import type { ReportInput } from "./report/report-html.js";
import { exportStage } from "./steps/export-the-network.js";
import { finalComparisonStage } from "./steps/final-comparison.js";
import { datasetStep } from "./steps/step-1-dataset.js";
import { bothNetworksStep } from "./steps/step-2-both-networks.js";
import { softmaxStep } from "./steps/step-3-softmax-cross-entropy.js";
import { trainingStep } from "./steps/step-4-training.js";
import { trainingCurvesStep } from "./steps/step-5-training-curves.js";
import { testAccuracyStep } from "./steps/step-6-test-accuracy.js";
import { decisionBoundariesStep } from "./steps/step-7-decision-boundaries.js";
import { whatTheNetworkLearnedStep } from "./steps/step-8-what-the-network-learned.js";
import type { StepContext, TimedWork } from "./steps/tutorial-step.js";
import { resultOf, runStep } from "./steps/tutorial-step.js";
import { Timer } from "./timer.js";
import { Transcript } from "./transcript.js";
import type { TutorialJson } from "./tutorial-result.js";
import { tutorialJson } from "./tutorial-result.js";
import { createTutorialRngs } from "./tutorial-rngs.js";

/** Where a run writes: terminal lines (silent with `--json`) and the training progress display. */
export interface TutorialIo {
  write: (line: string) => void;
  progress: TrainingProgress;
  /** Where figures and the report are drawn (default: the built output worker, if present). */
  createOutputWorker?: OutputWorkerFactory;
}

/**
 * The run, in the order it prints: the tutorial's eight steps, its Final Comparison, then the Export
 * (a closing stage of ours, not a tutorial step: it runs only when files are written).
 */
const steps = [
  datasetStep,
  bothNetworksStep,
  softmaxStep,
  trainingStep,
  trainingCurvesStep,
  testAccuracyStep,
  decisionBoundariesStep,
  whatTheNetworkLearnedStep,
  finalComparisonStage,
  exportStage,
] as const;

/**
 * Runs the whole tutorial — the eight steps of "Neural Network from Scratch", both halves, the
 * figures and report.html — printing the tutorial's lines through `io`, and returns the `--json`
 * results. `--out` is checked before any training.
 *
 * @throws OutputDirError when `options.out` cannot be written (only when plots are on).
 * @example
 * ```ts
 * const result = await runTutorial({ ...defaultOptions, plots: false }, { write: console.log, progress: plainProgress(console.log) });
 * result.fromScratch?.testAccuracyLine; // "Neurogebra Test Accuracy: 93.3%"
 * ```
 */
export async function runTutorial(options: TutorialOptions, io: TutorialIo): Promise<TutorialJson> {
  const timer = new Timer<TimedWork>();
  const outDir = options.plots ? prepareOutputDir(options.out) : null;
  const writer =
    outDir === null ? null : new OutputWriter(outDir, io.createOutputWorker ?? defaultOutputWorker);
  try {
    const rngs = createTutorialRngs(options.seed, options.rng);
    const transcript = new Transcript(io.write);
    const figures = new FigureQueue(writer, transcript, options.out);
    const context: StepContext = {
      options,
      outDir,
      rngs,
      transcript,
      progress: io.progress,
      timer,
      figures,
      results: {},
    };
    return await runSteps(context, writer);
  } finally {
    await writer?.close();
  }
}

/** The header, every stage in order, then report.html; returns the `--json` results. */
async function runSteps(context: StepContext, writer: OutputWriter | null): Promise<TutorialJson> {
  const { rngs, transcript, timer, figures, results } = context;
  transcript.note("Neural Network from Scratch — Neurogebra vs the framework way (TypeScript)");
  transcript.note(`Random numbers: ${rngs.description}`);
  transcript.note("");
  for (const step of steps) await runStep(step, context);
  if (writer === null) return tutorialJson(context, []);
  await timer.timeAsync("report", () => writer.report(reportOf(context)));
  return tutorialJson(context, [...figures.files, "report.html", ...(results.export?.files ?? [])]);
}

/** report.html: the settings and test accuracies on top, then the transcript's sections. */
function reportOf(context: StepContext): ReportInput {
  const { options, rngs, transcript } = context;
  const tested = resultOf(context, "testAccuracy");
  return {
    title: "Neural Network from Scratch — Neurogebra vs the framework way",
    summary: [
      `seed ${options.seed} · ${options.epochs} epochs · SGD lr ${options.lr} (from scratch) · Adam lr ${options.adamLr} (framework) · batch ${options.batchSize} · ${options.points} points per class · noise ${options.noise}`,
      `Random numbers: ${rngs.description}`,
      [tested.fromScratch?.line, tested.framework?.line].filter((line) => line !== undefined).join(" · "),
    ],
    sections: transcript.sections,
  };
}
