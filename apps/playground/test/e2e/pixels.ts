import type { Locator } from "playwright-core";

import { CLASS_COLORS } from "../../src/lib/colors.js";

/**
 * How many pixels of the decision canvas show each class: a region pixel is a class colour mixed with
 * white, so it lies on the segment from white to that colour; it counts for the class whose segment it is
 * close to, when it is at least 30 % of the way (not a pale, undecided pixel). Also the number of distinct
 * colours.
 */
export async function classPixels(
  canvas: Locator,
  nClasses: number,
): Promise<{ perClass: number[]; distinct: number; total: number }> {
  return canvas.evaluate(
    (c: HTMLCanvasElement, { colors, k }) => {
      const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      const perClass = new Array<number>(k).fill(0);
      const distinct = new Set<number>();
      for (let o = 0; o < data.length; o += 4) {
        const q = [data[o]! - 255, data[o + 1]! - 255, data[o + 2]! - 255];
        distinct.add(((data[o]! << 16) | (data[o + 1]! << 8) | data[o + 2]!) >>> 0);
        let best = -1;
        let bestResidual = Infinity;
        for (let cls = 0; cls < k; cls++) {
          const d = colors[cls]!.map((v) => v - 255);
          const t = (q[0]! * d[0]! + q[1]! * d[1]! + q[2]! * d[2]!) / (d[0]! ** 2 + d[1]! ** 2 + d[2]! ** 2);
          const residual = Math.hypot(q[0]! - t * d[0]!, q[1]! - t * d[1]!, q[2]! - t * d[2]!);
          if (t >= 0.3 && residual < bestResidual) [best, bestResidual] = [cls, residual];
        }
        if (best >= 0 && bestResidual < 10) perClass[best]!++;
      }
      return { perClass, distinct: distinct.size, total: data.length / 4 };
    },
    { colors: CLASS_COLORS.map((c) => [...c]), k: nClasses },
  );
}

/** A short fingerprint of the canvas's pixels (equal pictures, equal fingerprints). */
export async function canvasPixels(canvas: Locator): Promise<string> {
  return canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL("image/png"));
}
