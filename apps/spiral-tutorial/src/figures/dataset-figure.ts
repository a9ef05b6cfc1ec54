import * as Plot from "@observablehq/plot";

import { classColors } from "./colors.js";
import { composeFigure, figureTitleHeight } from "./compose-figure.js";
import { legendMark } from "./legend-mark.js";
import { createSvgDocument } from "./svg-document.js";

/** Labelled 2-D points, row-major `X` (n×2). */
export interface LabelledPoints {
  X: Float64Array;
  y: Int32Array;
  nClasses: number;
}

/** The x and y extent of 2-D points, padded by `pad` on every side. */
export function pointExtent(
  points: LabelledPoints,
  pad: number,
): { x: [number, number]; y: [number, number] } {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < points.y.length; i++) {
    const a = points.X[2 * i]!;
    const b = points.X[2 * i + 1]!;
    xMin = Math.min(xMin, a);
    xMax = Math.max(xMax, a);
    yMin = Math.min(yMin, b);
    yMax = Math.max(yMax, b);
  }
  return { x: [xMin - pad, xMax + pad], y: [yMin - pad, yMax + pad] };
}

/**
 * Per-class scatter marks for 2-D points in the tutorial's colours.
 *
 * @example
 * ```ts
 * Plot.plot({ document, marks: classScatterMarks(points, { opacity: 0.7 }) });
 * ```
 */
export function classScatterMarks(
  points: LabelledPoints,
  options: { opacity?: number; stroke?: string; r?: number } = {},
): Plot.Markish[] {
  return Array.from({ length: points.nClasses }, (_, k) => {
    const rows = [];
    for (let i = 0; i < points.y.length; i++) if (points.y[i] === k) rows.push(i);
    return Plot.dot(rows, {
      x: (i: number) => points.X[2 * i],
      y: (i: number) => points.X[2 * i + 1],
      r: options.r ?? 3.6,
      fill: classColors[k % classColors.length],
      fillOpacity: options.opacity ?? 1,
      stroke: options.stroke ?? "none",
      strokeWidth: 0.6,
    });
  });
}

/**
 * A legend mark naming each class in its tutorial colour.
 *
 * @example
 * ```ts
 * Plot.plot({ document, marks: [classLegend(3)] });
 * ```
 */
export function classLegend(nClasses: number, stroke?: string): Plot.Markish {
  const entries = Array.from({ length: nClasses }, (_, k) => ({
    label: `Class ${k}`,
    color: classColors[k % classColors.length]!,
    symbol: "dot" as const,
  }));
  return legendMark(entries, stroke === undefined ? {} : { dotStroke: stroke });
}

/**
 * Step 1's figure: the training points by class, equal aspect, the tutorial's title and colours.
 *
 * @example
 * ```ts
 * writeFileSync("dataset.svg", datasetFigure(train));
 * ```
 */
export function datasetFigure(train: LabelledPoints): string {
  const document = createSvgDocument();
  const width = 640;
  const extent = pointExtent(train, 0.1);
  const plot = Plot.plot({
    document,
    width,
    aspectRatio: 1,
    marginTop: 12,
    marginLeft: 50,
    marginBottom: 42,
    style: { fontSize: "12px" },
    x: { domain: extent.x, label: "x₁", labelAnchor: "center", labelArrow: "none" },
    y: { domain: extent.y, label: "x₂", labelAnchor: "center", labelArrow: "none" },
    grid: true,
    marks: [
      Plot.frame({ stroke: "#999" }),
      ...classScatterMarks(train, { opacity: 0.7 }),
      classLegend(train.nClasses),
    ],
  });
  const height = Number(plot.getAttribute("height"));
  return composeFigure(document, {
    width,
    height: height + figureTitleHeight,
    title: "Spiral Dataset — Can Your Neural Network Solve This?",
    panels: [{ svg: plot, x: 0, y: figureTitleHeight }],
  });
}
