import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { createRng } from "@neurogebra/random";

import { measure } from "./measure.js";
import type { Repeats } from "./measure.js";
import type { OurRow, Section, Target } from "./report.js";
import { trainScalarNetwork, valueBytesPerNode } from "./workloads/scalar-training.js";
import type { ScalarTrainingResult } from "./workloads/scalar-training.js";
import { decisionGrid, tutorialData, tutorialScalarRng } from "./workloads/spiral-data.js";
import {
  EVAL_FORMULA,
  catalogueParseDiffCompile,
  compiledEvaluation,
} from "./workloads/symbolic-catalogue.js";
import type { CataloguePass } from "./workloads/symbolic-catalogue.js";
import { createMatmul } from "./workloads/matmul.js";
import { simdPeak } from "./workloads/simd-peak.js";
import { createTensorStep } from "./workloads/tensor-step.js";
import { decisionGridForward, trainTensorNetwork } from "./workloads/tensor-training.js";

/** A row before it is measured. */
export interface RowSpec {
  id: string;
  section: Section;
  label: string;
  target?: Target;
  /** The PyTorch row that measures the same work, when it is another row's (see `OurRow.referenceId`). */
  referenceId?: string;
  /** Fewest timed runs for this row (long rows ask for fewer than the default). */
  minRuns?: number;
  /** Other repeats for this row when not `--quick` (the largest products: one warm-up, a few runs). */
  repeats?: Partial<Repeats>;
  measure(repeats: Repeats): Omit<OurRow, "id" | "section" | "label" | "target">;
}

/** Hidden widths and batch sizes of the tensor scaling rows; hidden widths of the scalar ones. */
export const TENSOR_WIDTHS = [16, 64, 256] as const;
export const TENSOR_BATCHES = [16, 256] as const;
export const SCALAR_WIDTHS = [8, 16, 32, 64, 128] as const;
/** Sides of the square matrix-product rows: powers of two and odd sizes. */
export const MATMUL_SIZES = [256, 512, 1024, 1500, 2048, 3001, 4096] as const;
/** Inputs per sample of the compiled-evaluation row. */
export const EVAL_POINTS = 100_000;

const MB = 1024 * 1024;

/** Metrics of rows measured earlier in this process, by id (later rows relate to them). */
const earlier = new Map<string, Record<string, number>>();

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function millions(x: number): string {
  return `${(x / 1e6).toFixed(2)} M`;
}

/** One full scalar training run on fresh data and generators (identical work every call). */
function scalarRun(
  layerSizes: readonly number[],
  epochs: number,
  engine: "value" | "traced" | "lean" = "value",
): ScalarTrainingResult {
  const data = tutorialData();
  return trainScalarNetwork(data.XTrain, data.yTrain, tutorialScalarRng(data.numpy), {
    layerSizes,
    epochs,
    engine,
  });
}

const scalarTraining: RowSpec = {
  id: "scalar.tutorial-training",
  section: "scalar",
  label: "Value: tutorial training (SGD, 30 epochs)",
  target: { kind: "below", ms: 150, inclusive: false },
  minRuns: 7,
  measure(repeats) {
    const before = process.resourceUsage().maxRSS * 1024;
    let last: ScalarTrainingResult | undefined;
    const ours = measure(
      this.id,
      () => {
        last = scalarRun([2, 16, 16, 3], 30);
        return last.seconds * 1000;
      },
      repeats,
    );
    const peak = process.resourceUsage().maxRSS * 1024;
    const nodes = last!.nodes;
    const nodesPerSecond = nodes / (ours.medianMs / 1000);
    const bytesPerNode = valueBytesPerNode();
    return {
      ours,
      metrics: {
        nodes,
        nodesPerSecond,
        bytesPerNode,
        backwardCalls: last!.backwardCalls,
        peakRssBytes: peak,
        rssBeforeBytes: before,
        finalTrainAccuracy: last!.accuracies.at(-1)!,
      },
      detail:
        `${millions(nodesPerSecond)}nodes/s (${millions(nodes)}nodes), ${bytesPerNode.toFixed(0)} B/node, ` +
        `peak RSS ${(peak / MB).toFixed(0)} MB (${(before / MB).toFixed(0)} MB before), ` +
        `train acc ${percent(last!.accuracies.at(-1)!)}`,
    };
  },
};

/**
 * The tutorial's training on another engine, beside the `Value` row and against its PyTorch run: the
 * lean port (the object-per-node floor) or `Value` with the forward pass traced.
 */
function scalarVariantRow(engine: "lean" | "traced", label: string, what: string): RowSpec {
  return {
    id: `scalar.tutorial-training-${engine === "lean" ? "lean-port" : "traced"}`,
    section: "scalar",
    label,
    referenceId: "scalar.tutorial-training",
    // #22 goal 4: the tutorial's loop, as the app runs it, no slower than PyTorch's in the same run
    ...(engine === "traced" ? { target: { kind: "ratio", atMost: 1, dtype: "float32" } as const } : {}),
    minRuns: 7,
    measure(repeats) {
      let last: ScalarTrainingResult | undefined;
      const ours = measure(
        this.id,
        () => {
          last = scalarRun([2, 16, 16, 3], 30, engine);
          return last.seconds * 1000;
        },
        repeats,
      );
      const nodesPerSecond = last!.nodes / (ours.medianMs / 1000);
      return {
        ours,
        metrics: { nodes: last!.nodes, nodesPerSecond, finalTrainAccuracy: last!.accuracies.at(-1)! },
        detail: `${millions(nodesPerSecond)}nodes/s${what}, train acc ${percent(last!.accuracies.at(-1)!)}`,
      };
    },
  };
}

const leanScalarTraining = scalarVariantRow(
  "lean",
  "  same on a lean port (object-per-node floor)",
  "; no checks, modes or marks (bench/src/workloads/lean-value.ts)",
);

const tracedScalarTraining = scalarVariantRow(
  "traced",
  "  same, forward traced (trace())",
  " (nodes of the untraced graph; the network replayed on flat arrays, the loss built as Values)",
);

const tensorTraining: RowSpec = {
  id: "tensor.tutorial-training-adam",
  section: "tensor",
  label: "Tensor: tutorial training (Adam, 30 epochs)",
  target: { kind: "below", ms: 7, inclusive: true },
  measure(repeats) {
    const data = tutorialData();
    let accuracy = 0;
    let steps = 0;
    const ours = measure(
      this.id,
      () => {
        const r = trainTensorNetwork(data.XTrain, data.yTrain, createRng(42));
        accuracy = r.accuracies.at(-1)!;
        steps = r.steps;
        return r.ms;
      },
      repeats,
    );
    return {
      ours,
      metrics: { steps, msPerStep: ours.medianMs / steps, finalTrainAccuracy: accuracy },
      detail: `${steps} steps, ${((1000 * ours.medianMs) / steps).toFixed(0)} µs/step, train acc ${percent(accuracy)}`,
    };
  },
};

const tensorGrid: RowSpec = {
  id: "tensor.decision-grid",
  section: "tensor",
  label: "Tensor: decision grid forward (no grad)",
  target: { kind: "below", ms: 10, inclusive: false },
  measure(repeats) {
    const data = tutorialData();
    const { params } = trainTensorNetwork(data.XTrain, data.yTrain, createRng(42));
    const grid = decisionGrid(data.XTest);
    const points = grid.length / 2;
    const ours = measure(this.id, () => decisionGridForward(params, grid).ms, repeats);
    return {
      ours,
      metrics: { points, pointsPerSecond: points / (ours.medianMs / 1000) },
      detail: `${points.toLocaleString("en-US")} points, ${millions(points / (ours.medianMs / 1000))}points/s`,
    };
  },
};

function tensorStepRow(width: number, batch: number): RowSpec {
  return {
    id: `scaling.tensor-step.w${width}.b${batch}`,
    section: "scaling",
    label: `Tensor: training step, hidden ${width}, batch ${batch}`,
    ...(width === 256 ? { target: { kind: "ratio", atMost: 3, dtype: "float32" } as const } : {}),
    measure(repeats) {
      const { step, parameters } = createTensorStep(width, batch);
      const ours = measure(this.id, () => void step(), repeats);
      // Multiply-adds of the three matmuls, forward and the two backward products.
      const macs = 3 * batch * (2 * width + width * width + width * 3);
      const gflops = (2 * macs) / (ours.medianMs / 1000) / 1e9;
      const memory = width === 256 && batch === 256 ? probeMemory("tensor-step.w256.b256") : undefined;
      return {
        ours,
        metrics: {
          parameters,
          gflops,
          ...(memory === undefined ? {} : { peakRssBytes: memory.peakRssBytes }),
        },
        detail:
          `${parameters.toLocaleString("en-US")} params, ${gflops.toFixed(2)} GFLOP/s` +
          (memory === undefined ? "" : `, peak RSS ${rss(memory)} (10 steps in a fresh process)`),
      };
    },
  };
}

function scalarEpochRow(width: number, engine: "value" | "traced" = "value"): RowSpec {
  const kind = engine === "value" ? "value-epoch" : "traced-epoch";
  return {
    id: `scaling.${kind}.h${width}`,
    section: "scaling",
    label: engine === "value" ? `Value: one training epoch, hidden ${width}` : `  same, forward traced`,
    ...(engine === "value" ? {} : { referenceId: `scaling.value-epoch.h${width}` }),
    // width 128: ~8 million nodes per epoch
    ...(width >= 128 ? { minRuns: 3, repeats: { warmup: 1, warmupMs: 0, timeMs: 0 } } : {}),
    measure(repeats) {
      let nodes = 0;
      const ours = measure(
        this.id,
        () => {
          const r = scalarRun([2, width, width, 3], 1, engine);
          nodes = r.nodes;
          return r.seconds * 1000;
        },
        repeats,
      );
      const nodesPerSecond = nodes / (ours.medianMs / 1000);
      earlier.set(this.id, { nodesPerSecond });
      // Goal: nodes/s of every width within 1.5× of width 16's (the cost grows with the work, no faster).
      const h16 = earlier.get(`scaling.${kind}.h16`)?.nodesPerSecond;
      const slower = h16 === undefined || width === 16 ? undefined : h16 / nodesPerSecond;
      return {
        ours,
        metrics: { nodes, nodesPerSecond, ...(slower === undefined ? {} : { costPerNodeVsH16: slower }) },
        detail:
          `${millions(nodesPerSecond)}nodes/s (${nodes.toLocaleString("en-US")} nodes)` +
          (slower === undefined ? "" : `, ${slower.toFixed(2)}× h16's cost per node`),
      };
    },
  };
}

/**
 * The CPU time of `fn()` in milliseconds: what the matmul and peak rows time (on both sides), so that a
 * machine shared with other processes shows its own speed — one thread, no waiting, nothing but compute.
 */
function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The memory probe's answer: peak and baseline RSS of a fresh process that ran one workload. */
interface MemoryProbe {
  peakRssBytes: number;
  baselineRssBytes: number;
  ms: number;
}

/** Runs `dist/memory-probe.js <workload>` in a fresh Node process (see memory-probe.ts). */
function probeMemory(workload: string): MemoryProbe {
  const script = fileURLToPath(new URL("./memory-probe.js", import.meta.url));
  const child = spawnSync(process.execPath, [script, workload], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) {
    throw new Error(`bench: memory-probe ${workload} failed (exit ${String(child.status)}): ${child.stderr}`);
  }
  return JSON.parse(child.stdout) as MemoryProbe;
}

function rss(probe: MemoryProbe): string {
  return `${(probe.peakRssBytes / MB).toFixed(0)} MB (${(probe.baselineRssBytes / MB).toFixed(0)} MB at start)`;
}

function simdPeakRow(shape: "f64x2" | "f32x4"): RowSpec {
  const iterations = 1e7;
  return {
    id: `matmul.simd-peak.${shape}`,
    section: "matmul",
    label: `WebAssembly ${shape} peak (register loop, ${iterations / 1e6}M iterations, CPU time)`,
    measure(repeats) {
      const probe = simdPeak(shape);
      if (probe === null) throw new Error(`bench: WebAssembly SIMD is unavailable, no ${shape} peak`);
      const ours = measure(this.id, () => cpuMs(() => probe.run(iterations)), repeats);
      const gflops = (iterations * probe.flopsPerIteration) / (ours.medianMs / 1000) / 1e9;
      earlier.set(this.id, { gflops });
      return {
        ours,
        metrics: { gflops },
        detail: `${gflops.toFixed(1)} GFLOP/s: separate ${shape} mul and add, no memory access (the kernels' ceiling)`,
      };
    },
  };
}

function matmulRow(n: number): RowSpec {
  const flops = 2 * n * n * n;
  const big = n >= 2048;
  return {
    id: `matmul.n${n}`,
    section: "matmul",
    label: `Tensor: matmul ${n} × ${n} (float64, CPU time)`,
    ...(big ? { minRuns: n >= 4096 ? 2 : 3, repeats: { warmup: 1, warmupMs: 0, timeMs: 0 } } : {}),
    measure(repeats) {
      const product = createMatmul(n);
      const ours = measure(this.id, () => cpuMs(product), repeats);
      const gflops = flops / (ours.medianMs / 1000) / 1e9;
      const peak = earlier.get("matmul.simd-peak.f64x2")?.gflops;
      return {
        ours,
        metrics: { gflops, ...(peak === undefined ? {} : { ofSimdPeak: gflops / peak }) },
        detail:
          `${gflops.toFixed(2)} GFLOP/s` +
          (peak === undefined ? "" : ` (${percent(gflops / peak)} of the f64x2 peak)`) +
          "; reference: NumPy a @ b, OpenBLAS 1 thread",
      };
    },
  };
}

const valueGraphMemory: RowSpec = {
  id: "memory.value-graph-2m",
  section: "memory",
  label: "Value: 2,000,000-node graph + backward",
  minRuns: 3,
  repeats: { warmup: 0, warmupMs: 0, timeMs: 0 },
  measure(repeats) {
    let last: MemoryProbe | undefined;
    const ours = measure(
      this.id,
      () => {
        last = probeMemory("value-graph");
        return last.ms;
      },
      repeats,
    );
    return {
      ours,
      metrics: { peakRssBytes: last!.peakRssBytes, baselineRssBytes: last!.baselineRssBytes },
      detail: `peak RSS ${rss(last!)}, each run in a fresh process (acc = acc + w·x, 10⁶ times)`,
    };
  },
};

const catalogue: RowSpec = {
  id: "symbolic.catalogue",
  section: "symbolic",
  label: "MathForge: parse + diff + compile catalogue",
  minRuns: 5,
  measure(repeats) {
    let pass: CataloguePass = { formulas: 0, derivatives: 0 };
    const ours = measure(this.id, () => void (pass = catalogueParseDiffCompile()), repeats);
    return {
      ours,
      metrics: { formulas: pass.formulas, derivatives: pass.derivatives },
      detail: `${pass.formulas} formulas + ${pass.derivatives} derivatives`,
    };
  },
};

const evaluation: RowSpec = {
  id: "symbolic.compiled-eval",
  section: "symbolic",
  label: `MathForge: compiled ${EVAL_FORMULA}(x), per evaluation`,
  measure(repeats) {
    const sweep = compiledEvaluation(EVAL_POINTS);
    const sweeps = measure(this.id, () => void sweep(), repeats);
    const per = (ms: number): number => ms / EVAL_POINTS;
    const ours = {
      ...sweeps,
      medianMs: per(sweeps.medianMs),
      minMs: per(sweeps.minMs),
      maxMs: per(sweeps.maxMs),
    };
    return {
      ours,
      metrics: { evaluationsPerSecond: 1000 / ours.medianMs, pointsPerSample: EVAL_POINTS },
      detail: `${millions(1000 / ours.medianMs)}evals/s (${EVAL_POINTS.toLocaleString("en-US")} points per sample)`,
    };
  },
};

/**
 * Every row of the table, in print order: the scalar tutorial workload first, so its peak RSS is the
 * process's own peak and not inflated by the other rows.
 *
 * @example
 * ```ts
 * ROWS.map((r) => r.id); // ["scalar.tutorial-training", "tensor.tutorial-training-adam", …]
 * ```
 */
export const ROWS: readonly RowSpec[] = [
  scalarTraining,
  leanScalarTraining,
  tracedScalarTraining,
  tensorTraining,
  tensorGrid,
  ...TENSOR_WIDTHS.flatMap((w) => TENSOR_BATCHES.map((b) => tensorStepRow(w, b))),
  ...SCALAR_WIDTHS.flatMap((h) => [scalarEpochRow(h), scalarEpochRow(h, "traced")]),
  simdPeakRow("f64x2"),
  simdPeakRow("f32x4"),
  ...MATMUL_SIZES.map((n) => matmulRow(n)),
  valueGraphMemory,
  catalogue,
  evaluation,
];
