import type { CodeLocation, MeasuredCode } from "./code-complexity.js";
import { measureCode } from "./code-complexity.js";
import type { TextTable } from "./text-table.js";

/** One row of the Code Complexity table: where each half's code for a component lives. */
interface ComponentSources {
  component: string;
  fromScratch: readonly CodeLocation[];
  framework: readonly CodeLocation[];
}

/**
 * The components the tutorial's table compares. From scratch, the learner writes the network
 * classes and the softmax/cross-entropy (in our packages: `Neuron`, `Layer`, `NeuralNetwork`,
 * `softmaxCrossEntropy`) plus the loops in this app; the framework half only assembles ready parts.
 */
const components: readonly ComponentSources[] = [
  {
    component: "Neural network definition",
    fromScratch: [
      { kind: "package", packageName: "@neurogebra/nn", file: "neuron.ts", declarations: ["Neuron"] },
      { kind: "package", packageName: "@neurogebra/nn", file: "layer.ts", declarations: ["Layer"] },
      {
        kind: "package",
        packageName: "@neurogebra/nn",
        file: "neural-network.ts",
        declarations: ["NeuralNetwork"],
      },
      { kind: "app", file: "from-scratch-half.ts", region: "network" },
    ],
    framework: [{ kind: "app", file: "framework-half.ts", region: "network" }],
  },
  {
    component: "Softmax + cross-entropy",
    fromScratch: [
      {
        kind: "package",
        packageName: "@neurogebra/losses",
        file: "softmax-cross-entropy.ts",
        declarations: ["softmaxCrossEntropy"],
      },
    ],
    framework: [{ kind: "app", file: "framework-half.ts", region: "loss" }],
  },
  {
    component: "Training loop",
    fromScratch: [{ kind: "app", file: "from-scratch-half.ts", region: "training-loop" }],
    framework: [{ kind: "app", file: "framework-half.ts", region: "training-loop" }],
  },
  {
    component: "Evaluation",
    fromScratch: [{ kind: "app", file: "from-scratch-half.ts", region: "evaluation" }],
    framework: [{ kind: "app", file: "framework-half.ts", region: "evaluation" }],
  },
];

/** Measured line counts per component (null where a source file is not on disk). */
export interface CodeComplexityRow {
  component: string;
  fromScratch: number | null;
  framework: number | null;
}

function total(measured: readonly MeasuredCode[]): number | null {
  let sum = 0;
  for (const { lines } of measured) {
    if (lines === null) return null;
    sum += lines;
  }
  return sum;
}

/**
 * Counts, at run time, the lines of code behind each component of both halves.
 *
 * @example
 * ```ts
 * measureCodeComplexity()[2]; // { component: "Training loop", fromScratch: 30, framework: 26 }
 * ```
 */
export function measureCodeComplexity(): CodeComplexityRow[] {
  return components.map(({ component, fromScratch, framework }) => ({
    component,
    fromScratch: total(fromScratch.map(measureCode)),
    framework: total(framework.map(measureCode)),
  }));
}

const lineCount = (n: number | null): string => (n === null ? "n/a" : String(n));

/**
 * The tutorial's "Code Complexity" table, with our measured numbers.
 *
 * @example
 * ```ts
 * formatTextTable(codeComplexityTable(measureCodeComplexity()));
 * ```
 */
export function codeComplexityTable(rows: readonly CodeComplexityRow[]): TextTable {
  const sum = (key: "fromScratch" | "framework"): number | null =>
    rows.some((row) => row[key] === null) ? null : rows.reduce((acc, row) => acc + row[key]!, 0);
  return {
    title: "Code Complexity",
    headers: ["Component", "From scratch (lines)", "Framework (lines)"],
    rows: [
      ...rows.map((row) => [row.component, lineCount(row.fromScratch), lineCount(row.framework)]),
      ["**Total**", `**${lineCount(sum("fromScratch"))}**`, `**${lineCount(sum("framework"))}**`],
    ],
    boldRows: [rows.length],
    note:
      "Measured now from our own sources: lines of code without blanks and comments of Neuron, Layer, " +
      "NeuralNetwork (@neurogebra/nn) and softmaxCrossEntropy (@neurogebra/losses), and of the marked " +
      "regions of this app's from-scratch-half.ts and framework-half.ts.",
  };
}

/**
 * The tutorial's "Understanding Gained" table, for our two halves.
 *
 * @example
 * ```ts
 * understandingTable().rows.length; // 5
 * ```
 */
export function understandingTable(): TextTable {
  return {
    title: "Understanding Gained",
    headers: ["What You Understand", "From scratch (Value)", "Framework (Tensor)"],
    rows: [
      [
        "How neurons compute outputs",
        "✅ `Neuron`: `sum(w·x, b)`, then ReLU",
        "⚠️ Hidden in `Linear` (a matmul)",
      ],
      [
        "How gradients flow backward",
        "✅ one `Value` per operation, `backward()` visits each",
        "⚠️ Whole-tensor ops inside autograd",
      ],
      ["How softmax works", "✅ `softmaxCrossEntropy`, step by step", "⚠️ Inside `CrossEntropyLoss`"],
      ["How weights get updated", "✅ `p.data -= lr * p.grad`", "⚠️ Inside `optimizer.step()`"],
      ["How decision boundaries form", "✅ You can inspect neurons", "⚠️ Requires extra tools"],
    ],
  };
}

/**
 * The tutorial's "When to Use Each" table, for our two halves.
 *
 * @example
 * ```ts
 * whenToUseTable().headers; // ["Scenario", "From scratch (Value)", "Framework (Tensor)"]
 * ```
 */
export function whenToUseTable(): TextTable {
  return {
    title: "When to Use Each",
    headers: ["Scenario", "From scratch (Value)", "Framework (Tensor)"],
    rows: [
      ["Learning ML concepts", "✅", ""],
      ["Understanding backprop", "✅", ""],
      ["Course assignments", "✅", ""],
      ["Research prototyping", "✅", "✅"],
      ["Batched training, wider networks", "", "✅"],
      ["Large-scale training, GPU, pre-trained models", "", "use PyTorch"],
    ],
  };
}

/** Wall time of one part of the run. */
export interface TimedPart {
  part: string;
  ms: number;
  /** The Python tutorial's time for the same part (seconds, from the reference run), if comparable. */
  pythonSeconds?: number;
}

/**
 * Measured wall time per part of this run, beside the Python tutorial's where it ran the same work.
 *
 * @example
 * ```ts
 * wallTimeTable([{ part: "Total", ms: 2100 }]);
 * ```
 */
export function wallTimeTable(parts: readonly TimedPart[], pythonNote: string | undefined): TextTable {
  const withPython = pythonNote !== undefined;
  return {
    title: "Wall Time",
    headers: withPython ? ["Part", "This run", "Python tutorial"] : ["Part", "This run"],
    rows: parts.map((p) => {
      const ours = p.ms < 1000 ? `${p.ms.toFixed(1)} ms` : `${(p.ms / 1000).toFixed(2)} s`;
      if (!withPython) return [p.part, ours];
      return [p.part, ours, p.pythonSeconds === undefined ? "" : `${p.pythonSeconds.toFixed(3)} s`];
    }),
    boldRows: [parts.length - 1],
    ...(pythonNote === undefined ? {} : { note: pythonNote }),
  };
}
