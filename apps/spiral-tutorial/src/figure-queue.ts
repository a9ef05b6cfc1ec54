import { join } from "node:path";

import type { DrawnFigure, FigureRequest } from "./output-jobs.js";
import type { ReportFigure } from "./report/report-html.js";
import type { Transcript } from "./transcript.js";

/** Where figures are drawn: the output writer (in its worker when there is one), or a test's recorder. */
export interface FigureWriter {
  figure(name: string, request: FigureRequest): Promise<DrawnFigure>;
  /** Whether the drawing happens on another thread. */
  readonly inWorker: boolean;
}

/**
 * The figures a run asks for while its steps go on: each is handed to the writer at once (so it is
 * drawn while training continues), placed in the current step of the report, and awaited together
 * at the end. Without a writer (`--no-plots`) it does nothing, not even build the figure's data.
 *
 * @example
 * ```ts
 * const figures = new FigureQueue(writer, transcript, options.out);
 * figures.add("dataset", "Training points", () => ({ kind: "dataset", train }));
 * await figures.settle();
 * ```
 */
export class FigureQueue {
  readonly #writer: FigureWriter | null;
  readonly #transcript: Transcript;
  readonly #shownDir: string;
  readonly #drawing: Promise<void>[] = [];
  readonly #names: string[] = [];
  #firstAt = Infinity;
  #lastAt = -Infinity;

  /** `shownDir` is the output folder as the user wrote it, for the `→ dir/name.svg` lines. */
  constructor(writer: FigureWriter | null, transcript: Transcript, shownDir: string) {
    this.#writer = writer;
    this.#transcript = transcript;
    this.#shownDir = shownDir;
  }

  /** Whether figures are drawn in this run (not with `--no-plots`). */
  get enabled(): boolean {
    return this.#writer !== null;
  }

  /** Whether they are drawn on another thread, overlapping the training. */
  get inWorker(): boolean {
    return this.#writer?.inWorker ?? false;
  }

  /** Asks for `<name>.svg` and `.png`; `request` builds the figure's data, only when figures are on. */
  add(name: string, alt: string, request: () => FigureRequest): void {
    if (this.#writer === null) return;
    const figure: ReportFigure = { file: `${name}.svg`, svg: "", alt };
    this.#transcript.figure(figure);
    this.#firstAt = Math.min(this.#firstAt, performance.now());
    const done = this.#writer.figure(name, request()).then((drawn) => {
      figure.svg = drawn.svg;
      this.#lastAt = Math.max(this.#lastAt, performance.now());
    });
    done.catch(() => {}); // settle() awaits (and rethrows) it; this only marks it handled meanwhile
    this.#drawing.push(done);
    this.#names.push(name);
    this.#transcript.note(`  → ${join(this.#shownDir, name)}.svg / .png`);
  }

  /** Waits until every figure asked for is written; rejects if one failed. */
  async settle(): Promise<void> {
    await Promise.all(this.#drawing);
  }

  /** The figure files, in the order they were asked for (all written once `settle()` resolved). */
  get files(): string[] {
    return this.#names.flatMap((name) => [`${name}.svg`, `${name}.png`]);
  }

  /** Milliseconds from the first request to the last figure written (after `settle()`). */
  get drawingMs(): number {
    return this.#names.length === 0 ? 0 : this.#lastAt - this.#firstAt;
  }
}
