// End to end: the CLI's main() in-process (one real subprocess for the exit code), checked against the
// Python tutorial's transcript and the CPython/NumPy reference runs in test/fixtures.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { Worker } from "node:worker_threads";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fromSafetensors } from "@neurogebra/interop";

import { main } from "../src/main.js";
import type { TutorialJson } from "../src/tutorial-result.js";
import type { PythonRun } from "./python-reference.js";
import { pythonRuns, pythonTranscript } from "./python-reference.js";

const transcript = pythonTranscript;

/** The output worker from its TypeScript source (tsx registers in the worker), as the built CLI runs it. */
const outputWorkerFromSource = (): Worker =>
  new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(
      new URL("../src/output-worker.ts", import.meta.url).href,
    )}); })`,
    { eval: true },
  );

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]): Writable =>
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        into.push(chunk.toString());
        callback();
      },
    });
  const code = await main(argv, {
    stdout: sink(out),
    stderr: sink(err),
    createOutputWorker: outputWorkerFromSource,
  });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

function argsFor(config: PythonRun["config"]): string[] {
  return [
    ["--seed", config.seed],
    ["--epochs", config.epochs],
    ["--lr", config.lr],
    ["--batch-size", config.batchSize],
    ["--points", config.points],
    ["--noise", config.noise],
  ].flatMap(([flag, value]) => [String(flag), String(value)]);
}

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "spiral-tutorial-test-"));
});
afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe("seed 42, every step, figures and report (--json)", () => {
  let result: TutorialJson;
  let outDir: string;

  beforeAll(async () => {
    outDir = join(workDir, "seed42");
    const { code, stdout, stderr } = await run(["--json", "--out", outDir]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    result = JSON.parse(stdout) as TutorialJson;
  }, 60_000); // a whole run with figures; vitest's default hook timeout is 10 s

  it("prints exactly the Python transcript's from-scratch epoch lines and test accuracy", () => {
    const epochLines = transcript.filter((line) => line.startsWith("  Epoch ")).slice(0, 7);
    expect(epochLines).toHaveLength(7);
    expect(result.fromScratch!.epochLines).toEqual(epochLines);
    expect(transcript).toContain(result.fromScratch!.testAccuracyLine);
    expect(result.fromScratch!.testAccuracyLine).toBe("Neurogebra Test Accuracy: 93.3%");
    expect(transcript).toContain(`Neurogebra final train acc: 87.1%`);
    expect(result.fromScratch!.finalTrainAccuracy).toBe(209 / 240);
  });

  it("matches the Python reference run epoch by epoch (losses to 1e-12, accuracies exactly)", () => {
    const python = pythonRuns[0]!;
    expect(python.config).toEqual({
      seed: 42,
      epochs: 30,
      lr: 0.05,
      batchSize: 16,
      points: 100,
      noise: 0.15,
    });
    expect(result.fromScratch!.history.accuracy).toEqual(python.accuracy);
    result.fromScratch!.history.loss.forEach((loss, epoch) => {
      expect(Math.abs(loss - python.loss[epoch]!)).toBeLessThanOrEqual(1e-12 * python.loss[epoch]!);
    });
  });

  it("has the transcript's dataset sizes, parameter counts, softmax demo and grid size", () => {
    expect(transcript).toContain(`Training: ${result.dataset.nTrain} samples`);
    expect(transcript).toContain(`Testing:  ${result.dataset.nTest} samples`);
    expect(transcript).toContain(`  Parameters:   ${result.fromScratch!.parameters}`);
    expect(transcript).toContain(`PyTorch Parameters: ${result.framework!.parameters}`);
    const probabilities = result.softmaxDemo.probabilities.map((p) => p.toFixed(3)).join(", ");
    expect(transcript).toContain(
      `Probabilities: [${probabilities}]  Loss: ${result.softmaxDemo.loss.toFixed(4)}`,
    );
    expect(Math.abs(result.softmaxDemo.frameworkLoss - result.softmaxDemo.loss)).toBeLessThan(1e-12);
    expect(transcript).toContain(`grid points: ${result.decisionGrid.points}`);
  });

  it("takes the math from @neurogebra/symbolic like the transcript's Step 8", () => {
    expect(transcript).toContain(
      `ReLU activation: ${result.math.relu}  gradient: ${result.math.reluGradient}`,
    );
    expect(result.math.values).toEqual({ reluAt2: 2, reluAtMinus2: 0, gradientAt2: 1, gradientAtMinus2: 0 });
    expect(result.math.autogradGradients).toEqual({ at2: 1, atMinus2: 0 });
  });

  it("trains the framework half with Adam to a high accuracy", () => {
    const framework = result.framework!;
    expect(framework.optimizer).toBe("Adam");
    expect(framework.learningRate).toBe(0.01);
    expect(framework.history.loss).toHaveLength(30);
    expect(framework.finalTrainAccuracy).toBeGreaterThan(0.9);
    expect(framework.testAccuracy).toBeGreaterThan(0.9);
  });

  it("keeps the documented --json schema (version 1)", () => {
    expect(Object.keys(result).sort()).toEqual(
      [
        "codeComplexity",
        "config",
        "dataset",
        "decisionGrid",
        "files",
        "framework",
        "fromScratch",
        "math",
        "schemaVersion",
        "softmaxDemo",
        "timingsMs",
      ].sort(),
    );
    expect(result.schemaVersion).toBe(1);
    for (const half of [result.fromScratch!, result.framework!]) {
      expect(Object.keys(half).sort()).toEqual(
        [
          "epochLines",
          "finalTrainAccuracy",
          "history",
          "label",
          "layerStatistics",
          "learningRate",
          "optimizer",
          "parameters",
          "testAccuracy",
          "testAccuracyLine",
          "testPredictions",
          "timingsMs",
        ].sort(),
      );
      expect(half.layerStatistics.map((layer) => layer.neurons)).toEqual([16, 16, 3]);
      expect(half.testPredictions).toHaveLength(60);
    }
    expect(result.config.out).toBe(outDir);
  });

  it("measures the code-complexity table from our own sources", () => {
    expect(result.codeComplexity.map((row) => row.component)).toEqual([
      "Neural network definition",
      "Softmax + cross-entropy",
      "Training loop",
      "Evaluation",
    ]);
    for (const row of result.codeComplexity) {
      expect(row.fromScratch).toBeGreaterThan(0);
      expect(row.framework).toBeGreaterThan(0);
    }
  });

  it("writes the 4 figures as SVG and PNG, a self-contained report.html and the export", () => {
    const names = ["dataset", "training", "boundaries", "neurons"];
    expect(result.files).toEqual([
      ...names.flatMap((name) => [`${name}.svg`, `${name}.png`]),
      "report.html",
      "model.safetensors",
      "model.onnx",
      "train_more.py",
    ]); // in the order asked for, whichever figure the worker finished first
    for (const name of names) {
      expect(readFileSync(join(outDir, `${name}.svg`), "utf8")).toMatch(
        /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/,
      );
      expect(
        readFileSync(join(outDir, `${name}.png`))
          .subarray(1, 4)
          .toString(),
      ).toBe("PNG");
    }
    const report = readFileSync(join(outDir, "report.html"), "utf8");
    expect(report.match(/<img src="data:image\/svg\+xml;base64,/g)).toHaveLength(4);
    expect(report).toContain('class="katex-display"');
    expect(report).toContain("  Epoch   0/30: Loss = 15.3785, Accuracy = 46.2%");
    expect(report).toContain("Code Complexity");
    expect(report).not.toMatch(/(src|href)="https?:/);
    expect(report).toContain("Export: Carry the Network On");
    expect(report).toContain("torchrun --standalone --nproc_per_node=2 train_more.py train");
  });

  it("exports the from-scratch network: its weights under PyTorch's names, ONNX, and the PyTorch script", () => {
    expect(result.config.export).toBe(true);
    const state = fromSafetensors(readFileSync(join(outDir, "model.safetensors")));
    expect(Object.entries(state).map(([name, { shape }]) => `${name} ${shape.join("×")}`)).toEqual([
      "0.weight 16×2",
      "0.bias 16",
      "2.weight 16×16",
      "2.bias 16",
      "4.weight 3×16",
      "4.bias 3",
    ]);
    expect(readFileSync(join(outDir, "model.onnx")).subarray(0, 2)).toEqual(Buffer.from([0x08, 0x08])); // ir_version 8
    const script = readFileSync(join(outDir, "train_more.py"), "utf8");
    expect(script).toContain("DistributedDataParallel");
    expect(script).toContain("nn.Linear(16, 3),");
    expect(script).toContain('OPTIMIZER = "sgd"');
  });
});

describe("--no-export", () => {
  it("writes the figures and the report but no model files, and the report has no Export section", async () => {
    const outDir = join(workDir, "no-export");
    const { code, stdout } = await run([
      "--epochs",
      "1",
      "--points",
      "10",
      "--no-export",
      "--json",
      "--out",
      outDir,
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as TutorialJson;
    expect(result.config.export).toBe(false);
    expect(result.files).not.toContain("model.onnx");
    expect(existsSync(join(outDir, "model.safetensors"))).toBe(false);
    expect(readFileSync(join(outDir, "report.html"), "utf8")).not.toContain("Export: Carry the Network On");
  }, 60_000);
});

describe("other settings reproduce the Python tutorial run with the same settings", () => {
  it.each(pythonRuns.slice(1).map((python) => [JSON.stringify(python.config), python] as const))(
    "%s",
    async (_name, python) => {
      const { code, stdout } = await run([
        ...argsFor(python.config),
        "--only",
        "from-scratch",
        "--no-plots",
        "--json",
      ]);
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as TutorialJson;
      expect(result.framework).toBeNull();
      expect(result.dataset.nTrain).toBe(python.nTrain);
      expect(result.fromScratch!.epochLines).toEqual(python.epochLines);
      expect(result.fromScratch!.history.accuracy).toEqual(python.accuracy);
      expect(result.fromScratch!.testAccuracyLine).toBe(python.testAccuracyLine);
    },
  );
});

describe("the terminal transcript", () => {
  it("prints the tutorial's lines in the tutorial's order", async () => {
    const { code, stdout } = await run(["--no-plots", "--only", "from-scratch"]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    const expected = [
      "Training: 240 samples",
      "Testing:  60 samples",
      "Neural Network created:",
      "  Architecture: 2 → 16 → 16 → 3",
      "  Activations:  ['relu', 'relu', 'linear']",
      "  Parameters:   371",
      ...transcript.filter((line) => line.startsWith("  Epoch ")).slice(0, 7),
      "Final Training Accuracy: 87.1%",
      "Neurogebra Test Accuracy: 93.3%",
      "ReLU activation:     Max(0, x)",
      "ReLU gradient:       Heaviside(x)",
      "Code Complexity",
      "Understanding Gained",
      "When to Use Each",
      "Wall Time",
    ];
    let at = 0;
    for (const line of expected) {
      const found = lines.indexOf(line, at);
      expect(found, `"${line}" after line ${at}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    expect(stdout).not.toContain("\x1b["); // no progress bar when stdout is not a terminal
  });
});

describe("random streams", () => {
  const small = ["--epochs", "2", "--points", "20", "--no-plots", "--json"];

  it("--only framework gives the framework numbers of a full run", async () => {
    const full = JSON.parse((await run(small)).stdout) as TutorialJson;
    const only = JSON.parse((await run([...small, "--only", "framework"])).stdout) as TutorialJson;
    expect(only.fromScratch).toBeNull();
    expect(only.framework!.history).toEqual(full.framework!.history);
  });

  it("--rng seedrandom is reproducible and differs from numpy", async () => {
    const first = JSON.parse((await run([...small, "--rng", "seedrandom"])).stdout) as TutorialJson;
    const second = JSON.parse((await run([...small, "--rng", "seedrandom"])).stdout) as TutorialJson;
    const numpy = JSON.parse((await run(small)).stdout) as TutorialJson;
    expect(second.fromScratch!.history).toEqual(first.fromScratch!.history);
    expect(first.fromScratch!.history).not.toEqual(numpy.fromScratch!.history);
  });
});

describe("reliability #19: a diverged run", () => {
  const diverging = [
    "--lr",
    "1e300",
    "--epochs",
    "2",
    "--points",
    "20",
    "--no-plots",
    "--only",
    "from-scratch",
  ];

  it("says so in the transcript (loss nan) and exits with code 3", async () => {
    const { code, stdout } = await run(diverging);
    expect(stdout).toContain("  Epoch   0/2: Loss = nan");
    expect(stdout).toContain(
      "Training diverged: the loss is nan from epoch 0 on (learning rate 1e+300 is too large?), so the " +
        "numbers below describe a broken network.",
    );
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(
      "Training diverged (Neurogebra: loss nan from epoch 0) — exit code 3",
    );
    expect(code).toBe(3);
  });

  it("exits with code 3 under --json too, and a sound run still exits with 0", async () => {
    expect((await run([...diverging, "--json"])).code).toBe(3);
    expect((await run(["--epochs", "2", "--points", "20", "--no-plots", "--json"])).code).toBe(0);
  });
});

describe("bad input", () => {
  it.each([
    [["--bogus"], /Unknown option '--bogus'/],
    [["--epochs", "0"], /--epochs expects an integer in \[1, 100000\], got 0/],
    [["--rng", "mt"], /--rng expects one of numpy, seedrandom, got "mt"/],
    [["--only", "half"], /--only expects one of from-scratch, framework/],
    [["extra"], /positional/],
  ])("%j → usage on stderr, exit code 2", async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).toContain("Usage: spiral-tutorial [options]");
  });

  it("an unwritable --out stops before any training, exit code 2", async () => {
    const file = join(workDir, "a-file");
    writeFileSync(file, "");
    const { code, stdout, stderr } = await run(["--out", join(file, "sub")]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/--out ".*a-file\/sub" is not a writable directory/);
    expect(existsSync(join(file, "sub"))).toBe(false);
  });

  it("--help prints the usage on stdout, exit code 0", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--adam-lr X");
  });

  it("the real process exits with code 2 on a bad flag", () => {
    const cli = new URL("../src/cli.ts", import.meta.url).pathname;
    const child = spawnSync(process.execPath, ["--import", "tsx", cli, "--seed", "x"], { encoding: "utf8" });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('--seed expects an integer in [0, 4294967295], got "x"');
  });
});
