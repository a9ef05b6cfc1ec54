import { classColor } from "./colors.js";
import { drawPlane } from "./draw-plane.js";
import type { RunInfo } from "../worker/run-types.js";

/**
 * The current figure as a PNG: a title line (data, network, epoch, accuracies), the decision regions with
 * the points, and a legend of the classes — drawn at twice the screen size.
 */
export function figurePng(
  info: RunInfo,
  decision: { pixels: Uint8ClampedArray; width: number; height: number } | null,
  title: string,
  subtitle: string,
  added: number,
): Promise<Blob> {
  const scale = 2;
  const plane = 520;
  const width = plane + 40;
  const height = plane + 110;
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext("2d")!;
  ctx.scale(scale, scale);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#1d2433";
  ctx.font = "600 16px system-ui, sans-serif";
  ctx.fillText(title, 20, 28);
  ctx.fillStyle = "#5b6478";
  ctx.font = "13px system-ui, sans-serif";
  ctx.fillText(subtitle, 20, 48);
  const planeCanvas = document.createElement("canvas");
  drawPlane(planeCanvas, plane, info, decision, added, scale);
  ctx.drawImage(planeCanvas, 20, 62, plane, plane);
  let x = 20;
  ctx.font = "13px system-ui, sans-serif";
  for (let c = 0; c < info.nClasses; c++) {
    ctx.fillStyle = classColor(c);
    ctx.beginPath();
    ctx.arc(x + 6, height - 22, 6, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = "#1d2433";
    ctx.fillText(`class ${c}`, x + 16, height - 18);
    x += 80;
  }
  ctx.fillStyle = "#5b6478";
  ctx.fillText("filled: training · ringed: test", x + 10, height - 18);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob === null ? reject(new Error("PNG export: the canvas gave no image")) : resolve(blob)),
      "image/png",
    ),
  );
}
