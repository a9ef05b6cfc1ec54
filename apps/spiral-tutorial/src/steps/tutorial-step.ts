import type { TutorialOptions } from "../cli-options.js";
import type { ExportResult } from "../export-model.js";
import type { FigureQueue } from "../figure-queue.js";
import type { TrainingProgress } from "../progress.js";
import type { ReportFormula } from "../report/report-html.js";
import type { Timer } from "../timer.js";
import type { Transcript } from "../transcript.js";
import type { TutorialRngs } from "../tutorial-rngs.js";
import type { ComparisonResult } from "./final-comparison.js";
import type { DatasetResult } from "./step-1-dataset.js";
import type { NetworksResult } from "./step-2-both-networks.js";
import type { SoftmaxResult } from "./step-3-softmax-cross-entropy.js";
import type { TrainingResult } from "./step-4-training.js";
import type { CurvesResult } from "./step-5-training-curves.js";
import type { TestAccuracyResult } from "./step-6-test-accuracy.js";
import type { BoundariesResult } from "./step-7-decision-boundaries.js";
import type { LearnedResult } from "./step-8-what-the-network-learned.js";

/** The tutorial's two halves, under the names `--json` uses. */
export type Half = "fromScratch" | "framework";

/** The work the run times, one name per field of `--json`'s `timingsMs`. */
export type TimedWork =
  "data" | "figures" | "figuresWait" | "report" | `${Half}.${"build" | "train" | "evaluate" | "grid"}`;

/** What each stage returns, by name: what the later stages and `--json` read. */
export interface StepResults {
  dataset: DatasetResult;
  networks: NetworksResult;
  softmax: SoftmaxResult;
  training: TrainingResult;
  curves: CurvesResult;
  testAccuracy: TestAccuracyResult;
  boundaries: BoundariesResult;
  learned: LearnedResult;
  comparison: ComparisonResult;
  export: ExportResult;
}

/** What every step works with: the settings, where it prints and draws, and the earlier results. */
export interface StepContext {
  readonly options: TutorialOptions;
  /** The output folder, resolved; null with `--no-plots`. */
  readonly outDir: string | null;
  readonly rngs: TutorialRngs;
  readonly transcript: Transcript;
  readonly progress: TrainingProgress;
  readonly timer: Timer<TimedWork>;
  readonly figures: FigureQueue;
  /** The results of the stages that ran so far. */
  readonly results: Partial<StepResults>;
}

/** What report.html explains beside a step's output: a few sentences and the formulas. */
export interface StepNotes {
  paragraphs: readonly string[];
  formulas: readonly ReportFormula[];
}

/**
 * One stage of the run: a numbered step of the tutorial, or a closing stage. It prints under its own
 * heading (and report section) and returns its result, kept in `context.results[name]`.
 *
 * @example
 * ```ts
 * const step: TutorialStep<"softmax"> = { name: "softmax", section: "step-3", title: "Step 3: …", notes, run };
 * ```
 */
export interface TutorialStep<Name extends keyof StepResults> {
  name: Name;
  /** The report section's id, e.g. `step-3`. */
  section: string;
  title: string;
  notes: StepNotes;
  /** Whether the stage runs with these settings (when absent: always). */
  runsIn?: (context: StepContext) => boolean;
  run(context: StepContext): StepResults[Name] | Promise<StepResults[Name]>;
}

/**
 * Runs one stage: its heading and notes, then `run`, whose result joins `context.results`.
 *
 * @example
 * ```ts
 * for (const step of steps) await runStep(step, context);
 * ```
 */
export async function runStep<Name extends keyof StepResults>(
  step: TutorialStep<Name>,
  context: StepContext,
): Promise<void> {
  if (step.runsIn?.(context) === false) return;
  context.transcript.section(step.section, step.title, step.notes.paragraphs);
  for (const formula of step.notes.formulas) context.transcript.formula(formula);
  context.results[step.name] = await step.run(context);
}

/**
 * The result of an earlier stage; throws if that stage has not run.
 *
 * @example
 * ```ts
 * const { train, test } = resultOf(context, "dataset");
 * ```
 */
export function resultOf<Name extends keyof StepResults>(
  context: StepContext,
  name: Name,
): StepResults[Name] {
  const result = context.results[name];
  if (result === undefined) {
    throw new Error(`resultOf: expected the "${name}" stage to have run before, got no result`);
  }
  return result;
}
