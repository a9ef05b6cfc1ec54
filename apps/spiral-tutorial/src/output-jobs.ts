import { writeFileSync } from "node:fs";
import { join } from "node:path";

import type { BoundaryPanel } from "./figures/boundaries-figure.js";
import type { LabelledPoints } from "./figures/dataset-figure.js";
import type { ActivationMap } from "./figures/neurons-figure.js";
import type { TrainingCurve } from "./figures/training-figure.js";
import type { ReportInput } from "./report/report-html.js";

/** A figure to draw, with the data it shows (plain data: it crosses to the output worker). */
export type FigureRequest =
  | { kind: "dataset"; train: LabelledPoints }
  | { kind: "training"; curves: TrainingCurve[] }
  | { kind: "boundaries"; panels: BoundaryPanel[] }
  | { kind: "neurons"; maps: ActivationMap[] };

/** What drawing a figure produced. */
export interface DrawnFigure {
  svg: string;
  /** Milliseconds spent building the SVG and the PNG. */
  ms: number;
}

async function buildSvg(request: FigureRequest): Promise<string> {
  switch (request.kind) {
    case "dataset": {
      const { datasetFigure } = await import("./figures/dataset-figure.js");
      return datasetFigure(request.train);
    }
    case "training": {
      const { trainingFigure } = await import("./figures/training-figure.js");
      return trainingFigure(request.curves);
    }
    case "boundaries": {
      const { boundariesFigure } = await import("./figures/boundaries-figure.js");
      return boundariesFigure(request.panels);
    }
    case "neurons": {
      const { neuronsFigure } = await import("./figures/neurons-figure.js");
      return neuronsFigure(request.maps);
    }
    default: {
      const never: never = request;
      throw new TypeError(`buildSvg: unknown figure ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Draws one figure and writes `<name>.svg` and `<name>.png` into `dir`; returns the SVG for the report.
 *
 * @example
 * ```ts
 * const { svg } = await drawFigure({ kind: "dataset", train }, "dataset", "./tutorial-output");
 * ```
 */
export async function drawFigure(request: FigureRequest, name: string, dir: string): Promise<DrawnFigure> {
  const started = performance.now();
  const svg = await buildSvg(request);
  writeFileSync(join(dir, `${name}.svg`), svg);
  const { renderPngAsync } = await import("./figures/render-png.js");
  writeFileSync(join(dir, `${name}.png`), await renderPngAsync(svg));
  return { svg, ms: performance.now() - started };
}

/**
 * Renders report.html (KaTeX, inline figures) into `dir`.
 *
 * @example
 * ```ts
 * await writeReport({ title: "…", summary: [], sections }, "./tutorial-output");
 * ```
 */
export async function writeReport(input: ReportInput, dir: string): Promise<void> {
  const { renderReport } = await import("./report/report-html.js");
  writeFileSync(join(dir, "report.html"), renderReport(input));
}

/**
 * Loads the heavy modules ahead of time, in the order they are needed (Observable Plot and linkedom
 * for the first figure, resvg for its PNG, KaTeX for the report at the end), so that in the output
 * worker this happens while the main thread trains. Jobs do not wait for it: each imports what it
 * needs, and a module being preloaded is simply awaited.
 *
 * @example
 * ```ts
 * void preloadOutputModules();
 * ```
 */
export async function preloadOutputModules(): Promise<void> {
  await import("./figures/dataset-figure.js");
  await import("./figures/render-png.js");
  await Promise.all([
    import("./figures/training-figure.js"),
    import("./figures/boundaries-figure.js"),
    import("./figures/neurons-figure.js"),
  ]);
  await import("./report/report-html.js");
}
