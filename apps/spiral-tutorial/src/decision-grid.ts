/**
 * `np.arange(start, stop, step)` for floats, value for value: NumPy sets the length to
 * `ceil((stop - start) / step)`, stores `start` and `start + step`, then fills `start + i·delta` with
 * `delta = (start + step) - start`.
 *
 * @example
 * ```ts
 * numpyArange(-1.5, 1.5, 0.05).length; // 60
 * ```
 */
export function numpyArange(start: number, stop: number, step: number): Float64Array {
  if (![start, stop, step].every(Number.isFinite) || step === 0) {
    throw new RangeError(
      `numpyArange: expected finite start, stop and step with step non-zero, got ${start}, ${stop}, ${step}`,
    );
  }
  const length = Math.max(0, Math.ceil((stop - start) / step));
  const values = new Float64Array(length);
  if (length === 0) return values;
  values[0] = start;
  if (length === 1) return values;
  values[1] = start + step;
  const delta = values[1] - start;
  for (let i = 2; i < length; i++) values[i] = start + i * delta;
  return values;
}

/** The points of a `np.meshgrid(xs, ys)` grid, flattened like `np.c_[xx.ravel(), yy.ravel()]`. */
export interface PlaneGrid {
  xs: Float64Array;
  ys: Float64Array;
  step: number;
  /** Row-major n×2 points: point `j * xs.length + i` is `(xs[i], ys[j])`. */
  points: Float64Array;
}

/**
 * The grid over which a 2-D classifier's decisions are drawn, built like the tutorial's
 * `plot_decision_boundary` (Step 7) or its neuron maps (Step 8): `np.meshgrid(np.arange(...), np.arange(...))`.
 *
 * @example
 * ```ts
 * const grid = planeGrid([-1.5, 1.5], [-1.5, 1.5], 0.05); // 60 × 60 points
 * ```
 */
export function planeGrid(
  xRange: readonly [number, number],
  yRange: readonly [number, number],
  step: number,
): PlaneGrid {
  const xs = numpyArange(xRange[0], xRange[1], step);
  const ys = numpyArange(yRange[0], yRange[1], step);
  const points = new Float64Array(xs.length * ys.length * 2);
  for (let j = 0; j < ys.length; j++) {
    for (let i = 0; i < xs.length; i++) {
      const k = j * xs.length + i;
      points[2 * k] = xs[i]!;
      points[2 * k + 1] = ys[j]!;
    }
  }
  return { xs, ys, step, points };
}

/**
 * The tutorial's decision-boundary grid for points `X` (n×2): step `h` over each axis's
 * `[min - 0.5, max + 0.5)`.
 *
 * @example
 * ```ts
 * const grid = decisionGrid(XTest, 0.02); // 17,415 points for the seed-42 test set
 * ```
 */
export function decisionGrid(X: Float64Array, h = 0.02): PlaneGrid {
  if (X.length < 2 || X.length % 2 !== 0) {
    throw new RangeError(`decisionGrid: expected X to hold n×2 values with n ≥ 1, got length ${X.length}`);
  }
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let k = 0; k < X.length; k += 2) {
    xMin = Math.min(xMin, X[k]!);
    xMax = Math.max(xMax, X[k]!);
    yMin = Math.min(yMin, X[k + 1]!);
    yMax = Math.max(yMax, X[k + 1]!);
  }
  return planeGrid([xMin - 0.5, xMax + 0.5], [yMin - 0.5, yMax + 0.5], h);
}
