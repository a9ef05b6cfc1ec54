import { classColor } from "./colors.js";
import type { PointSet } from "./point-set.js";
import type { RunInfo } from "../worker/run-types.js";

let scratch: OffscreenCanvas | null = null;

/** One offscreen canvas of the grid's size, reused from draw to draw. */
function scratchCanvas(width: number, height: number): OffscreenCanvas {
  if (scratch === null || scratch.width !== width || scratch.height !== height)
    scratch = new OffscreenCanvas(width, height);
  return scratch;
}

/**
 * Draws the plane on `canvas` (`size` CSS pixels square, sharp on high-DPI screens): the decision regions
 * (an RGBA image over the view, scaled up smoothly), then the training points filled with a white rim, the
 * test points with a dark ring, and the last `added` training points (the clicked ones) with a thick rim.
 */
export function drawPlane(
  canvas: HTMLCanvasElement,
  size: number,
  info: RunInfo,
  decision: { pixels: Uint8ClampedArray; width: number; height: number } | null,
  added: number,
  ratio = window.devicePixelRatio || 1,
): void {
  const side = Math.round(size * ratio);
  if (canvas.width !== side || canvas.height !== side) [canvas.width, canvas.height] = [side, side];
  const ctx = canvas.getContext("2d")!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, size, size);
  const { xMin, yMin, step, nx, ny } = info.view;
  if (decision !== null && decision.pixels.length === 4 * decision.width * decision.height) {
    const image = scratchCanvas(decision.width, decision.height);
    const pixels = decision.pixels as Uint8ClampedArray<ArrayBuffer>;
    image.getContext("2d")!.putImageData(new ImageData(pixels, decision.width, decision.height), 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(image, 0, 0, size, size);
  }
  const px = (x: number) => ((x - xMin) / (nx * step)) * size;
  const py = (y: number) => (1 - (y - yMin) / (ny * step)) * size;
  const radius = Math.max(
    2.5,
    Math.min(5, 900 / Math.sqrt(info.train.y.length + info.test.y.length + 1) / 4),
  );
  const dots = (points: PointSet, stroke: string, width: number, from = 0) => {
    for (let i = from; i < points.y.length; i++) {
      ctx.beginPath();
      ctx.arc(px(points.X[2 * i]!), py(points.X[2 * i + 1]!), radius, 0, 2 * Math.PI);
      ctx.fillStyle = classColor(points.y[i]!);
      ctx.fill();
      ctx.lineWidth = width;
      ctx.strokeStyle = stroke;
      ctx.stroke();
    }
  };
  dots(info.train, "rgba(255, 255, 255, 0.9)", 1);
  dots(info.test, "rgba(20, 20, 30, 0.85)", 1.5);
  if (added > 0) dots(info.train, "#111", 2.5, info.train.y.length - added);
  ctx.strokeStyle = "rgba(0, 0, 0, 0.15)";
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, 0.5, size - 1, size - 1);
  ctx.fillStyle = "rgba(30, 30, 40, 0.6)";
  ctx.font = "11px system-ui, sans-serif";
  ctx.textAlign = "right";
  ctx.fillText(`x1 ${xMin.toFixed(1)} … ${(xMin + nx * step).toFixed(1)}`, size - 6, size - 6);
  ctx.save();
  ctx.translate(14, 6);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(`x2 ${yMin.toFixed(1)} … ${(yMin + ny * step).toFixed(1)}`, 0, 0);
  ctx.restore();
  ctx.textAlign = "left";
}
