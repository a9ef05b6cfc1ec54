import * as Plot from "@observablehq/plot";

import { composeFigure, figureTitleHeight } from "./compose-figure.js";
import { legendMark } from "./legend-mark.js";
import { panelMarginTop, panelTitle } from "./panel-title.js";
import { createSvgDocument } from "./svg-document.js";

/** One network's per-epoch history, drawn as one curve per panel. */
export interface TrainingCurve {
  label: string;
  color: string;
  loss: readonly number[];
  accuracy: readonly number[];
}

const panelWidth = 500;
const panelHeight = 360;

function curvePanel(
  document: Document,
  curves: readonly TrainingCurve[],
  metric: "loss" | "accuracy",
): SVGSVGElement | HTMLElement {
  const marks: Plot.Markish[] = [Plot.frame({ stroke: "#999" })];
  for (const curve of curves) {
    const values = curve[metric];
    marks.push(
      Plot.line(values, {
        x: (_: number, i: number) => i,
        y: (v: number) => v,
        stroke: curve.color,
        strokeWidth: 2.2,
      }),
    );
  }
  const isLoss = metric === "loss";
  marks.push(panelTitle(isLoss ? "Training Loss Comparison" : "Training Accuracy Comparison"));
  marks.push(
    legendMark(
      curves.map((curve) => ({ label: curve.label, color: curve.color, symbol: "line" as const })),
      { corner: isLoss ? "top-right" : "bottom-right" },
    ),
  );
  const epochs = Math.max(1, ...curves.map((curve) => curve.loss.length));
  return Plot.plot({
    document,
    width: panelWidth,
    height: panelHeight,
    marginTop: panelMarginTop,
    marginLeft: 56,
    marginRight: 16,
    marginBottom: 42,
    style: { fontSize: "12px" },
    grid: true,
    x: { domain: [0, Math.max(1, epochs - 1)], label: "Epoch", labelAnchor: "center", labelArrow: "none" },
    y: isLoss
      ? { label: "Loss", labelAnchor: "center", labelArrow: "none", zero: true, nice: true }
      : {
          domain: [0, 1.05],
          label: "Accuracy",
          labelAnchor: "center",
          labelArrow: "none",
          tickFormat: ".0%",
        },
    marks,
  });
}

/**
 * Step 5's figure: loss and accuracy per epoch of both networks, side by side.
 *
 * @example
 * ```ts
 * writeFileSync("training.svg", trainingFigure([{ label: "From scratch", color: "#FF6B6B", loss, accuracy }]));
 * ```
 */
export function trainingFigure(curves: readonly TrainingCurve[]): string {
  const document = createSvgDocument();
  const loss = curvePanel(document, curves, "loss");
  const accuracy = curvePanel(document, curves, "accuracy");
  return composeFigure(document, {
    width: panelWidth * 2,
    height: panelHeight + figureTitleHeight,
    title: "Training Progress — Loss and Accuracy per Epoch",
    panels: [
      { svg: loss, x: 0, y: figureTitleHeight },
      { svg: accuracy, x: panelWidth, y: figureTitleHeight },
    ],
  });
}
