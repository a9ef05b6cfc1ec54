import type { ResvgRenderOptions } from "@resvg/resvg-js";
import { renderAsync, Resvg } from "@resvg/resvg-js";

function options(zoom: number): ResvgRenderOptions {
  return {
    background: "white",
    fitTo: { mode: "zoom", value: zoom },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  };
}

/**
 * Renders an SVG string to PNG with resvg at 2× (crisp on high-density screens), white background,
 * the system's DejaVu Sans for text.
 *
 * @example
 * ```ts
 * writeFileSync("figure.png", renderPng(svgText));
 * ```
 */
export function renderPng(svg: string, zoom = 2): Buffer {
  return new Resvg(svg, options(zoom)).render().asPng();
}

/**
 * {@link renderPng} on libuv's thread pool: the main thread keeps training while figures rasterise.
 *
 * @example
 * ```ts
 * const png = await renderPngAsync(svgText);
 * ```
 */
export async function renderPngAsync(svg: string, zoom = 2): Promise<Buffer> {
  const image = await renderAsync(svg, options(zoom));
  return image.asPng();
}
