import * as Plot from "@observablehq/plot";

import { regionColors } from "./colors.js";
import { composeFigure, figureTitleHeight } from "./compose-figure.js";
import { classLegend, classScatterMarks, type LabelledPoints } from "./dataset-figure.js";
import { panelMarginTop, panelTitle } from "./panel-title.js";
import type { RasterImage } from "./raster-mark.js";
import { rasterMark } from "./raster-mark.js";
import { createSvgDocument } from "./svg-document.js";

/** A sampled grid: `values[j * xs.length + i]` belongs to the point `(xs[i], ys[j])`. */
export interface GridSamples<T extends Int32Array | Float64Array> {
  xs: Float64Array;
  ys: Float64Array;
  /** Distance between neighbouring grid points. */
  step: number;
  values: T;
}

/** One network's decision regions with the test points on top. */
export interface BoundaryPanel {
  title: string;
  grid: GridSamples<Int32Array>;
  test: LabelledPoints;
}

/**
 * Turns grid samples into an image whose pixels are centred on the grid points, top row = largest y.
 *
 * @example
 * ```ts
 * const image = gridImage(grid, (value) => palette[value]);
 * ```
 */
export function gridImage<T extends Int32Array | Float64Array>(
  grid: GridSamples<T>,
  color: (value: number) => readonly [number, number, number],
): RasterImage {
  const width = grid.xs.length;
  const height = grid.ys.length;
  const rgba = new Uint8Array(width * height * 4);
  for (let j = 0; j < height; j++) {
    const row = height - 1 - j;
    for (let i = 0; i < width; i++) {
      const [r, g, b] = color(grid.values[j * width + i]!);
      const offset = (row * width + i) * 4;
      rgba[offset] = r;
      rgba[offset + 1] = g;
      rgba[offset + 2] = b;
      rgba[offset + 3] = 255;
    }
  }
  const half = grid.step / 2;
  return {
    width,
    height,
    rgba,
    x1: grid.xs[0]! - half,
    x2: grid.xs[width - 1]! + half,
    y1: grid.ys[0]! - half,
    y2: grid.ys[height - 1]! + half,
  };
}

const panelWidth = 520;

function boundaryPanel(document: Document, panel: BoundaryPanel): SVGSVGElement | HTMLElement {
  const palette = regionColors(panel.test.nClasses);
  const image = gridImage(panel.grid, (value) => palette[value] ?? [255, 255, 255]);
  return Plot.plot({
    document,
    width: panelWidth,
    aspectRatio: 1,
    marginTop: panelMarginTop,
    marginLeft: 50,
    marginRight: 14,
    marginBottom: 42,
    style: { fontSize: "12px" },
    x: { domain: [image.x1, image.x2], label: "x₁", labelAnchor: "center", labelArrow: "none" },
    y: { domain: [image.y1, image.y2], label: "x₂", labelAnchor: "center", labelArrow: "none" },
    marks: [
      rasterMark(image),
      Plot.frame({ stroke: "#999" }),
      ...classScatterMarks(panel.test, { stroke: "black", r: 4 }),
      classLegend(panel.test.nClasses, "black"),
      panelTitle(panel.title),
    ],
  });
}

/**
 * Step 7's figure: each network's decision regions (a raster of its predictions on the tutorial's
 * 0.02 grid, coloured like matplotlib's RdYlBu at 30 %) with the test points on top.
 *
 * @example
 * ```ts
 * writeFileSync("boundaries.svg", boundariesFigure([{ title: "Neurogebra (Acc: 93%)", grid, test }]));
 * ```
 */
export function boundariesFigure(panels: readonly BoundaryPanel[]): string {
  const document = createSvgDocument();
  const plots = panels.map((panel) => boundaryPanel(document, panel));
  const height = Math.max(...plots.map((plot) => Number(plot.getAttribute("height"))));
  return composeFigure(document, {
    width: panelWidth * panels.length,
    height: height + figureTitleHeight,
    title: "Decision Boundaries — Neural Network Learned to Separate Spirals!",
    panels: plots.map((svg, k) => ({ svg, x: k * panelWidth, y: figureTitleHeight })),
  });
}
