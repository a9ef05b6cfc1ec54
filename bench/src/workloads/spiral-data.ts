import { generateSpirals, trainTestSplit } from "@neurogebra/datasets";
import { NumpyRandomState, PythonRandom } from "@neurogebra/random";

/** The tutorial's data (Step 1): 300 spiral points, noise 0.15, split 240 / 60 with seed 42. */
export interface TutorialData {
  /** Row-major `240 × 2` training features. */
  readonly XTrain: Float64Array;
  readonly yTrain: Int32Array;
  /** Row-major `60 × 2` test features. */
  readonly XTest: Float64Array;
  readonly yTest: Int32Array;
  /** The generator after the split: the next draws are the tutorial's per-epoch shuffles. */
  readonly numpy: NumpyRandomState;
}

/**
 * Step 1 of the tutorial with the same draws as `np.random.seed(42)`: `generateSpirals` (100 points per
 * class, 3 classes, noise 0.15), then the 80 / 20 split by `np.random.permutation`.
 *
 * @example
 * ```ts
 * const { XTrain, yTrain } = tutorialData();
 * yTrain.length; // 240
 * ```
 */
export function tutorialData(): TutorialData {
  const numpy = new NumpyRandomState(42);
  const spirals = generateSpirals({ pointsPerClass: 100, classes: 3, noise: 0.15, rng: numpy });
  const split = trainTestSplit(spirals, { trainFraction: 0.8, rng: numpy });
  return { XTrain: split.XTrain, yTrain: split.yTrain, XTest: split.XTest, yTest: split.yTest, numpy };
}

/**
 * The random draws of the tutorial's from-scratch training: weights from Python's `random.seed(42)`,
 * per-epoch shuffles from NumPy's stream continued after the split — so every run does the same work.
 *
 * @example
 * ```ts
 * const rng = tutorialScalarRng(tutorialData().numpy);
 * ```
 */
export function tutorialScalarRng(numpy: NumpyRandomState): {
  uniform(low: number, high: number): number;
  permutation(n: number): Int32Array;
} {
  const python = new PythonRandom(42);
  return {
    uniform: (low, high) => python.uniform(low, high),
    permutation: (n) => numpy.permutation(n),
  };
}

/** `np.arange(start, stop, step)`: `ceil((stop − start) / step)` points `start + i·step`. */
function arange(start: number, stop: number, step: number): Float64Array {
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  return out;
}

/**
 * The decision-boundary grid of Step 7: `np.meshgrid(np.arange(min − 0.5, max + 0.5, 0.02), …)` around
 * the test points, raveled row-major into `m × 2` (17,415 points for the tutorial's test set).
 *
 * @example
 * ```ts
 * decisionGrid(tutorialData().XTest).length / 2; // 17415
 * ```
 */
export function decisionGrid(XTest: Float64Array, h = 0.02): Float64Array {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < XTest.length; i += 2) {
    xMin = Math.min(xMin, XTest[i]!);
    xMax = Math.max(xMax, XTest[i]!);
    yMin = Math.min(yMin, XTest[i + 1]!);
    yMax = Math.max(yMax, XTest[i + 1]!);
  }
  const xs = arange(xMin - 0.5, xMax + 0.5, h);
  const ys = arange(yMin - 0.5, yMax + 0.5, h);
  const grid = new Float64Array(xs.length * ys.length * 2);
  let k = 0;
  for (const y of ys) {
    for (const x of xs) {
      grid[k++] = x;
      grid[k++] = y;
    }
  }
  return grid;
}
