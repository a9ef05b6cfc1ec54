import { describe, expect, it } from "vitest";

import { boundariesFigure } from "./boundaries-figure.js";
import { parseColor, regionColors, viridis } from "./colors.js";
import { datasetFigure } from "./dataset-figure.js";
import { neuronsFigure } from "./neurons-figure.js";
import { encodePng } from "./png-encoder.js";
import { renderPng } from "./render-png.js";
import { trainingFigure } from "./training-figure.js";

// Synthetic inputs: the figures' content is checked end to end by the CLI test with real training.
const n = 30;
const X = Float64Array.from({ length: 2 * n }, (_, k) => Math.sin(k * 1.7));
const y = Int32Array.from({ length: n }, (_, i) => i % 3);
const points = { X, y, nClasses: 3 };
const xs = Float64Array.from({ length: 20 }, (_, i) => -1 + i * 0.1);
const grid = { xs, ys: xs, step: 0.1, values: Int32Array.from({ length: 400 }, (_, k) => k % 3) };

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe("figures", () => {
  it("dataset: one dot per point, the tutorial's title and colours, renders to PNG", () => {
    const svg = datasetFigure(points);
    expect(svg).toContain("Spiral Dataset — Can Your Neural Network Solve This?");
    expect(svg.match(/<circle/g)?.length).toBe(n + 3); // points + legend swatches
    for (const color of ["#FF6B6B", "#4ECDC4", "#45B7D1"]) expect(svg).toContain(color);
    const [width] = pngSize(renderPng(svg, 1));
    expect(width).toBe(640);
  });

  it("training: a loss and an accuracy panel with one line per network", () => {
    const curve = { loss: [3, 2, 1], accuracy: [0.3, 0.6, 0.9] };
    const svg = trainingFigure([
      { label: "From scratch", color: "#FF6B6B", ...curve },
      { label: "Framework", color: "#4ECDC4", ...curve },
    ]);
    expect(svg).toContain("Training Loss Comparison");
    expect(svg).toContain("Training Accuracy Comparison");
    expect(svg.match(/aria-label="line"/g)?.length).toBe(4);
    expect(pngSize(renderPng(svg, 1))).toEqual([1000, 404]);
  });

  it("boundaries: a raster image per panel with the accuracy titles", () => {
    const svg = boundariesFigure([
      { title: "Neurogebra (Acc: 93%)", grid, test: points },
      { title: "Framework (Acc: 97%)", grid, test: points },
    ]);
    expect(svg.match(/<image /g)?.length).toBe(2);
    expect(svg).toContain("Neurogebra (Acc: 93%)");
    expect(svg).toContain("Framework (Acc: 97%)");
    expect(pngSize(renderPng(svg, 1))[0]).toBe(1040);
  });

  it("neurons: 8 activation maps in a 2×4 grid and a colour bar", () => {
    const maps = Array.from({ length: 8 }, (_, k) => ({
      title: `Neuron ${k + 1}`,
      grid: { xs, ys: xs, step: 0.1, values: Float64Array.from({ length: 400 }, (_, i) => (i % 20) * k) },
    }));
    const svg = neuronsFigure(maps);
    expect(svg.match(/<image /g)?.length).toBe(9);
    expect(svg).toContain("Neuron 8 (max 133.00)");
    expect(svg).toContain("Neuron 1 (inactive)");
    expect(pngSize(renderPng(svg, 1))[0]).toBe(1080);
  });
});

describe("colours", () => {
  it("parses hex and rgb() colours", () => {
    expect(parseColor("#FF6B6B")).toEqual([255, 107, 107]);
    expect(parseColor("rgb(1, 2, 3)")).toEqual([1, 2, 3]);
    expect(() => parseColor("red")).toThrow(TypeError);
  });

  it("viridis runs from dark purple to yellow", () => {
    const color = viridis();
    expect(color(0)).toEqual([68, 1, 84]);
    expect(color(1)).toEqual([253, 231, 37]);
  });

  it("region colours are RdYlBu (red, yellow, blue) lightened like alpha 0.3 on white", () => {
    const [red, yellow, blue] = regionColors(3);
    expect(red![0]).toBeGreaterThan(red![2]);
    expect(yellow![0]).toBeGreaterThan(240);
    expect(blue![2]).toBeGreaterThan(blue![0]);
    for (const color of [red!, yellow!, blue!])
      for (const channel of color) expect(channel).toBeGreaterThan(170);
  });
});

describe("encodePng", () => {
  it("writes a valid header and rejects a wrong buffer size", () => {
    expect(pngSize(encodePng(3, 2, new Uint8Array(24)))).toEqual([3, 2]);
    expect(() => encodePng(3, 2, new Uint8Array(5))).toThrow(RangeError);
  });
});
