import { parseArgs } from "node:util";

/** Which random generators drive the run. */
export type RngMode = "numpy" | "seedrandom";

/** Which half of the tutorial to run. */
export type OnlyHalf = "both" | "from-scratch" | "framework";

/** Everything the tutorial run depends on; the CLI flags map onto it one to one. */
export interface TutorialOptions {
  /** Seed of every generator (`np.random.seed`, `random.seed`, `torch.manual_seed` in the tutorial). */
  seed: number;
  /** Training epochs of both halves. */
  epochs: number;
  /** From-scratch SGD learning rate. */
  lr: number;
  /** Framework Adam learning rate. */
  adamLr: number;
  /** Mini-batch size of both halves. */
  batchSize: number;
  /** Spiral points per class. */
  points: number;
  /** Standard deviation of the angle noise. */
  noise: number;
  /** `numpy`: NumPy/CPython generators (the Python run's numbers); `seedrandom`: the library default. */
  rng: RngMode;
  /** Directory for the figures and report.html. */
  out: string;
  /** Write figures and report.html. */
  plots: boolean;
  /** Write model.safetensors, model.onnx and train_more.py next to the figures (with plots only). */
  export: boolean;
  /** Run one half only. */
  only: OnlyHalf;
  /** Print machine-readable results instead of the transcript. */
  json: boolean;
}

/** The defaults: the tutorial's own settings. */
export const defaultOptions: Readonly<TutorialOptions> = Object.freeze({
  seed: 42,
  epochs: 30,
  lr: 0.05,
  adamLr: 0.01,
  batchSize: 16,
  points: 100,
  noise: 0.15,
  rng: "numpy",
  out: "./tutorial-output",
  plots: true,
  export: true,
  only: "both",
  json: false,
});

/** A bad flag or flag value; the CLI prints it with the usage text and exits with code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The `--help` text. */
export const usage = `Usage: spiral-tutorial [options]

Runs the whole tutorial "Neural Network from Scratch": spiral data, a from-scratch network of
autograd Values (SGD) and a framework network of Tensors (Adam), figures and report.html.

Options:
  --seed N              seed of every generator (default ${defaultOptions.seed})
  --epochs N            training epochs (default ${defaultOptions.epochs})
  --lr X                from-scratch SGD learning rate (default ${defaultOptions.lr})
  --adam-lr X           framework Adam learning rate (default ${defaultOptions.adamLr})
  --batch-size N        mini-batch size (default ${defaultOptions.batchSize})
  --points N            spiral points per class (default ${defaultOptions.points})
  --noise X             angle noise of the spirals (default ${defaultOptions.noise})
  --rng numpy|seedrandom
                        numpy: NumPy RandomState + CPython random, the Python run's numbers (default);
                        seedrandom: the library's default generator
  --out DIR             where figures and report.html go (default ${defaultOptions.out})
  --no-plots            write no files (no figures, no report, no export)
  --no-export           do not write model.safetensors, model.onnx, train_more.py
  --only from-scratch|framework
                        run one half only
  --json                print machine-readable results (see README) instead of the transcript
  -h, --help            show this help
`;

/** The outcome of parsing argv: options to run, or a request for help. */
export type ParsedCommand = { kind: "run"; options: TutorialOptions } | { kind: "help" };

const maxSeed = 2 ** 32 - 1;

function integerFlag(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text)) {
    throw new UsageError(`--${flag} expects an integer in [${min}, ${max}], got "${text}"`);
  }
  const value = Number(text);
  if (value < min || value > max) {
    throw new UsageError(`--${flag} expects an integer in [${min}, ${max}], got ${text}`);
  }
  return value;
}

function numberFlag(flag: string, text: string, options: { positive: boolean }): number {
  const looksNumeric = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text);
  const value = Number(text);
  const expected = options.positive ? "a finite number > 0" : "a finite number >= 0";
  if (!looksNumeric || !Number.isFinite(value) || value < 0 || (options.positive && value === 0)) {
    throw new UsageError(`--${flag} expects ${expected}, got "${text}"`);
  }
  return value;
}

function choiceFlag<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  const match = choices.find((choice) => choice === text);
  if (match === undefined) {
    throw new UsageError(`--${flag} expects one of ${choices.join(", ")}, got "${text}"`);
  }
  return match;
}

/**
 * Parses the CLI arguments (without `node` and the script) into {@link TutorialOptions}.
 * Throws {@link UsageError} on an unknown flag, a missing value or a bad value.
 *
 * @example
 * ```ts
 * const command = parseCommandLine(["--epochs", "5", "--no-plots"]);
 * if (command.kind === "run") console.log(command.options.epochs); // 5
 * ```
 */
export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: "string" },
        epochs: { type: "string" },
        lr: { type: "string" },
        "adam-lr": { type: "string" },
        "batch-size": { type: "string" },
        points: { type: "string" },
        noise: { type: "string" },
        rng: { type: "string" },
        out: { type: "string" },
        "no-plots": { type: "boolean" },
        "no-export": { type: "boolean" },
        only: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { kind: "help" };

  const options: TutorialOptions = { ...defaultOptions };
  if (values.seed !== undefined) options.seed = integerFlag("seed", values.seed, 0, maxSeed);
  if (values.epochs !== undefined) options.epochs = integerFlag("epochs", values.epochs, 1, 100_000);
  if (values.lr !== undefined) options.lr = numberFlag("lr", values.lr, { positive: true });
  if (values["adam-lr"] !== undefined) {
    options.adamLr = numberFlag("adam-lr", values["adam-lr"], { positive: true });
  }
  if (values["batch-size"] !== undefined) {
    options.batchSize = integerFlag("batch-size", values["batch-size"], 1, 1_000_000);
  }
  if (values.points !== undefined) options.points = integerFlag("points", values.points, 2, 100_000);
  if (values.noise !== undefined) options.noise = numberFlag("noise", values.noise, { positive: false });
  if (values.rng !== undefined) options.rng = choiceFlag("rng", values.rng, ["numpy", "seedrandom"]);
  if (values.out !== undefined) {
    if (values.out.trim() === "") throw new UsageError(`--out expects a directory, got ""`);
    options.out = values.out;
  }
  if (values["no-plots"] === true) options.plots = false;
  if (values["no-export"] === true) options.export = false;
  if (values.only !== undefined) {
    options.only = choiceFlag("only", values.only, ["from-scratch", "framework"]);
  }
  if (values.json === true) options.json = true;
  return { kind: "run", options };
}
