// A small StepContext for running one tutorial step in a test: the terminal lines are kept, and
// figures are recorded (their data, not drawn).
import type { TutorialOptions } from "../src/cli-options.js";
import { defaultOptions } from "../src/cli-options.js";
import type { FigureWriter } from "../src/figure-queue.js";
import { FigureQueue } from "../src/figure-queue.js";
import type { FigureRequest } from "../src/output-jobs.js";
import { plainProgress } from "../src/progress.js";
import type { StepContext, StepResults, TimedWork, TutorialStep } from "../src/steps/tutorial-step.js";
import { runStep } from "../src/steps/tutorial-step.js";
import { Timer } from "../src/timer.js";
import { Transcript } from "../src/transcript.js";
import { createTutorialRngs } from "../src/tutorial-rngs.js";

export interface TestRun {
  context: StepContext;
  /** What the terminal shows, line by line (epoch lines included). */
  lines: string[];
  /** The figures asked for, by name, with the data they would show. */
  figures: Map<string, FigureRequest>;
}

/**
 * A context with the tutorial's options changed by `overrides`. Figures are on (recorded) unless
 * `plots: false`; `outDir` is where the export stage writes.
 */
export function stepContext(overrides: Partial<TutorialOptions> = {}, outDir: string | null = null): TestRun {
  const options: TutorialOptions = { ...defaultOptions, ...overrides };
  const lines: string[] = [];
  const figures = new Map<string, FigureRequest>();
  const recorder: FigureWriter = {
    inWorker: false,
    figure: (name, request) => {
      figures.set(name, request);
      return Promise.resolve({ svg: `<svg id="${name}"/>`, ms: 0 });
    },
  };
  const transcript = new Transcript((line) => lines.push(line));
  const context: StepContext = {
    options,
    outDir,
    rngs: createTutorialRngs(options.seed, options.rng),
    transcript,
    progress: plainProgress((line) => lines.push(line)),
    timer: new Timer<TimedWork>(),
    figures: new FigureQueue(options.plots ? recorder : null, transcript, options.out),
    results: {},
  };
  return { context, lines, figures };
}

/** Runs `steps` in order, as the tutorial does (e.g. the earlier steps the step under test needs). */
export async function runSteps(
  context: StepContext,
  steps: readonly TutorialStep<keyof StepResults>[],
): Promise<void> {
  for (const step of steps) await runStep(step, context);
}
