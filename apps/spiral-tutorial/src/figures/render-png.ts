import { Resvg } from "@resvg/resvg-js";

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
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: zoom },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
