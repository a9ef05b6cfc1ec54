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
 * A cli-progress bar on an interactive terminal; epoch lines are printed above it and it disappears
 * when training ends, leaving exactly the lines a pipe would get.
 *
 * @example
 * ```ts
 * const progress = process.stdout.isTTY ? terminalProgress(process.stdout) : plainProgress(console.log);
 * ```
 */
export function terminalProgress(stream: NodeJS.WriteStream): TrainingProgress {
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(label, totalEpochs) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `  ${label} |{bar}| {value}/{total} epochs · loss {loss}`,
          barsize: 30,
          hideCursor: true,
          clearOnComplete: true,
          forceRedraw: true,
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
      if (bar === undefined) {
        stream.write(`${line}\n`);
        return;
      }
      stream.write(`\r\x1b[2K${line}\n`);
      bar.render();
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
