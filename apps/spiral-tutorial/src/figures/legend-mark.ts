import type { RenderFunction } from "@observablehq/plot";

import { createSvgElement } from "./svg-document.js";

/** One legend row: a dot (scatter) or a short line (curve) and its label. */
export interface LegendEntry {
  label: string;
  color: string;
  symbol: "dot" | "line";
}

const rowHeight = 17;

/**
 * A boxed legend in a corner of the plot frame, like matplotlib's `ax.legend()`.
 *
 * @example
 * ```ts
 * Plot.plot({ document, marks: [Plot.frame(), legendMark([{ label: "Class 0", color: "#FF6B6B", symbol: "dot" }])] });
 * ```
 */
export function legendMark(
  entries: readonly LegendEntry[],
  options: { corner?: "top-right" | "bottom-right" | "top-left"; dotStroke?: string } = {},
): RenderFunction {
  const corner = options.corner ?? "top-right";
  return (_index, _scales, _values, dimensions, context) => {
    const document = context.document;
    const longest = Math.max(...entries.map((entry) => entry.label.length));
    const boxWidth = 34 + longest * 6.6;
    const boxHeight = entries.length * rowHeight + 8;
    const left = corner.endsWith("right")
      ? dimensions.width - dimensions.marginRight - boxWidth - 8
      : dimensions.marginLeft + 8;
    const top = corner.startsWith("top")
      ? dimensions.marginTop + 8
      : dimensions.height - dimensions.marginBottom - boxHeight - 8;
    const group = createSvgElement(document, "g", { transform: `translate(${left},${top})` });
    group.appendChild(
      createSvgElement(document, "rect", {
        width: boxWidth,
        height: boxHeight,
        rx: 4,
        fill: "white",
        "fill-opacity": 0.85,
        stroke: "#bbb",
      }),
    );
    entries.forEach((entry, row) => {
      const y = 4 + rowHeight * row + rowHeight / 2;
      if (entry.symbol === "dot") {
        group.appendChild(
          createSvgElement(document, "circle", {
            cx: 15,
            cy: y,
            r: 4.5,
            fill: entry.color,
            stroke: options.dotStroke ?? "none",
            "stroke-width": 0.6,
          }),
        );
      } else {
        group.appendChild(
          createSvgElement(document, "line", {
            x1: 6,
            x2: 24,
            y1: y,
            y2: y,
            stroke: entry.color,
            "stroke-width": 2.5,
          }),
        );
      }
      const text = createSvgElement(document, "text", {
        x: 30,
        y,
        dy: "0.35em",
        "font-size": 11,
        "text-anchor": "start",
        fill: "#222",
      });
      text.textContent = entry.label;
      group.appendChild(text);
    });
    return group;
  };
}
