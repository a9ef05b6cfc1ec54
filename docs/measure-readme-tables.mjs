// The numbers of the "Performance" tables in the READMEs of random, datasets, losses and nn:
// `node docs/measure-readme-tables.mjs` (after `pnpm build`). Each row: warm-up, then the median of
// timed batches of calls. On a shared machine compare rows of one run, not runs of different days;
// `pnpm bench` holds the workloads measured against PyTorch.
import { Value, tensor } from "@neurogebra/autograd";
import { generateSpirals, moons, trainTestSplit } from "@neurogebra/datasets";
import { crossEntropy, softmaxCrossEntropy } from "@neurogebra/losses";
import { Adam, DataLoader, Linear, NeuralNetwork, ReLU, Sequential } from "@neurogebra/nn";
import {
  NumpyRandomState,
  PythonRandom,
  createRng,
  logCorrectlyRounded,
  sinCorrectlyRounded,
} from "@neurogebra/random";

/** Median time of one call of `fn`, in batches of `inner` calls, over at least 0.3 s. */
function time(fn, inner = 1) {
  for (let i = 0; i < 3 * inner; i++) fn();
  const samples = [];
  const start = performance.now();
  while (samples.length < 9 || performance.now() - start < 300) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) fn();
    samples.push((performance.now() - t0) / inner);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

const show = (ms) =>
  ms >= 1
    ? `${ms.toPrecision(3)} ms`
    : ms >= 1e-3
      ? `${(ms * 1e3).toPrecision(3)} µs`
      : `${(ms * 1e6).toPrecision(3)} ns`;
const rows = [];
const row = (pkg, what, ms) => rows.push(`${pkg.padEnd(9)} ${what.padEnd(62)} ${show(ms)}`);

const rng = createRng(0);
row(
  "random",
  "createRng(0).random(), one draw",
  time(() => rng.random(), 10000),
);
const np = new NumpyRandomState(42);
row("random", "NumpyRandomState.randn(), one draw", time(() => np.randn(1000), 10) / 1000);
const py = new PythonRandom(42);
row(
  "random",
  "PythonRandom.random(), one draw",
  time(() => py.random(), 10000),
);
const xs = Float64Array.from({ length: 1000 }, (_, i) => 0.001 + i * 0.37);
let sink = 0;
row(
  "random",
  "logCorrectlyRounded(x), one call",
  time(() => xs.forEach((x) => (sink += logCorrectlyRounded(x))), 10) / 1000,
);
row(
  "random",
  "sinCorrectlyRounded(x), one call",
  time(() => xs.forEach((x) => (sink += sinCorrectlyRounded(x))), 10) / 1000,
);
row("random", "Math.log(x), one call", time(() => xs.forEach((x) => (sink += Math.log(x))), 10) / 1000);
row(
  "random",
  "NumpyRandomState.permutation(240)",
  time(() => np.permutation(240), 100),
);

row(
  "datasets",
  "generateSpirals({ pointsPerClass: 100 }) (300 points)",
  time(() => generateSpirals({ pointsPerClass: 100, noise: 0.15, rng: new NumpyRandomState(42) }), 10),
);
const spirals = generateSpirals({ pointsPerClass: 100, noise: 0.15, rng: new NumpyRandomState(42) });
row(
  "datasets",
  "trainTestSplit of those 300 points",
  time(() => trainTestSplit(spirals, { rng: new NumpyRandomState(42) }), 10),
);
row(
  "datasets",
  "moons({ nSamples: 10000 })",
  time(() => moons({ nSamples: 10000, noise: 0.1, rng }), 1),
);

row(
  "losses",
  "softmaxCrossEntropy of 3 Values, forward + backward",
  time(() => {
    const s = [new Value(2), new Value(1), new Value(0.1)];
    softmaxCrossEntropy(s, 0).loss.backward();
  }, 1000),
);
const targets16 = Array.from({ length: 16 }, (_, i) => i % 3);
const logits16 = tensor(
  Array.from({ length: 16 }, (_, i) => [i / 16, 1 - i / 16, 0.5]),
  { requiresGrad: true },
);
row(
  "losses",
  "crossEntropy, batch 16 × 3 classes, forward + backward",
  time(() => crossEntropy(logits16, targets16).backward(), 1000),
);
const targets256 = Array.from({ length: 256 }, (_, i) => i % 10);
const logits256 = tensor(
  Array.from({ length: 256 }, (_, i) => Array.from({ length: 10 }, (_, j) => Math.sin(i + j))),
  { requiresGrad: true },
);
row(
  "losses",
  "crossEntropy, batch 256 × 10 classes, forward + backward",
  time(() => crossEntropy(logits256, targets256).backward(), 100),
);

const net = new NeuralNetwork([2, 16, 16, 3], { rng: new PythonRandom(42) });
row(
  "nn",
  "NeuralNetwork 2→16→16→3 (Values): forward of one point",
  time(() => net.forward([new Value(0.5), new Value(-0.2)]), 100),
);
const model = new Sequential(
  new Linear(2, 16, { rng }),
  new ReLU(),
  new Linear(16, 16, { rng }),
  new ReLU(),
  new Linear(16, 3, { rng }),
);
const adam = new Adam(model.parameters(), { lr: 0.01 });
const xb = tensor(Array.from({ length: 16 }, (_, i) => [Math.cos(i), Math.sin(i)]));
row(
  "nn",
  "Sequential 2→16→16→3 + Adam: one training step, batch 16",
  time(() => {
    const loss = model.forward(xb).crossEntropy(targets16);
    adam.zeroGrad();
    loss.backward();
    adam.step();
  }, 100),
);
const { train } = trainTestSplit(spirals, { rng: new NumpyRandomState(42) });
const loader = new DataLoader(train, { batchSize: 16, shuffle: true, rng });
row(
  "nn",
  "DataLoader: one shuffled epoch, 240 rows, batch 16",
  time(() => {
    for (const batch of loader) void batch;
  }, 10),
);

if (Number.isNaN(sink)) console.log(sink);
console.log(`Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`);
for (const r of rows) console.log(r);
