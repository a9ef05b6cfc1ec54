/** The models every exporter test runs, and our own forward pass of each, for comparing engines. */
import { Value, noGrad, rand, tensor } from "@neurogebra/autograd";
import {
  BatchNorm1d,
  Dropout,
  LeakyReLU,
  Linear,
  LogSoftmax,
  NeuralNetwork,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Tanh,
} from "@neurogebra/nn";
import type { ExportableModel } from "../src/index.js";
import { PythonRandom, createRng } from "@neurogebra/random";
import type { Rng } from "@neurogebra/random";

export interface NamedModel {
  name: string;
  model: ExportableModel;
  inFeatures: number;
}

/** The tutorial's framework network: Linear(2, 16), ReLU, Linear(16, 16), ReLU, Linear(16, 3). */
export function tutorialSequential(rng: Rng): Sequential {
  return new Sequential(
    new Linear(2, 16, { rng }),
    new ReLU(),
    new Linear(16, 16, { rng }),
    new ReLU(),
    new Linear(16, 3, { rng }),
  );
}

/**
 * `model` after a few training-mode forward passes (so batch norm's running statistics are not their
 * initial zeros and ones), switched to evaluation mode, which is what the exporters export.
 */
function trainedThenEval(model: Sequential, inFeatures: number, rng: Rng): Sequential {
  model.train();
  noGrad(() => {
    for (let i = 0; i < 3; i++) model.forward(rand([16, inFeatures], rng).mul(4).sub(1));
  });
  return model.eval();
}

/** One model per layer kind and per model class, including the tutorial's two networks. */
export function exportModels(): NamedModel[] {
  const rng = createRng(11);
  return [
    {
      name: "tutorial Sequential (Linear, ReLU ×2)",
      model: tutorialSequential(rng),
      inFeatures: 2,
    },
    {
      name: "tutorial from-scratch NeuralNetwork [2, 16, 16, 3]",
      model: new NeuralNetwork([2, 16, 16, 3], { rng: new PythonRandom(42) }),
      inFeatures: 2,
    },
    {
      name: "NeuralNetwork with tanh and sigmoid",
      model: new NeuralNetwork([3, 5, 4, 2], {
        activations: ["tanh", "sigmoid", "linear"],
        rng: new PythonRandom(1),
      }),
      inFeatures: 3,
    },
    {
      name: "Sequential with Tanh, Sigmoid, LeakyReLU(0.1), a bias-free Linear",
      model: new Sequential(
        new Linear(4, 6, { rng }),
        new Tanh(),
        new Linear(6, 6, { rng, bias: false }),
        new LeakyReLU(0.1),
        new Linear(6, 5, { rng }),
        new Sigmoid(),
        new Linear(5, 3, { rng }),
      ),
      inFeatures: 4,
    },
    {
      name: "Sequential with LeakyReLU(0.25) (a slope float32 holds)",
      model: new Sequential(new Linear(2, 7, { rng }), new LeakyReLU(0.25), new Linear(7, 2, { rng })),
      inFeatures: 2,
    },
    {
      name: "Sequential with BatchNorm1d, Dropout and LogSoftmax (running statistics, eval mode)",
      model: trainedThenEval(
        new Sequential(
          new Linear(3, 8, { rng }),
          new BatchNorm1d(8),
          new ReLU(),
          new Dropout(0.3, { rng }),
          new Linear(8, 4, { rng }),
          new LogSoftmax(1),
        ),
        3,
        rng,
      ),
      inFeatures: 3,
    },
    {
      name: "Sequential opening with a BatchNorm1d without affine (momentum null), ending in Softmax",
      model: trainedThenEval(
        new Sequential(
          new BatchNorm1d(2, { affine: false, momentum: null }),
          new Linear(2, 5, { rng }),
          new Tanh(),
          new Linear(5, 3, { rng }),
          new Softmax(-1),
        ),
        2,
        rng,
      ),
      inFeatures: 2,
    },
  ];
}

/** Our forward pass of `rows` inputs (row-major `X`), as a row-major Float64Array of outputs. */
export function ourForward(model: ExportableModel, X: Float64Array, rows: number): Float64Array {
  const d = X.length / rows;
  if (model instanceof Sequential)
    return Float64Array.from(noGrad(() => model.forward(tensor(X, [rows, d]))).data);
  const out: number[] = [];
  noGrad(() => {
    for (let i = 0; i < rows; i++) {
      const row = Array.from(X.subarray(i * d, (i + 1) * d), (x) => new Value(x));
      out.push(...model.forward(row).map((v) => v.data));
    }
  });
  return Float64Array.from(out);
}

/** Softmax of each row of a row-major matrix with `columns` columns. */
export function softmaxRows(y: Float64Array, columns: number): Float64Array {
  return tensor(y, [y.length / columns, columns]).softmax(-1).data;
}

/** max |a − b| / max(1, |b|) over all entries: the relative error the tests bound. */
export function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  return worst;
}
