import { join } from "node:path";

import { tensor, Value } from "@neurogebra/autograd";
import { generateSpirals, trainTestSplit } from "@neurogebra/datasets";
import { CrossEntropyLoss, softmaxCrossEntropy } from "@neurogebra/losses";
import type { LayerStatistics, NeuralNetwork, Sequential } from "@neurogebra/nn";
import {
  countParameters,
  formatFixed,
  formatParameterStatistics,
  formatPercent,
  parameterStatistics,
} from "@neurogebra/nn";

import type { TutorialOptions } from "./cli-options.js";
import type { TimedPart } from "./comparison-tables.js";
import {
  codeComplexityTable,
  measureCodeComplexity,
  understandingTable,
  wallTimeTable,
  whenToUseTable,
} from "./comparison-tables.js";
import { decisionGrid, planeGrid } from "./decision-grid.js";
import type { TrainingHistory } from "./epoch-line.js";
import { divergedEpoch, formatEpochLine, isPrintedEpoch } from "./epoch-line.js";
import { exportModel, exportRequestFor } from "./export-model.js";
import { halfColors } from "./figures/colors.js";
import { buildFrameworkNetwork, evaluateFramework, trainFramework } from "./framework-half.js";
import type { Evaluation, LabelledData } from "./from-scratch-half.js";
import { buildFromScratchNetwork, evaluateFromScratch, trainFromScratch } from "./from-scratch-half.js";
import {
  classifyGrid,
  denseForward,
  denseWeightsOf,
  firstLinearOf,
  neuronActivations,
} from "./network-maps.js";
import { prepareOutputDir } from "./output-dir.js";
import type { FigureRequest } from "./output-jobs.js";
import type { OutputWorkerFactory } from "./output-writer.js";
import { defaultOutputWorker, OutputWriter } from "./output-writer.js";
import type { TrainingProgress } from "./progress.js";
import { formatFloatRepr } from "./python-format.js";
import { reluMath } from "./relu-math.js";
import { stepNotes } from "./step-notes.js";
import type { ReportFigure } from "./report/report-html.js";
import { Transcript } from "./transcript.js";
import type { HalfJson, TutorialJson } from "./tutorial-result.js";
import { createTutorialRngs } from "./tutorial-rngs.js";

/** Where a run writes: terminal lines (silent with `--json`) and the training progress display. */
export interface TutorialIo {
  write: (line: string) => void;
  progress: TrainingProgress;
  /** Where figures and the report are drawn (default: the built output worker, if present). */
  createOutputWorker?: OutputWorkerFactory;
}

/** The Python tutorial's wall times on this machine (python-run-seed42.txt), for the default settings. */
const pythonSeconds = { neuroTrain: 65.011, torchTrain: 0.165, neuroBoundary: 21.003, torchBoundary: 0.503 };

const rule50 = "=".repeat(50);
const rule60 = "=".repeat(60);

function elapsed(since: number): number {
  return performance.now() - since;
}

function statisticsJson(statistics: readonly LayerStatistics[]): HalfJson["layerStatistics"] {
  return statistics.map((s) => ({
    layer: s.layer,
    neurons: s.neurons,
    weights: { ...s.weights },
    biases: s.biases === null ? null : { ...s.biases },
  }));
}

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
  const started = performance.now();
  const outDir = options.plots ? prepareOutputDir(options.out) : null;
  const writer =
    outDir === null ? null : new OutputWriter(outDir, io.createOutputWorker ?? defaultOutputWorker);
  try {
    return await runSteps(options, io, started, outDir, writer);
  } finally {
    await writer?.close();
  }
}

async function runSteps(
  options: TutorialOptions,
  io: TutorialIo,
  started: number,
  outDir: string | null,
  writer: OutputWriter | null,
): Promise<TutorialJson> {
  const runFromScratch = options.only !== "framework";
  const runFramework = options.only !== "from-scratch";
  const rngs = createTutorialRngs(options.seed, options.rng);
  const transcript = new Transcript(io.write);
  const section = (id: string, title: string): void => {
    transcript.section(id, title, stepNotes[id]?.paragraphs ?? []);
    for (const formula of stepNotes[id]?.formulas ?? []) transcript.formula(formula);
  };
  io.write("Neural Network from Scratch — Neurogebra vs the framework way (TypeScript)");
  io.write(`Random numbers: ${rngs.description}`);
  io.write("");

  // ── Step 1 ──
  section("step-1", "Step 1: Generate the Spiral Dataset");
  let since = performance.now();
  const dataset = generateSpirals({
    pointsPerClass: options.points,
    classes: 3,
    noise: options.noise,
    rng: rngs.data,
  });
  const split = trainTestSplit(dataset, { trainFraction: 0.8, rng: rngs.data });
  const train: LabelledData = { X: split.XTrain, y: split.yTrain };
  const test: LabelledData = { X: split.XTest, y: split.yTest };
  const dataMs = elapsed(since);
  transcript.line(`Training: ${train.y.length} samples`);
  transcript.line(`Testing:  ${test.y.length} samples`);
  transcript.line("Classes:  3 spirals");
  transcript.line("Features: 2 (x, y coordinates)");
  let firstFigureAt = Infinity;
  let lastFigureAt = -Infinity;
  const drawing: Promise<void>[] = [];
  const addFigure = (name: string, alt: string, request: () => FigureRequest): void => {
    if (writer === null) return;
    const figure: ReportFigure = { file: `${name}.svg`, svg: "", alt };
    transcript.figure(figure);
    firstFigureAt = Math.min(firstFigureAt, performance.now());
    const done = writer.figure(name, request()).then((drawn) => {
      figure.svg = drawn.svg;
      lastFigureAt = Math.max(lastFigureAt, performance.now());
    });
    done.catch(() => {}); // awaited (and rethrown) before the report; this only marks it handled
    drawing.push(done);
    transcript.note(`  → ${join(options.out, name)}.svg / .png`);
  };
  addFigure("dataset", "Training points of the three spirals", () => ({
    kind: "dataset",
    train: { ...train, nClasses: 3 },
  }));

  // ── Step 2 ──
  section("step-2", "Step 2: Build the Neural Network");
  since = performance.now();
  const net: NeuralNetwork | null = runFromScratch ? buildFromScratchNetwork(rngs.fromScratchInit) : null;
  const netBuildMs = elapsed(since);
  since = performance.now();
  const model: Sequential | null = runFramework ? buildFrameworkNetwork(rngs.framework) : null;
  const modelBuildMs = elapsed(since);
  if (net !== null) for (const text of net.summary().split("\n")) transcript.line(text);
  if (model !== null) {
    if (net !== null) transcript.line();
    transcript.line("Framework Neural Network (Sequential, Linear + ReLU):");
    transcript.line("  Architecture: 2 → 16 → 16 → 3");
    transcript.line(`  Parameters:   ${countParameters(model.parameters())}`);
    transcript.line("  (PyTorch's Linear init, U(-1/√fan_in, 1/√fan_in), drawn from our seeded generator —");
    transcript.line("   not torch's, so its numbers differ from the Python run's PyTorch half)");
  }

  // ── Step 3 ──
  section("step-3", "Step 3: Softmax & Cross-Entropy Loss");
  const dummyScores = [2.0, 1.0, 0.1];
  const demo = softmaxCrossEntropy(
    dummyScores.map((s) => new Value(s)),
    0,
  );
  const probabilities = demo.probabilities.map((p) => p.data);
  transcript.line("=== Softmax + Cross-Entropy Demo ===");
  transcript.line(`Raw scores: [${dummyScores.map((s) => formatFixed(s, 1)).join(", ")}]`);
  transcript.line(`Probabilities: [${probabilities.map((p) => formatFixed(p, 3)).join(", ")}]`);
  const probabilitySum = probabilities.reduce((a, b) => a + b, 0);
  transcript.line(`Sum of probs: ${formatFixed(probabilitySum, 3)} (should be 1.0)`);
  transcript.line(`Loss (target=class 0): ${formatFixed(demo.loss.data, 4)}`);
  transcript.line("(Lower loss = higher confidence in correct class)");
  const frameworkDemoLoss = new CrossEntropyLoss().forward(tensor([dummyScores]), [0]).item();
  transcript.line();
  transcript.line(
    `Framework, in one call: new CrossEntropyLoss().forward(scores, [0]) = ${formatFixed(frameworkDemoLoss, 4)}`,
  );

  // ── Step 4 ──
  section("step-4", "Step 4: Train Both Networks");
  const trainHalf = (
    label: string,
    learningRate: number,
    run: (onEpoch: (epoch: number, loss: number, accuracy: number) => void) => TrainingHistory,
  ): { history: TrainingHistory; epochLines: string[]; ms: number } => {
    const epochLines: string[] = [];
    transcript.line(`Training ${label} Neural Network...`);
    transcript.line(rule50);
    io.progress.start(label, options.epochs);
    const trainStarted = performance.now();
    const history = run((epoch, loss, accuracy) => {
      io.progress.update(epoch + 1, loss);
      if (!isPrintedEpoch(epoch, options.epochs)) return;
      const text = formatEpochLine(epoch, options.epochs, loss, accuracy);
      epochLines.push(text);
      transcript.record(text);
      io.progress.log(text);
    });
    const ms = elapsed(trainStarted);
    io.progress.stop();
    transcript.line();
    transcript.line(`Final Training Accuracy: ${formatPercent(history.accuracy.at(-1)!, 1)}`);
    const diverged = divergedEpoch(history);
    if (diverged !== null) {
      transcript.line(
        `Training diverged: the loss is ${formatFixed(history.loss[diverged]!, 4)} from epoch ${diverged} on ` +
          `(learning rate ${learningRate} is too large?), so the numbers below describe a broken network.`,
      );
    }
    return { history, epochLines, ms };
  };
  const scratchTraining =
    net === null
      ? null
      : trainHalf("Neurogebra", options.lr, (onEpoch) =>
          trainFromScratch(net, train, {
            epochs: options.epochs,
            learningRate: options.lr,
            batchSize: options.batchSize,
            shuffleRng: rngs.data,
            onEpoch,
          }),
        );
  if (scratchTraining !== null && model !== null) transcript.line();
  const frameworkTraining =
    model === null
      ? null
      : trainHalf("Framework", options.adamLr, (onEpoch) =>
          trainFramework(model, train, {
            epochs: options.epochs,
            learningRate: options.adamLr,
            batchSize: options.batchSize,
            shuffleRng: rngs.framework,
            onEpoch,
          }),
        );

  // ── Step 5 ──
  section("step-5", "Step 5: Compare Training Progress");
  const curves = [
    ...(scratchTraining === null
      ? []
      : [
          {
            label: "Neurogebra (from scratch, SGD)",
            color: halfColors.fromScratch,
            ...scratchTraining.history,
          },
        ]),
    ...(frameworkTraining === null
      ? []
      : [{ label: "Framework (Adam)", color: halfColors.framework, ...frameworkTraining.history }]),
  ];
  for (const curve of curves) {
    transcript.line(
      `${curve.label}: loss ${formatFixed(curve.loss[0]!, 4)} → ${formatFixed(curve.loss.at(-1)!, 4)}, ` +
        `accuracy ${formatPercent(curve.accuracy[0]!, 1)} → ${formatPercent(curve.accuracy.at(-1)!, 1)}`,
    );
  }
  addFigure("training", "Loss and accuracy per epoch of both networks", () => ({ kind: "training", curves }));

  // ── Step 6 ──
  section("step-6", "Step 6: Evaluate on Test Data");
  const evaluate = <T>(
    target: T | null,
    fn: (t: T) => Evaluation,
  ): { evaluation: Evaluation; ms: number } | null => {
    if (target === null) return null;
    const evalStarted = performance.now();
    const evaluation = fn(target);
    return { evaluation, ms: elapsed(evalStarted) };
  };
  const scratchTest = evaluate(net, (n) => evaluateFromScratch(n, test));
  const frameworkTest = evaluate(model, (m) => evaluateFramework(m, test));
  const scratchTestLine =
    scratchTest === null
      ? ""
      : `Neurogebra Test Accuracy: ${formatPercent(scratchTest.evaluation.accuracy, 1)}`;
  const frameworkTestLine =
    frameworkTest === null
      ? ""
      : `Framework Test Accuracy: ${formatPercent(frameworkTest.evaluation.accuracy, 1)}`;
  if (scratchTest !== null) transcript.line(scratchTestLine);
  if (frameworkTest !== null) transcript.line(frameworkTestLine);

  // ── Step 7 ──
  section("step-7", "Step 7: Visualize Decision Boundaries");
  const grid = decisionGrid(test.X, 0.02);
  transcript.line(
    `grid points: ${grid.points.length / 2} (${grid.xs.length} × ${grid.ys.length}, step 0.02)`,
  );
  const timedGrid = (forward: Parameters<typeof classifyGrid>[0]): { classes: Int32Array; ms: number } => {
    const gridStarted = performance.now();
    const classes = classifyGrid(forward, grid);
    return { classes, ms: elapsed(gridStarted) };
  };
  const scratchGrid = net === null ? null : timedGrid(denseForward(denseWeightsOf(net)));
  const frameworkGrid = model === null ? null : timedGrid((x) => model.forward(x));
  const panels = [
    ...(scratchGrid === null || scratchTest === null
      ? []
      : [
          {
            title: `Neurogebra (Acc: ${formatPercent(scratchTest.evaluation.accuracy, 0)})`,
            classes: scratchGrid.classes,
          },
        ]),
    ...(frameworkGrid === null || frameworkTest === null
      ? []
      : [
          {
            title: `Framework (Acc: ${formatPercent(frameworkTest.evaluation.accuracy, 0)})`,
            classes: frameworkGrid.classes,
          },
        ]),
  ];
  for (const panel of panels) transcript.line(panel.title);
  addFigure("boundaries", "Decision regions of both networks with the test points", () => ({
    kind: "boundaries",
    panels: panels.map((panel) => ({
      title: panel.title,
      grid: { xs: grid.xs, ys: grid.ys, step: grid.step, values: panel.classes },
      test: { ...test, nClasses: 3 },
    })),
  }));

  // ── Step 8 ──
  section("step-8", "Step 8: Deep Dive — What Did the Network Learn?");
  const inspected = net ?? model!;
  const statistics = parameterStatistics(inspected);
  transcript.line(rule60);
  transcript.line(`INSPECTING WHAT THE NETWORK LEARNED${net === null ? " (framework network)" : ""}`);
  transcript.line(rule60);
  for (const text of formatParameterStatistics(statistics).split("\n")) transcript.line(text);
  const math = reluMath();
  transcript.line();
  transcript.line(rule60);
  transcript.line("THE MATH BEHIND YOUR NETWORK");
  transcript.line(rule60);
  transcript.line();
  transcript.line(`ReLU activation:     ${math.relu}`);
  transcript.line(`ReLU gradient:       ${math.reluGradient}`);
  transcript.line(`ReLU at x=2:         ${formatFloatRepr(math.values.reluAt2)}`);
  transcript.line(`ReLU at x=-2:        ${formatFloatRepr(math.values.reluAtMinus2)}`);
  transcript.line(`ReLU grad at x=2:    ${formatFloatRepr(math.values.gradientAt2)}`);
  transcript.line(`ReLU grad at x=-2:   ${formatFloatRepr(math.values.gradientAtMinus2)}`);
  transcript.line(
    `Same formula on autograd Values, backward(): grad ${formatFloatRepr(math.autogradGradients.at2)} at x=2, ` +
      `${formatFloatRepr(math.autogradGradients.atMinus2)} at x=-2`,
  );
  transcript.line();
  transcript.line("Each neuron computes:");
  transcript.line("  output = ReLU(w₁·x₁ + w₂·x₂ + b)");
  transcript.line("  = ReLU(weighted_sum + bias)");
  transcript.line("  = max(0, weighted_sum + bias)");
  transcript.line();
  transcript.line("The final layer computes 3 scores (one per class).");
  transcript.line("Softmax converts scores to probabilities.");
  transcript.line("We predict the class with highest probability.");
  transcript.formula({ latex: `\\operatorname{relu}(x) = ${math.reluLatex}`, caption: "MathForge: relu" });
  transcript.formula({
    latex: `\\frac{d}{dx}\\operatorname{relu}(x) = ${math.reluGradientLatex}`,
    caption: "its symbolic derivative (autograd uses relu'(0) = 0; SymPy's Heaviside(0) is 1/2)",
  });
  const firstLayer = net === null ? firstLinearOf(model!) : denseWeightsOf(net)[0]!;
  addFigure("neurons", "Activation maps of the first eight neurons of layer 1", () => {
    const neuronGrid = planeGrid([-1.5, 1.5], [-1.5, 1.5], 0.05);
    return {
      kind: "neurons",
      maps: neuronActivations(firstLayer, neuronGrid, 8).map((values, k) => ({
        title: `Neuron ${k + 1}`,
        grid: { xs: neuronGrid.xs, ys: neuronGrid.ys, step: neuronGrid.step, values },
      })),
    };
  });

  // ── Final comparison ──
  section("comparison", "Final Comparison");
  const codeComplexity = measureCodeComplexity();
  transcript.table(codeComplexityTable(codeComplexity));
  transcript.table(understandingTable());
  transcript.table(whenToUseTable());
  const defaults = options.epochs === 30 && options.points === 100 && options.batchSize === 16;
  const parts: TimedPart[] = [{ part: "Data: spirals + split", ms: dataMs }];
  if (scratchTraining !== null && scratchTest !== null && scratchGrid !== null) {
    parts.push(
      { part: "From scratch: training", ms: scratchTraining.ms, pythonSeconds: pythonSeconds.neuroTrain },
      { part: "From scratch: test accuracy", ms: scratchTest.ms },
      { part: "From scratch: decision grid", ms: scratchGrid.ms, pythonSeconds: pythonSeconds.neuroBoundary },
    );
  }
  if (frameworkTraining !== null && frameworkTest !== null && frameworkGrid !== null) {
    parts.push(
      { part: "Framework: training", ms: frameworkTraining.ms, pythonSeconds: pythonSeconds.torchTrain },
      { part: "Framework: test accuracy", ms: frameworkTest.ms },
      { part: "Framework: decision grid", ms: frameworkGrid.ms, pythonSeconds: pythonSeconds.torchBoundary },
    );
  }
  let figuresWaitMs = 0;
  let figuresMs = 0;
  if (writer !== null) {
    const waitStarted = performance.now();
    await Promise.all(drawing);
    figuresWaitMs = elapsed(waitStarted);
    figuresMs = lastFigureAt - firstFigureAt;
    const where = writer.inWorker ? "worker thread, overlaps training" : "main thread";
    parts.push(
      { part: `Figures, SVG + PNG (${where})`, ms: figuresMs },
      { part: "Main thread waiting for the figures", ms: figuresWaitMs },
    );
  }
  parts.push({ part: "Total (until this table)", ms: elapsed(started) });
  transcript.table(
    wallTimeTable(
      parts,
      defaults
        ? "Python tutorial: the seed-42 reference run on the same 2-core machine (Neurogebra 2.5.10 Value, PyTorch 1.13 CPU). " +
            "This run: each part once, in a fresh process, so it includes V8 compiling the code (the JIT's warm-up); " +
            "`pnpm bench` measures the warmed-up speed."
        : undefined,
    ),
  );

  // ── Export ──
  const exported: string[] = [];
  if (outDir !== null && options.export) {
    section("export", "Export: Carry the Network On");
    const { files, lines } = exportModel(outDir, exportRequestFor(options, net, model, train));
    for (const text of lines) transcript.line(text);
    for (const file of files) transcript.note(`  → ${join(options.out, file)}`);
    exported.push(...files);
  }

  // ── Report and files ──
  let reportMs = 0;
  if (writer !== null) {
    const reportStarted = performance.now();
    await writer.report({
      title: "Neural Network from Scratch — Neurogebra vs the framework way",
      summary: [
        `seed ${options.seed} · ${options.epochs} epochs · SGD lr ${options.lr} (from scratch) · Adam lr ${options.adamLr} (framework) · batch ${options.batchSize} · ${options.points} points per class · noise ${options.noise}`,
        `Random numbers: ${rngs.description}`,
        [scratchTestLine, frameworkTestLine].filter((text) => text !== "").join(" · "),
      ],
      sections: transcript.sections,
    });
    reportMs = elapsed(reportStarted);
  }

  const halfJson = (
    label: string,
    optimizer: "SGD" | "Adam",
    learningRate: number,
    parameters: number,
    training: { history: TrainingHistory; epochLines: string[]; ms: number },
    tested: { evaluation: Evaluation; ms: number },
    testLine: string,
    gridMs: number,
    buildMs: number,
    stats: readonly LayerStatistics[],
  ): HalfJson => ({
    label,
    optimizer,
    learningRate,
    parameters,
    history: training.history,
    epochLines: training.epochLines,
    finalTrainAccuracy: training.history.accuracy.at(-1)!,
    testAccuracy: tested.evaluation.accuracy,
    testAccuracyLine: testLine,
    testPredictions: Array.from(tested.evaluation.predictions),
    layerStatistics: statisticsJson(stats),
    timingsMs: { build: buildMs, train: training.ms, evaluate: tested.ms, grid: gridMs },
  });

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
    softmaxDemo: {
      scores: dummyScores,
      target: 0,
      probabilities,
      loss: demo.loss.data,
      frameworkLoss: frameworkDemoLoss,
    },
    fromScratch:
      net === null || scratchTraining === null || scratchTest === null || scratchGrid === null
        ? null
        : halfJson(
            "Neurogebra",
            "SGD",
            options.lr,
            net.parameters().length,
            scratchTraining,
            scratchTest,
            scratchTestLine,
            scratchGrid.ms,
            netBuildMs,
            parameterStatistics(net),
          ),
    framework:
      model === null || frameworkTraining === null || frameworkTest === null || frameworkGrid === null
        ? null
        : halfJson(
            "Framework",
            "Adam",
            options.adamLr,
            countParameters(model.parameters()),
            frameworkTraining,
            frameworkTest,
            frameworkTestLine,
            frameworkGrid.ms,
            modelBuildMs,
            parameterStatistics(model),
          ),
    decisionGrid: { step: grid.step, nx: grid.xs.length, ny: grid.ys.length, points: grid.points.length / 2 },
    math,
    codeComplexity,
    timingsMs: {
      data: dataMs,
      figures: figuresMs,
      figuresWait: figuresWaitMs,
      report: reportMs,
      total: elapsed(started),
    },
    files: writer === null ? [] : [...writer.files, ...exported],
  };
}
