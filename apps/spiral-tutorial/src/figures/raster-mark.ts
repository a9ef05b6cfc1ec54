import type { RenderFunction } from "@observablehq/plot";

import { encodePng } from "./png-encoder.js";
import { createSvgElement } from "./svg-document.js";

/** A grid of colours sampled at the centres of cells of equal size. */
export interface RasterImage {
  /** Pixels per row and number of rows. */
  width: number;
  height: number;
  /** RGBA bytes, row-major, **top row first** (largest y). */
  rgba: Uint8Array;
  /** The data extent the image covers: cell edges, not centres. */
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/**
 * A Plot mark that draws a raster as one embedded PNG `<image>` stretched over its data extent —
 * tens of thousands of grid cells without tens of thousands of SVG rects. The plot's x/y domains
 * must be set explicitly (a render function does not take part in scale inference).
 *
 * @example
 * ```ts
 * Plot.plot({ document, x: { domain: [0, 1] }, y: { domain: [0, 1] }, marks: [rasterMark(image)] });
 * ```
 */
export function rasterMark(image: RasterImage, options: { smooth?: boolean } = {}): RenderFunction {
  const href = `data:image/png;base64,${encodePng(image.width, image.height, image.rgba).toString("base64")}`;
  return (_index, scales, _values, _dimensions, context) => {
    const x = scales.x;
    const y = scales.y;
    if (x === undefined || y === undefined) {
      throw new TypeError("rasterMark: the plot needs x and y scales (set their domains)");
    }
    const left = Number(x(image.x1));
    const right = Number(x(image.x2));
    const top = Number(y(image.y2));
    const bottom = Number(y(image.y1));
    return createSvgElement(context.document, "image", {
      x: left,
      y: top,
      width: right - left,
      height: bottom - top,
      preserveAspectRatio: "none",
      "image-rendering": options.smooth === false ? "optimizeSpeed" : "optimizeQuality",
      href,
    });
  };
}
