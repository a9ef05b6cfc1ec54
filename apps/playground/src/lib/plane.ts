import type { PointSet } from "./point-set.js";

/** The part of the plane shown and the grid the decision map is computed on. */
export interface PlaneView {
  xMin: number;
  yMin: number;
  /** Grid step; the grid's points are `xMin + i·step`, `yMin + j·step` (NumPy's `arange`). */
  step: number;
  nx: number;
  ny: number;
}

/** The tutorial's decision-map step (`h = 0.02`); wider data gets a coarser grid of at most this many columns. */
export const TUTORIAL_STEP = 0.02;
const MAX_CELLS = 200;

/**
 * The view around every point ± 0.5 (the tutorial's `x_min - 0.5 … x_max + 0.5`), made square so the
 * plane is not distorted, on a 0.02 grid (the tutorial's) unless the data is wide.
 *
 * @example
 * ```ts
 * planeView([train, test]).step; // 0.02 for the spirals
 * ```
 */
export function planeView(sets: readonly PointSet[]): PlaneView {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const { X } of sets) {
    for (let k = 0; k + 1 < X.length; k += 2) {
      xMin = Math.min(xMin, X[k]!);
      xMax = Math.max(xMax, X[k]!);
      yMin = Math.min(yMin, X[k + 1]!);
      yMax = Math.max(yMax, X[k + 1]!);
    }
  }
  if (!Number.isFinite(xMin)) [xMin, xMax, yMin, yMax] = [-1, 1, -1, 1];
  const span = Math.max(xMax - xMin, yMax - yMin) + 1;
  const cx = (xMin + xMax) / 2;
  const cy = (yMin + yMax) / 2;
  const step = span / TUTORIAL_STEP <= MAX_CELLS ? TUTORIAL_STEP : span / MAX_CELLS;
  const n = Math.ceil(span / step);
  return { xMin: cx - span / 2, yMin: cy - span / 2, step, nx: n, ny: n };
}

/** Row-major n×2 grid points, the top row first (largest y), so pixel row r is the grid's row ny−1−r. */
export function gridPoints(view: PlaneView, nx = view.nx, ny = view.ny): Float64Array {
  const sx = (view.step * view.nx) / nx;
  const sy = (view.step * view.ny) / ny;
  const points = new Float64Array(nx * ny * 2);
  for (let r = 0; r < ny; r++) {
    const y = view.yMin + (ny - 1 - r + 0.5) * sy;
    for (let i = 0; i < nx; i++) {
      const k = r * nx + i;
      points[2 * k] = view.xMin + (i + 0.5) * sx;
      points[2 * k + 1] = y;
    }
  }
  return points;
}

/** Side of each neuron's activation map, in grid cells. */
export const NEURON_MAP_SIZE = 32;
