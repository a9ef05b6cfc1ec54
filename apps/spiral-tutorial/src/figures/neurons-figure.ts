import * as Plot from "@observablehq/plot";

import { viridis } from "./colors.js";
import { composeFigure, figureTitleHeight } from "./compose-figure.js";
import { gridImage, type GridSamples } from "./boundaries-figure.js";
import { panelMarginTop, panelTitle } from "./panel-title.js";
import { rasterMark } from "./raster-mark.js";
import { createSvgDocument } from "./svg-document.js";

/** One neuron's activation over the grid. */
export interface ActivationMap {
  title: string;
  grid: GridSamples<Float64Array>;
}

const panelWidth = 270;
const colorBarWidth = 360;

/** A horizontal viridis colour bar: activation from 0 to each neuron's maximum. */
function colorBar(document: Document): SVGSVGElement | HTMLElement {
  const color = viridis();
  const steps = 256;
  const rgba = new Uint8Array(steps * 4);
  for (let i = 0; i < steps; i++) {
    rgba.set([...color(i / (steps - 1)), 255], i * 4);
  }
  const image = { width: steps, height: 1, rgba, x1: 0, x2: 1, y1: 0, y2: 1 };
  return Plot.plot({
    document,
    width: colorBarWidth,
    height: 56,
    marginTop: 4,
    marginBottom: 36,
    marginLeft: 20,
    marginRight: 20,
    style: { fontSize: "11px" },
    x: {
      domain: [0, 1],
      label: "activation, as a fraction of the neuron's maximum",
      labelAnchor: "center",
      labelArrow: "none",
      tickFormat: ".0%",
      ticks: 5,
    },
    y: { domain: [0, 1], axis: null },
    marks: [rasterMark(image), Plot.frame({ stroke: "#999" })],
  });
}
const columns = 4;

function activationPanel(document: Document, map: ActivationMap): SVGSVGElement | HTMLElement {
  let min = Infinity;
  let max = -Infinity;
  for (const value of map.grid.values) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  const color = viridis();
  const span = max - min;
  const image = gridImage(map.grid, (value) => color(span > 0 ? (value - min) / span : 0));
  const subtitle = span > 0 ? `${map.title} (max ${max.toFixed(2)})` : `${map.title} (inactive)`;
  return Plot.plot({
    document,
    width: panelWidth,
    aspectRatio: 1,
    marginTop: panelMarginTop - 4,
    marginLeft: 48,
    marginRight: 12,
    marginBottom: 36,
    style: { fontSize: "11px" },
    x: { domain: [image.x1, image.x2], label: "x₁", labelAnchor: "center", labelArrow: "none", ticks: 5 },
    y: {
      domain: [image.y1, image.y2],
      label: "x₂",
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 40,
      ticks: 5,
    },
    marks: [rasterMark(image), Plot.frame({ stroke: "#999" }), panelTitle(subtitle)],
  });
}

/**
 * Step 8's figure: what each of the first neurons of layer 1 responds to — its ReLU output over the
 * plane (viridis, dark = 0, yellow = the neuron's maximum on the grid), 4 per row.
 *
 * @example
 * ```ts
 * writeFileSync("neurons.svg", neuronsFigure(maps));
 * ```
 */
export function neuronsFigure(maps: readonly ActivationMap[]): string {
  const document = createSvgDocument();
  const plots = maps.map((map) => activationPanel(document, map));
  const panelHeight = Math.max(...plots.map((plot) => Number(plot.getAttribute("height"))));
  const rows = Math.ceil(plots.length / columns);
  const legend = colorBar(document);
  const figureWidth = panelWidth * Math.min(columns, Math.max(1, plots.length));
  const legendHeight = 62;
  const panels = plots.map((svg, k) => ({
    svg,
    x: (k % columns) * panelWidth,
    y: figureTitleHeight + Math.floor(k / columns) * panelHeight,
  }));
  panels.push({
    svg: legend,
    x: (figureWidth - colorBarWidth) / 2,
    y: figureTitleHeight + rows * panelHeight + 4,
  });
  return composeFigure(document, {
    width: figureWidth,
    height: figureTitleHeight + rows * panelHeight + legendHeight,
    title: "What Each Neuron in Layer 1 Responds To",
    panels,
  });
}
