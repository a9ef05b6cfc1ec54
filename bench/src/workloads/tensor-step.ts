import { tensor } from "@neurogebra/autograd";
import { generateSpirals } from "@neurogebra/datasets";
import { crossEntropy } from "@neurogebra/losses";
import { Adam, Linear, ReLU, Sequential } from "@neurogebra/nn";
import { NumpyRandomState, createRng } from "@neurogebra/random";

/** One training step of a `2 → width → width → 3` ReLU MLP on a fixed batch, ready to be timed. */
export interface TensorStep {
  /** Forward, cross-entropy, `zeroGrad`, `backward`, `Adam.step`; returns the loss before the step. */
  readonly step: () => number;
  /** Trainable scalars: `2w + w + w² + w + 3w + 3`. */
  readonly parameters: number;
}

/**
 * Builds the scaling workload the way a user would write it with `@neurogebra/nn`: a `Sequential` of
 * `Linear`/`ReLU`, `crossEntropy` from `@neurogebra/losses`, and `Adam` (lr 0.01). The batch is the first
 * `batch` rows of a shuffled 3 × `max(100, batch)`-point spiral set (seed 42), so the data are the same in
 * every run and in `pytorch_reference.py`.
 *
 * @example
 * ```ts
 * const { step } = createTensorStep(256, 16);
 * step(); // one optimizer step, returns the loss
 * ```
 */
export function createTensorStep(width: number, batch: number): TensorStep {
  if (!Number.isInteger(width) || width < 1) {
    throw new RangeError(`createTensorStep: expected width to be a positive integer, received ${width}`);
  }
  if (!Number.isInteger(batch) || batch < 1) {
    throw new RangeError(`createTensorStep: expected batch to be a positive integer, received ${batch}`);
  }
  const numpy = new NumpyRandomState(42);
  const pointsPerClass = Math.max(100, Math.ceil(batch / 3));
  const spirals = generateSpirals({ pointsPerClass, classes: 3, noise: 0.15, rng: numpy });
  const order = numpy.permutation(spirals.nSamples).subarray(0, batch);
  const X = new Float64Array(batch * 2);
  const targets = new Int32Array(batch);
  for (let i = 0; i < batch; i++) {
    X[2 * i] = spirals.X[2 * order[i]!]!;
    X[2 * i + 1] = spirals.X[2 * order[i]! + 1]!;
    targets[i] = spirals.y[order[i]!]!;
  }
  const inputs = tensor(X, [batch, 2]);

  const rng = createRng(42);
  const model = new Sequential(
    new Linear(2, width, { rng }),
    new ReLU(),
    new Linear(width, width, { rng }),
    new ReLU(),
    new Linear(width, 3, { rng }),
  );
  const optimizer = new Adam(model.parameters(), { lr: 0.01 });
  const parameters = model.parameters().reduce((total, p) => total + p.size, 0);

  return {
    parameters,
    step: () => {
      const loss = crossEntropy(model.forward(inputs), targets);
      optimizer.zeroGrad();
      loss.backward();
      optimizer.step();
      return loss.item();
    },
  };
}
