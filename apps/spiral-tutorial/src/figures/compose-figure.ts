import { createSvgElement, serializeSvg } from "./svg-document.js";

/** One plot placed inside a composed figure. */
export interface FigurePanel {
  /** The panel's `<svg>` (e.g. a `Plot.plot` result). */
  svg: Element;
  x: number;
  y: number;
}

/** Layout of a composed figure. */
export interface ComposeOptions {
  width: number;
  height: number;
  /** The figure's headline (matplotlib's `suptitle`). */
  title: string;
  panels: readonly FigurePanel[];
}

/** Height reserved above the panels for the headline. */
export const figureTitleHeight = 44;

/**
 * Places several Plot panels (drawn into the same `document`) side by side in one SVG with a bold headline on a white background —
 * the counterpart of matplotlib's `plt.subplots` + `suptitle`.
 *
 * @example
 * ```ts
 * const document = createSvgDocument();
 * const plot = Plot.plot({ document, marks: [Plot.frame()] });
 * const svg = composeFigure(document, { width: 640, height: 440, title: "Training", panels: [{ svg: plot, x: 0, y: 44 }] });
 * ```
 */
export function composeFigure(document: Document, options: ComposeOptions): string {
  const root = createSvgElement(document, "svg", {
    width: options.width,
    height: options.height,
    viewBox: `0 0 ${options.width} ${options.height}`,
    "font-family": "DejaVu Sans, Helvetica, Arial, sans-serif",
  });
  root.appendChild(
    createSvgElement(document, "rect", { width: options.width, height: options.height, fill: "white" }),
  );
  // Bold DejaVu Sans is about 0.65 em per character: shrink a headline that would not fit.
  const fontSize = Math.min(18, (options.width - 24) / (0.65 * options.title.length));
  const title = createSvgElement(document, "text", {
    x: options.width / 2,
    y: 28,
    "text-anchor": "middle",
    "font-size": Math.round(fontSize * 10) / 10,
    "font-weight": "bold",
    fill: "#222",
  });
  title.textContent = options.title;
  root.appendChild(title);
  for (const panel of options.panels) {
    panel.svg.setAttribute("x", String(panel.x));
    panel.svg.setAttribute("y", String(panel.y));
    // Nested <svg>s keep each panel's own coordinate system.
    root.appendChild(panel.svg);
  }
  return serializeSvg(root);
}
