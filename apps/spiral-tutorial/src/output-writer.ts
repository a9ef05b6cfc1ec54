import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

import type { DrawnFigure, FigureRequest } from "./output-jobs.js";
import { drawFigure, writeReport } from "./output-jobs.js";
import type { OutputJobBody, OutputJobResult } from "./output-worker.js";
import type { ReportInput } from "./report/report-html.js";

/** Starts the output worker, or returns null to draw on the main thread. */
export type OutputWorkerFactory = () => Worker | null;

/**
 * The built worker next to the built CLI (`dist/output-worker.js`); null when running from the
 * TypeScript sources (there the figures are drawn on the main thread).
 *
 * @example
 * ```ts
 * const writer = new OutputWriter("./tutorial-output", defaultOutputWorker);
 * ```
 */
export const defaultOutputWorker: OutputWorkerFactory = () => {
  const url = new URL("./output-worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? new Worker(url) : null;
};

/**
 * Writes the figures (SVG + PNG) and report.html — in a worker thread when one is available, so
 * Observable Plot, resvg and KaTeX load and run on the second core while the main thread trains.
 *
 * @example
 * ```ts
 * const writer = new OutputWriter(dir, defaultOutputWorker);
 * const dataset = writer.figure("dataset", { kind: "dataset", train });
 * await writer.report(input);
 * await writer.close();
 * ```
 */
export class OutputWriter {
  readonly #dir: string;
  readonly #worker: Worker | null;
  readonly #pending = new Map<
    number,
    { resolve: (result: OutputJobResult) => void; reject: (e: Error) => void }
  >();
  #nextId = 0;
  #failure: Error | null = null;

  constructor(dir: string, createWorker: OutputWorkerFactory) {
    this.#dir = dir;
    this.#worker = createWorker();
    this.#worker?.on("message", (result: OutputJobResult) => {
      const pending = this.#pending.get(result.id);
      this.#pending.delete(result.id);
      if (result.error !== undefined) pending?.reject(new Error(`output worker: ${result.error}`));
      else pending?.resolve(result);
    });
    this.#worker?.on("error", (error) => {
      this.#failure = error;
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    });
  }

  /** Whether the work happens on another thread. */
  get inWorker(): boolean {
    return this.#worker !== null;
  }

  #post(job: OutputJobBody): Promise<OutputJobResult> {
    const worker = this.#worker!;
    if (this.#failure !== null) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id });
    });
  }

  /** Draws `<name>.svg` and `<name>.png`; resolves with the SVG when both are written. */
  async figure(name: string, request: FigureRequest): Promise<DrawnFigure> {
    const drawn =
      this.#worker === null
        ? await drawFigure(request, name, this.#dir)
        : (await this.#post({ type: "figure", name, dir: this.#dir, request })).drawn;
    if (drawn === undefined) throw new Error(`output worker: no figure came back for ${name}`);
    return drawn;
  }

  /** Writes report.html. */
  async report(input: ReportInput): Promise<void> {
    if (this.#worker === null) await writeReport(input, this.#dir);
    else await this.#post({ type: "report", dir: this.#dir, input });
  }

  /** Stops the worker (after all jobs have been awaited). */
  async close(): Promise<void> {
    await this.#worker?.terminate();
  }
}
