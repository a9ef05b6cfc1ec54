import { Tensor, noGrad, uniform } from "@neurogebra/autograd";
import { Adam } from "@neurogebra/nn";

/** The random draws the workload needs (structurally compatible with `@neurogebra/random`'s `Rng`). */
export interface TensorTrainingRng {
  /** A uniform draw in `[0, 1)` (weight init). */
  random(): number;
  /** A standard normal draw (unused here, required by autograd's `Rng`). */
  normal(): number;
  /** A random permutation of `0 … n-1` (per-epoch shuffle). */
  permutation(n: number): Int32Array;
}

/** Knobs of the tensor training workload; the defaults are the tutorial's Step 4, PyTorch half. */
export interface TensorTrainingOptions {
  /** Layer sizes, default `[2, 16, 16, 3]` (ReLU on hidden layers, linear output). */
  layerSizes?: readonly number[];
  /** Epochs, default 30. */
  epochs?: number;
  /**
   * Mini-batch size, default 16. For a scaling row at batch 256, pass at least 256 samples (the tutorial's
   * 240 would give one short batch per epoch).
   */
  batchSize?: number;
  /** Adam learning rate, default 0.01. */
  learningRate?: number;
}

/** What one run of the workload measured. */
export interface TensorTrainingResult {
  /** Wall time of the training loop (all epochs: batch gather, forward, backward, Adam), in milliseconds. */
  ms: number;
  /** Optimizer steps taken (one per mini-batch). */
  steps: number;
  /** `ms / steps`. */
  msPerStep: number;
  /** Number of trainable parameters (371 for the tutorial network). */
  parameters: number;
  /** Sum of the batch losses per epoch, as the tutorial prints it. */
  epochLosses: number[];
  /** Training accuracy per epoch. */
  accuracies: number[];
  /** The trained network, `[W1, b1, W2, b2, …]` with PyTorch's `(out, in)` weights. */
  params: Tensor[];
}

/**
 * Train the tutorial's network (Step 4, PyTorch half) with the `Tensor` engine: `nn.Linear` layers
 * (PyTorch's init `U(−1/√in, 1/√in)` for weights and biases) as fused `linear` ops, ReLU, the fused
 * `crossEntropy` loss, `backward()`, and `Adam` from `@neurogebra/nn` (PyTorch's update, on its fused
 * WebAssembly kernel where available) — one optimizer step per shuffled mini-batch.
 *
 * @param X - inputs, row-major `n × layerSizes[0]`.
 * @param y - class labels in `0 … layerSizes.at(-1) - 1`.
 * @param rng - weight init and per-epoch shuffles.
 * @example
 * ```ts
 * const r = trainTensorNetwork(X, y, createRng(42));
 * console.log(`${r.ms.toFixed(2)} ms, ${(r.accuracies.at(-1)! * 100).toFixed(1)}% train accuracy`);
 * ```
 */
export function trainTensorNetwork(
  X: Float64Array,
  y: Int32Array,
  rng: TensorTrainingRng,
  options: TensorTrainingOptions = {},
): TensorTrainingResult {
  const sizes = options.layerSizes ?? [2, 16, 16, 3];
  const epochs = options.epochs ?? 30;
  const batchSize = options.batchSize ?? 16;
  const lr = options.learningRate ?? 0.01;
  const nIn = sizes[0]!;
  const n = y.length;
  if (X.length !== n * nIn) {
    throw new RangeError(`trainTensorNetwork: X has ${X.length} numbers, expected ${n} rows × ${nIn}`);
  }

  const params: Tensor[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const bound = 1 / Math.sqrt(sizes[l]!);
    params.push(uniform([sizes[l + 1]!, sizes[l]!], -bound, bound, rng, { requiresGrad: true }));
    params.push(uniform([sizes[l + 1]!], -bound, bound, rng, { requiresGrad: true }));
  }
  const forward = (x: Tensor): Tensor => {
    let h = x;
    for (let k = 0; k < params.length; k += 2) {
      h = h.linear(params[k]!, params[k + 1]);
      if (k + 2 < params.length) h = h.relu();
    }
    return h;
  };
  const optimizer = new Adam(params, { lr });
  const data = new Tensor(X, [n, nIn]);

  // Index and target buffers of a full batch, reused (the last, shorter batch uses a view).
  const batchBuffer = new Int32Array(batchSize);
  const targetBuffer = new Int32Array(batchSize);

  const epochLosses: number[] = [];
  const accuracies: number[] = [];
  let steps = 0;
  const start = performance.now();
  for (let epoch = 0; epoch < epochs; epoch++) {
    const perm = rng.permutation(n);
    let epochLoss = 0;
    let correct = 0;
    for (let first = 0; first < n; first += batchSize) {
      const size = Math.min(batchSize, n - first);
      const batch = size === batchSize ? batchBuffer : batchBuffer.subarray(0, size);
      const targets = size === batchSize ? targetBuffer : targetBuffer.subarray(0, size);
      for (let i = 0; i < size; i++) {
        batch[i] = perm[first + i]!;
        targets[i] = y[batch[i]!]!;
      }

      const logits = forward(data.indexSelect(0, batch));
      const loss = logits.crossEntropy(targets);
      for (const p of params) p.zeroGrad();
      loss.backward();
      optimizer.step();
      steps++;

      epochLoss += loss.item();
      const predicted = logits.argmax(1);
      for (let i = 0; i < size; i++) if (predicted[i] === targets[i]) correct++;
    }
    epochLosses.push(epochLoss);
    accuracies.push(correct / n);
  }
  const ms = performance.now() - start;
  const parameters = params.reduce((total, p) => total + p.size, 0);
  return { ms, steps, msPerStep: ms / steps, parameters, epochLosses, accuracies, params };
}

/**
 * The decision-boundary grid of Step 7 in one batched forward pass (no graph): predicted class of every
 * row of `grid` (row-major `m × 2`) under the network `params` returned by `trainTensorNetwork`.
 *
 * @example
 * ```ts
 * const { ms, classes } = decisionGridForward(trained.params, grid);
 * ```
 */
export function decisionGridForward(
  params: readonly Tensor[],
  grid: Float64Array,
): { ms: number; classes: Int32Array } {
  const nIn = params[0]!.shape[1]!;
  const start = performance.now();
  const classes = noGrad(() => {
    let h = new Tensor(grid, [grid.length / nIn, nIn]);
    for (let k = 0; k < params.length; k += 2) {
      h = h.linear(params[k]!, params[k + 1]);
      if (k + 2 < params.length) h = h.relu();
    }
    return h.argmax(1);
  });
  return { ms: performance.now() - start, classes };
}
