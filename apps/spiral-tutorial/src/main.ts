import { divergedEpoch, formatFixed } from "@neurogebra/internal";

import { parseCommandLine, UsageError, usage } from "./cli-options.js";
import { OutputDirError } from "./output-dir.js";
import type { OutputWorkerFactory } from "./output-writer.js";
import { plainProgress, terminalProgress } from "./progress.js";
import { runTutorial } from "./tutorial.js";

/** The streams the CLI talks to (the process's, or fakes in tests). */
export interface MainIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  /** Overrides where figures and the report are drawn (tests run the worker from source). */
  createOutputWorker?: OutputWorkerFactory;
}

/**
 * The CLI: parses `argv`, runs the tutorial, prints the transcript (or `--json`), returns the exit
 * code — 0 on success, 2 for a bad flag, value or `--out` (usage on stderr), 3 when a half's training
 * diverged (its loss became NaN or ±Infinity; the run completes and says so), 1 for anything else.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), process);
 * ```
 */
export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`spiral-tutorial: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (command.kind === "help") {
    io.stdout.write(usage);
    return 0;
  }
  const { options } = command;
  const print = (line: string): void => {
    io.stdout.write(`${line}\n`);
  };
  const interactive = io.stdout.isTTY === true && !options.json;
  const progress = options.json
    ? plainProgress(() => {})
    : interactive
      ? terminalProgress(io.stdout as NodeJS.WriteStream)
      : plainProgress(print);
  try {
    const started = performance.now();
    const result = await runTutorial(options, {
      write: options.json ? () => {} : print,
      progress,
      ...(io.createOutputWorker === undefined ? {} : { createOutputWorker: io.createOutputWorker }),
    });
    if (options.json) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const where = result.files.length > 0 ? ` — wrote ${result.files.length} files to ${options.out}` : "";
      print("");
      print(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s${where}`);
    }
    const diverged = [result.fromScratch, result.framework].flatMap((half) => {
      const epoch = half === null ? null : divergedEpoch(half.history);
      return epoch === null
        ? []
        : [`${half!.label}: loss ${formatFixed(half!.history.loss[epoch]!, 4)} from epoch ${epoch}`];
    });
    if (diverged.length > 0) {
      if (!options.json) print(`Training diverged (${diverged.join("; ")}) — exit code 3`);
      return 3;
    }
    return 0;
  } catch (error) {
    if (error instanceof OutputDirError) {
      io.stderr.write(`spiral-tutorial: ${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}
