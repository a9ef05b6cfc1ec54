import * as Plot from "@observablehq/plot";

/** Top margin that leaves room for {@link panelTitle}. */
export const panelMarginTop = 36;

/**
 * A bold title centred above a Plot panel's frame (matplotlib's `ax.set_title`).
 *
 * @example
 * ```ts
 * Plot.plot({ document, marginTop: panelMarginTop, marks: [panelTitle("Training Loss")] });
 * ```
 */
export function panelTitle(title: string): Plot.Markish {
  return Plot.text([title], {
    frameAnchor: "top",
    dy: -22,
    fontSize: 14,
    fontWeight: "bold",
    fill: "#222",
  });
}
