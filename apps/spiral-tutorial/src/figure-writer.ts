import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { renderPngAsync } from "./figures/render-png.js";

/**
 * Writes each figure as `<name>.svg` at once and `<name>.png` as soon as resvg has rasterised it on
 * the thread pool, so PNG rendering overlaps with whatever the main thread does next.
 *
 * @example
 * ```ts
 * const writer = new FigureWriter("./tutorial-output");
 * writer.add("dataset", svg);
 * const files = await writer.finish(); // ["dataset.svg", "dataset.png"]
 * ```
 */
export class FigureWriter {
  readonly #dir: string;
  readonly #pending: Promise<void>[] = [];
  readonly #files: string[] = [];

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Writes `<name>.svg` now and starts rendering `<name>.png`. */
  add(name: string, svg: string): void {
    writeFileSync(join(this.#dir, `${name}.svg`), svg);
    this.#files.push(`${name}.svg`, `${name}.png`);
    this.#pending.push(renderPngAsync(svg).then((png) => writeFileSync(join(this.#dir, `${name}.png`), png)));
  }

  /** Waits for every PNG; returns the file names written, relative to the directory. */
  async finish(): Promise<string[]> {
    await Promise.all(this.#pending);
    return [...this.#files];
  }
}
