import cliProgress from "cli-progress";

/** Where the training loops report epochs and print their lines. */
export interface TrainingProgress {
  start(label: string, totalEpochs: number): void;
  /** After each epoch: how many are done and the epoch's loss. */
  update(epochsDone: number, loss: number): void;
  /** Prints a line (e.g. an epoch line) above the bar. */
  log(line: string): void;
  stop(): void;
}

/** Plain lines, no bar: what a pipe, a file or a CI log gets. */
export function plainProgress(write: (line: string) => void): TrainingProgress {
  return { start() {}, update() {}, log: write, stop() {} };
}

/**
 * A cli-progress bar on an interactive terminal while a network trains (epochs done, current loss);
 * when training ends the bar is cleared and the epoch lines are printed in its place, so the terminal
 * ends up with exactly the lines a pipe gets. (Lines are held back while the bar is up: cli-progress
 * redraws from a saved cursor position, which would overwrite lines printed under it.)
 *
 * @example
 * ```ts
 * const progress = process.stdout.isTTY ? terminalProgress(process.stdout) : plainProgress(console.log);
 * ```
 */
export function terminalProgress(stream: NodeJS.WriteStream): TrainingProgress {
  let bar: cliProgress.SingleBar | undefined;
  let heldBack: string[] = [];
  return {
    start(label, totalEpochs) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `  ${label} |{bar}| {value}/{total} epochs · loss {loss}`,
          barsize: 30,
          hideCursor: true,
          clearOnComplete: true,
          fps: 20,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(totalEpochs, 0, { loss: "…" });
    },
    update(epochsDone, loss) {
      bar?.update(epochsDone, { loss: loss.toFixed(4) });
    },
    log(line) {
      if (bar === undefined) stream.write(`${line}\n`);
      else heldBack.push(line);
    },
    stop() {
      bar?.stop();
      bar = undefined;
      for (const line of heldBack) stream.write(`${line}\n`);
      heldBack = [];
    },
  };
}
