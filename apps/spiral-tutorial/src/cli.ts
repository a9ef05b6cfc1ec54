import { parseCommandLine } from "./cli-options.js";
import { defaultOutputWorker } from "./output-writer.js";

const argv = process.argv.slice(2);

// `spiral-tutorial | head`: a closed pipe ends the run quietly instead of with an EPIPE stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(0);
});

/** Whether this run writes figures (bad flags are reported by main, not here). */
function writesFiles(): boolean {
  try {
    const command = parseCommandLine(argv);
    return command.kind === "run" && command.options.plots;
  } catch {
    return false;
  }
}

// Start the output worker before loading the rest of the app, so that Observable Plot, resvg and
// KaTeX load on the second core while this thread loads the packages and trains.
const worker = writesFiles() ? defaultOutputWorker() : null;
const { main } = await import("./main.js");
try {
  process.exitCode = await main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    createOutputWorker: () => worker,
  });
} finally {
  await worker?.terminate();
}
