import { circles, gaussianBlobs, generateSpirals, moons, trainTestSplit, xor } from "@neurogebra/datasets";
import type { Dataset } from "@neurogebra/datasets";
import type { Rng } from "@neurogebra/random";

import type { PointSet } from "../lib/point-set.js";
import { classCount } from "../lib/settings.js";
import type { Settings } from "../lib/settings.js";

/** The points a run trains and tests on. */
export interface RunData {
  train: PointSet;
  test: PointSet;
  nClasses: number;
}

/** Blob centers for `k` classes: TensorFlow Playground's two, or `k` points on a circle of radius 2.5. */
function blobCenters(k: number): number[][] {
  if (k === 2)
    return [
      [-2, -2],
      [2, 2],
    ];
  return Array.from({ length: k }, (_, c) => [
    2.5 * Math.cos((2 * Math.PI * c) / k),
    2.5 * Math.sin((2 * Math.PI * c) / k),
  ]);
}

/** The dataset a setting names, drawn from `rng` (the tutorial's `np.random` stream in numpy mode). */
function generate(settings: Settings, rng: Rng, imported: PointSet | null): Dataset {
  const k = classCount(settings);
  const n = settings.points * k;
  const { noise } = settings;
  switch (settings.dataset) {
    case "spirals":
      return generateSpirals({ pointsPerClass: settings.points, classes: k, noise, rng });
    case "moons":
      return moons({ nSamples: n, noise, rng });
    case "circles":
      return circles({ nSamples: n, noise, rng });
    case "xor":
      return xor({ nSamples: n, noise, rng });
    case "blobs":
      return gaussianBlobs({ nSamples: n, noise, centers: blobCenters(k), rng });
    case "csv": {
      if (imported === null) throw new Error("run data: the csv dataset needs the imported points");
      const nSamples = imported.y.length;
      return { X: imported.X, y: imported.y, nSamples, nFeatures: 2, nClasses: settings.classes };
    }
    default: {
      const never: never = settings.dataset;
      throw new Error(`run data: unknown dataset ${String(never)}`);
    }
  }
}

/**
 * The tutorial's Step 1 for any dataset: generate, then split with the same generator
 * (`trainTestSplit`, the tutorial's `np.random.permutation`); points added by clicking join the
 * training set. The generator then goes on to draw the epochs' shuffles, as in the tutorial.
 *
 * @example
 * ```ts
 * const data = makeRunData(TUTORIAL, new NumpyRandomState(42), null); // 240 train, 60 test
 * ```
 */
export function makeRunData(settings: Settings, rng: Rng, imported: PointSet | null): RunData {
  const dataset = generate(settings, rng, imported);
  const split = trainTestSplit(dataset, { trainFraction: settings.split, rng });
  const added = settings.added.filter((p) => p.label < dataset.nClasses);
  const X = new Float64Array(split.XTrain.length + 2 * added.length);
  const y = new Int32Array(split.yTrain.length + added.length);
  X.set(split.XTrain);
  y.set(split.yTrain);
  added.forEach((p, i) => {
    X[split.XTrain.length + 2 * i] = p.x;
    X[split.XTrain.length + 2 * i + 1] = p.y;
    y[split.yTrain.length + i] = p.label;
  });
  return { train: { X, y }, test: { X: split.XTest, y: split.yTest }, nClasses: dataset.nClasses };
}
