import { parseArgs } from "node:util";

/** The parsed command line of `pnpm bench`. */
export interface BenchArgs {
  pytorch: boolean;
  json: boolean;
  quick: boolean;
  help: boolean;
  /** Substrings of row ids to keep (all rows when empty). */
  only: string[];
  python?: string;
  torchThreads?: number;
  /** Fresh processes per side (ours, then PyTorch's, alternating); 1 measures ours in this process. */
  rounds: number;
}

/** Thrown for a command line we cannot run; the message says what is wrong. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const USAGE = `Usage: pnpm bench [options]

  --pytorch            also run bench/pytorch_reference.py (needs python3 with torch) and show ratios
  --json               print the report as JSON on stdout (progress goes to stderr)
  --quick              fewer warm-up and timed runs (rough numbers, ~4× faster)
  --only <text>        run only rows whose id contains <text> (repeatable), e.g. --only scaling
  --python <path>      Python interpreter for --pytorch (default: $NEUROGEBRA_PYTHON, python3, /usr/bin/python3)
  --torch-threads <n>  torch.set_num_threads(n) in the reference (default: PyTorch's own choice)
  --rounds <n>         measure each side in n fresh processes, alternating ours and PyTorch's, and report
                       the median of the per-process medians (default 1; a machine whose processes run at
                       different speeds needs 3 or more)
  --help               this text`;

/**
 * Parses `pnpm bench` flags (strict: unknown flags are a {@link UsageError}).
 *
 * @example
 * ```ts
 * parseBenchArgs(["--pytorch", "--only", "scaling"]).only; // ["scaling"]
 * ```
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        pytorch: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        quick: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        only: { type: "string", multiple: true, default: [] },
        python: { type: "string" },
        "torch-threads": { type: "string" },
        rounds: { type: "string" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const args: BenchArgs = {
    pytorch: values.pytorch,
    json: values.json,
    quick: values.quick,
    help: values.help,
    only: values.only,
    rounds: 1,
  };
  if (values.python !== undefined) args.python = values.python;
  const threads = values["torch-threads"];
  if (threads !== undefined) {
    const n = Number(threads);
    if (!Number.isInteger(n) || n < 1) {
      throw new UsageError(
        `--torch-threads: expected a positive integer, received ${JSON.stringify(threads)}`,
      );
    }
    args.torchThreads = n;
  }
  if (values.rounds !== undefined) {
    const n = Number(values.rounds);
    if (!Number.isInteger(n) || n < 1 || n > 50) {
      throw new UsageError(
        `--rounds: expected an integer from 1 to 50, received ${JSON.stringify(values.rounds)}`,
      );
    }
    args.rounds = n;
  }
  return args;
}
