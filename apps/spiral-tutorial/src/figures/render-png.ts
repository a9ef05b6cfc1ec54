import { existsSync } from "node:fs";

import type { ResvgRenderOptions } from "@resvg/resvg-js";
import { renderAsync, Resvg } from "@resvg/resvg-js";

import { encodePngAsync } from "./png-encoder.js";

/** Debian's DejaVu Sans; when present we load just these two files instead of scanning every font. */
const dejaVu = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
];

/** Output pixels per SVG unit. */
const defaultZoom = 1.5;

function options(zoom: number): ResvgRenderOptions {
  const font = dejaVu.every((file) => existsSync(file))
    ? { loadSystemFonts: false, fontFiles: dejaVu }
    : { loadSystemFonts: true };
  // No `background`: every figure paints its own white rectangle (filling twice costs a full pass).
  return {
    fitTo: { mode: "zoom", value: zoom },
    font: { ...font, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  };
}

/**
 * Renders an SVG string to PNG with resvg at 1.5× (sharp on high-density screens; 2× costs 1.8× the
 * pixels), DejaVu Sans for text.
 *
 * @example
 * ```ts
 * writeFileSync("figure.png", renderPng(svgText));
 * ```
 */
export function renderPng(svg: string, zoom = defaultZoom): Buffer {
  return new Resvg(svg, options(zoom)).render().asPng();
}

/**
 * {@link renderPng} off the main thread: resvg rasterises on libuv's thread pool and zlib compresses
 * there too, so the main thread keeps training while figures are drawn.
 *
 * @example
 * ```ts
 * const png = await renderPngAsync(svgText);
 * ```
 */
export async function renderPngAsync(svg: string, zoom = defaultZoom): Promise<Buffer> {
  const image = await renderAsync(svg, options(zoom));
  return encodePngAsync(image.width, image.height, image.pixels);
}
