import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { Value, dot, trace } from "@neurogebra/autograd";

import { LeanValue } from "./lean-value.js";

/** The random draws the workload needs (structurally compatible with `@neurogebra/random`'s `Rng`). */
export interface ScalarTrainingRng {
  /** A uniform draw in `[low, high)`. */
  uniform(low: number, high: number): number;
  /** A random permutation of `0 … n-1`. */
  permutation(n: number): ArrayLike<number>;
}

/** Knobs of the scalar training workload; the defaults are the tutorial's Step 4. */
export interface ScalarTrainingOptions {
  /** Layer sizes, default `[2, 16, 16, 3]` (ReLU on hidden layers, linear output). */
  layerSizes?: readonly number[];
  /** Epochs, default 30. */
  epochs?: number;
  /** Mini-batch size, default 16 (one `backward()` per batch). */
  batchSize?: number;
  /** SGD learning rate, default 0.05. */
  learningRate?: number;
  /**
   * How `a / b` is built: `"div"` (one `div` node, default) or `"pow"` (Python's `a * b**-1`, two nodes,
   * the form that reproduces the Python run bit for bit).
   */
  division?: "div" | "pow";
  /**
   * How a neuron's `b + w·x` is built: `"chain"` (the tutorial's `add`/`mul` chain, 2 nodes per weight,
   * default) or `"dot"` (one fused `dot` node per neuron, same values and gradients).
   */
  neuron?: "chain" | "dot";
  /**
   * Which engine builds the graphs: `"value"` (`@neurogebra/autograd`'s `Value`, default), `"traced"`
   * (`Value`, the network's forward pass recorded once with `trace()` and replayed on flat arrays; the
   * loss is built as usual) or `"lean"` (`LeanValue`, the object-per-node floor of `lean-value.ts`;
   * chain neurons only).
   */
  engine?: "value" | "traced" | "lean";
}

/** The scalar ops the training loop uses: what `Value` and `LeanValue` both have. */
interface Scalar<V> {
  data: number;
  grad: number;
  add(other: V | number): V;
  sub(other: V): V;
  mul(other: V | number): V;
  div(other: V | number): V;
  pow(k: number): V;
  relu(): V;
  exp(): V;
  log(): V;
  neg(): V;
  backward(): void;
}

/** What one run of the workload measured. */
export interface ScalarTrainingResult {
  /** Wall time of the training loop (forward, backward and SGD updates of all epochs), in seconds. */
  seconds: number;
  /** Graph nodes created during training (every `Value` an op or the loop made; parameters excluded). */
  nodes: number;
  /** `nodes / seconds`. */
  nodesPerSecond: number;
  /** Number of `backward()` calls (one per mini-batch). */
  backwardCalls: number;
  /** Number of trainable parameters (371 for the tutorial network). */
  parameters: number;
  /** Sum of the batch losses per epoch, as the tutorial prints it. */
  epochLosses: number[];
  /** Training accuracy per epoch. */
  accuracies: number[];
}

interface Neuron<V> {
  w: V[];
  b: V;
}

/**
 * Train the tutorial's from-scratch network (Step 2–4) with the scalar `Value` engine, using the primitive
 * ops exactly as the tutorial writes them: each neuron is `b + w0·x0 + w1·x1 + …` built with `add`/`mul`,
 * then `relu`; the loss is the step-by-step softmax cross-entropy (`sub`, `exp`, a running `add`, `div`,
 * `log`, `neg`); batch loss averaged with one `backward()` per batch; plain SGD `p.data -= lr * p.grad`.
 * With `engine: "lean"` the same loop runs on `LeanValue` (the floor row), giving the same losses.
 *
 * @param X - inputs, row-major `n × layerSizes[0]`.
 * @param y - class labels in `0 … layerSizes.at(-1) - 1`.
 * @param rng - weight init (`uniform(-limit, limit)`, limit = √(6 / (nIn + 1))) and per-epoch shuffles.
 * @example
 * ```ts
 * const r = trainScalarNetwork(X, y, createRng(42));
 * console.log(`${r.seconds.toFixed(3)} s, ${(r.nodesPerSecond / 1e6).toFixed(1)} M nodes/s`);
 * ```
 */
export function trainScalarNetwork(
  X: Float64Array,
  y: Int32Array,
  rng: ScalarTrainingRng,
  options: ScalarTrainingOptions = {},
): ScalarTrainingResult {
  if (options.engine === "lean") {
    if (options.neuron === "dot") {
      throw new RangeError(
        'trainScalarNetwork: expected options.neuron to be "chain" with engine "lean" (LeanValue has no dot), got "dot"',
      );
    }
    return train(X, y, rng, options, (x) => new LeanValue(x), null, null);
  }
  const traced =
    options.engine === "traced"
      ? (f: (x: Value[]) => Value[], n: number) =>
          trace(
            f,
            Array.from({ length: n }, () => new Value(0)),
          )
      : null;
  return train(X, y, rng, options, (x) => new Value(x), dot, traced);
}

function train<V extends Scalar<V>>(
  X: Float64Array,
  y: Int32Array,
  rng: ScalarTrainingRng,
  options: ScalarTrainingOptions,
  leaf: (x: number) => V,
  dotNode: ((ws: V[], xs: V[], bias: V) => V) | null,
  record: ((f: (x: V[]) => V[], inputs: number) => (x: V[]) => V[]) | null,
): ScalarTrainingResult {
  const sizes = options.layerSizes ?? [2, 16, 16, 3];
  const epochs = options.epochs ?? 30;
  const batchSize = options.batchSize ?? 16;
  const lr = options.learningRate ?? 0.05;
  const usePow = options.division === "pow";
  const useDot = options.neuron === "dot" && dotNode !== null;
  const nIn = sizes[0]!;
  const nClasses = sizes[sizes.length - 1]!;
  const n = y.length;
  if (X.length !== n * nIn) {
    throw new RangeError(`trainScalarNetwork: X has ${X.length} numbers, expected ${n} rows × ${nIn}`);
  }

  // Network: the tutorial's Neuron/Layer/NeuralNetwork, flattened into arrays.
  const layers: Neuron<V>[][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l]!;
    const limit = (6 / (fanIn + 1)) ** 0.5;
    const layer: Neuron<V>[] = [];
    for (let j = 0; j < sizes[l + 1]!; j++) {
      const w: V[] = [];
      for (let i = 0; i < fanIn; i++) w.push(leaf(rng.uniform(-limit, limit)));
      layer.push({ w, b: leaf(0) });
    }
    layers.push(layer);
  }
  const params = layers.flatMap((layer) => layer.flatMap((neuron) => [...neuron.w, neuron.b]));

  // Nodes one sample creates: inputs, 2 per weight (mul, add) + relu per hidden neuron, and the loss
  // (max constant + sub + exp per class, a running sum from a 0 constant, the divisions, log, neg).
  let perSample = nIn;
  for (let l = 0; l < layers.length; l++) {
    const hidden = l < layers.length - 1 ? 1 : 0;
    for (const neuron of layers[l]!) perSample += (useDot ? 1 : 2 * neuron.w.length) + hidden;
  }
  perSample += 3 * nClasses + 1 + nClasses + nClasses * (usePow ? 3 : 1) + 2 + 1; // … + batch-loss add
  let nodes = 0;

  const network = (x: V[]): V[] => {
    let h = x;
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l]!;
      const relu = l < layers.length - 1;
      const out: V[] = new Array<V>(layer.length);
      for (let j = 0; j < layer.length; j++) {
        const { w, b } = layer[j]!;
        let raw = b; // Python: sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        if (useDot) raw = dotNode(w, h, b);
        else for (let i = 0; i < w.length; i++) raw = raw.add(w[i]!.mul(h[i]!));
        out[j] = relu ? raw.relu() : raw;
      }
      h = out;
    }
    return h;
  };

  const epochLosses: number[] = [];
  const accuracies: number[] = [];
  let backwardCalls = 0;
  const start = performance.now();
  const forward = record === null ? network : record(network, nIn); // tracing is part of the time
  for (let epoch = 0; epoch < epochs; epoch++) {
    const perm = rng.permutation(n);
    let epochLoss = 0;
    let correct = 0;
    for (let first = 0; first < n; first += batchSize) {
      const last = Math.min(first + batchSize, n);
      let batchLoss = leaf(0);
      for (let s = first; s < last; s++) {
        const idx = perm[s]!;
        const x: V[] = new Array<V>(nIn);
        for (let i = 0; i < nIn; i++) x[i] = leaf(X[idx * nIn + i]!);
        const target = y[idx]!;
        const scores = forward(x);

        // softmax_cross_entropy(scores, target), step by step as in the tutorial
        let maxScore = -Infinity;
        for (const score of scores) if (score.data > maxScore) maxScore = score.data;
        const exps = scores.map((score) => score.sub(leaf(maxScore)).exp());
        let sumExp = leaf(0);
        for (const e of exps) sumExp = sumExp.add(e);
        const pTarget = usePow ? exps[target]!.mul(sumExp.pow(-1)) : exps[target]!.div(sumExp);
        // The tutorial builds every probability; only the target's reaches the loss, the rest are built
        // for the printout (and cost nodes), so build them too.
        for (let c = 0; c < exps.length; c++) {
          if (c !== target) void (usePow ? exps[c]!.mul(sumExp.pow(-1)) : exps[c]!.div(sumExp));
        }
        const loss = pTarget.log().neg();
        batchLoss = batchLoss.add(loss);

        let predicted = 0;
        for (let c = 1; c < scores.length; c++) if (scores[c]!.data > scores[predicted]!.data) predicted = c;
        if (predicted === target) correct++;
        nodes += perSample;
      }
      const count = last - first;
      batchLoss = usePow ? batchLoss.mul(count ** -1) : batchLoss.div(count);
      nodes += 3; // the Value(0) start, the divisor constant and the division

      for (const p of params) p.grad = 0;
      batchLoss.backward();
      backwardCalls++;
      for (const p of params) p.data -= lr * p.grad;
      epochLoss += batchLoss.data;
    }
    epochLosses.push(epochLoss);
    accuracies.push(correct / n);
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    seconds,
    nodes,
    nodesPerSecond: nodes / seconds,
    backwardCalls,
    parameters: params.length,
    epochLosses,
    accuracies,
  };
}

/**
 * Heap bytes per `Value` op node, measured: a chain of `n` `mul` nodes kept alive by its root, with a full
 * garbage collection before and after (the bench enables `gc` for this at run time).
 *
 * @example
 * ```ts
 * valueBytesPerNode(); // ≈ 104 on 64-bit Node 20
 * ```
 */
export function valueBytesPerNode(n = 200_000): number {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const factor = new Value(1.0000001);
  gc();
  const before = process.memoryUsage().heapUsed;
  let v = new Value(1);
  for (let i = 0; i < n; i++) v = v.mul(factor);
  gc();
  const bytes = (process.memoryUsage().heapUsed - before) / n;
  if (!(v.data > 1)) throw new Error("valueBytesPerNode: the chain was not kept alive"); // keeps v alive
  return bytes;
}
