import { expected } from "@neurogebra/internal";

import * as Plot from "@observablehq/plot";

/** The tutorial's class colours (`colors = ['#FF6B6B', '#4ECDC4', '#45B7D1']`), cycled for more classes. */
export const classColors: readonly string[] = [
  "#FF6B6B",
  "#4ECDC4",
  "#45B7D1",
  "#F7B32B",
  "#9B5DE5",
  "#3D405B",
];

/** The tutorial's line colours in the training figure: from scratch red, framework teal. */
export const halfColors = { fromScratch: "#FF6B6B", framework: "#4ECDC4" } as const;

/** An sRGB colour as bytes. */
export type Rgb = readonly [number, number, number];

/**
 * Parses `#rrggbb` or `rgb(r, g, b)` (what Plot's colour scales return) into bytes.
 *
 * @example
 * ```ts
 * parseColor("#FF6B6B"); // [255, 107, 107]
 * ```
 */
export function parseColor(color: string): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new TypeError(expected("parseColor", `"#rrggbb" or "rgb(r, g, b)"`, color));
}

/**
 * Region colours for a decision map: matplotlib's `contourf(…, alpha=0.3, cmap='RdYlBu')` over class
 * labels, i.e. the RdYlBu scheme sampled per class and blended onto white at 30 % opacity.
 *
 * @example
 * ```ts
 * const [red, yellow, blue] = regionColors(3);
 * ```
 */
export function regionColors(nClasses: number, alpha = 0.3): Rgb[] {
  const scheme = Plot.scale({ color: { type: "linear", scheme: "RdYlBu", domain: [0, 1] } });
  return Array.from({ length: nClasses }, (_, k) => {
    const t = nClasses === 1 ? 0.5 : 0.08 + (0.84 * k) / (nClasses - 1);
    const [r, g, b] = parseColor(String(scheme.apply(t)));
    return [blend(r, alpha), blend(g, alpha), blend(b, alpha)] as const;
  });
}

function blend(channel: number, alpha: number): number {
  return Math.round(alpha * channel + (1 - alpha) * 255);
}

/**
 * The viridis colour map as a function of t in [0, 1] (Plot's / d3's viridis).
 *
 * @example
 * ```ts
 * const color = viridis(); color(0); // [68, 1, 84]
 * ```
 */
export function viridis(): (t: number) => Rgb {
  const scheme = Plot.scale({ color: { type: "linear", scheme: "viridis", domain: [0, 1] } });
  // Sample once into a 256-entry table: applying the scale per pixel would parse a string each time.
  const table = Array.from({ length: 256 }, (_, i) => parseColor(String(scheme.apply(i / 255))));
  return (t) => table[Math.max(0, Math.min(255, Math.round(t * 255)))]!;
}
