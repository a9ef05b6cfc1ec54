import type { CodeComplexityRow, TimedPart } from "../comparison-tables.js";
import {
  codeComplexityTable,
  measureCodeComplexity,
  understandingTable,
  wallTimeTable,
  whenToUseTable,
} from "../comparison-tables.js";
import type { Half, StepContext, TutorialStep } from "./tutorial-step.js";
import { resultOf } from "./tutorial-step.js";

/** The closing comparison's result: the measured code-complexity rows. */
export interface ComparisonResult {
  codeComplexity: CodeComplexityRow[];
}

/** The Python tutorial's wall times on this machine (python-run-seed42.txt), for the default settings. */
const pythonSeconds = {
  fromScratch: { train: 65.011, grid: 21.003 },
  framework: { train: 0.165, grid: 0.503 },
};

const pythonNote =
  "Python tutorial: the seed-42 reference run on the same 2-core machine (Neurogebra 2.5.10 Value, PyTorch 1.13 CPU). " +
  "This run: each part once, in a fresh process, so it includes V8 compiling the code (the JIT's warm-up); " +
  "`pnpm bench` measures the warmed-up speed.";

/** The Wall Time table's rows of one half that ran. */
function halfParts({ timer }: StepContext, half: Half, label: string): TimedPart[] {
  return [
    { part: `${label}: training`, ms: timer.ms(`${half}.train`), pythonSeconds: pythonSeconds[half].train },
    { part: `${label}: test accuracy`, ms: timer.ms(`${half}.evaluate`) },
    {
      part: `${label}: decision grid`,
      ms: timer.ms(`${half}.grid`),
      pythonSeconds: pythonSeconds[half].grid,
    },
  ];
}

/**
 * The tutorial's Final Comparison: code complexity measured from our sources, what each half teaches,
 * when to use each, and this run's wall times (after waiting for the figures, whose time is a row).
 *
 * @example
 * ```ts
 * await runStep(finalComparisonStage, context);
 * context.results.comparison?.codeComplexity[0]?.component; // "Neural network definition"
 * ```
 */
export const finalComparisonStage: TutorialStep<"comparison"> = {
  name: "comparison",
  section: "comparison",
  title: "Final Comparison",
  notes: { paragraphs: [], formulas: [] },

  async run(context) {
    const { options, timer, transcript, figures } = context;
    const training = resultOf(context, "training");
    const codeComplexity = measureCodeComplexity();
    transcript.table(codeComplexityTable(codeComplexity));
    transcript.table(understandingTable());
    transcript.table(whenToUseTable());

    const parts: TimedPart[] = [{ part: "Data: spirals + split", ms: timer.ms("data") }];
    if (training.fromScratch !== null) parts.push(...halfParts(context, "fromScratch", "From scratch"));
    if (training.framework !== null) parts.push(...halfParts(context, "framework", "Framework"));
    if (figures.enabled) {
      await timer.timeAsync("figuresWait", () => figures.settle());
      timer.record("figures", figures.drawingMs);
      const where = figures.inWorker ? "worker thread, overlaps training" : "main thread";
      parts.push(
        { part: `Figures, SVG + PNG (${where})`, ms: timer.ms("figures") },
        { part: "Main thread waiting for the figures", ms: timer.ms("figuresWait") },
      );
    }
    parts.push({ part: "Total (until this table)", ms: timer.sinceStart() });
    const defaults = options.epochs === 30 && options.points === 100 && options.batchSize === 16;
    transcript.table(wallTimeTable(parts, defaults ? pythonNote : undefined));
    return { codeComplexity };
  },
};
