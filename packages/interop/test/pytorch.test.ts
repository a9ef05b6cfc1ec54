/**
 * Acceptance (issue 18): the real PyTorch (Debian's python3-torch, 1.13, on /usr/bin/python3) runs the
 * script `toPyTorch` writes. (1) Its forward equals ours in float64 to 1e-12 for every model. (2) After
 * training here, `torchrun --standalone --nproc_per_node=2` trains on with DistributedDataParallel (CPU,
 * gloo) on the spiral data; the weights it writes load back into our Sequential, the loss went down, and
 * our forward on them equals PyTorch's. (3) The plain loop (no torchrun) does the same from a data file.
 * (4) A model with BatchNorm1d and Dropout makes the trip too (running statistics and the int64 counter).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { noGrad, tensor } from "@neurogebra/autograd";
import { generateSpirals } from "@neurogebra/datasets";
import { Adam, BatchNorm1d, Dropout, Linear, ReLU, Sequential } from "@neurogebra/nn";
import { NumpyRandomState, createRng } from "@neurogebra/random";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { exportStateDict, fromSafetensors, readSafetensors, toPyTorch, toSafetensors } from "../src/index.js";
import { exportModels, maxRelativeDifference, ourForward, tutorialSequential } from "./models.js";
import { requirePython, runPython } from "./python.js";

// Each test starts Python and imports torch (1–2 s idle, over 10 s seen in a busy `pnpm test`).
vi.setConfig({ testTimeout: 240_000 });

let dir = "";
beforeAll(() => {
  requirePython(["torch"], "python3-torch python3-numpy");
  dir = mkdtempSync(join(tmpdir(), "neurogebra-interop-torch-"));
}, 120_000); // importing torch in a busy `pnpm test` has taken over 10 s
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the `forward` command of each folder's train_more.py in one Python process (one torch import). */
function forwardAll(folders: readonly string[]): void {
  const driver = join(dir, "forward_all.py");
  writeFileSync(
    driver,
    [
      "import importlib.util, os, sys",
      "for folder in sys.argv[1:]:",
      '    spec = importlib.util.spec_from_file_location("script", os.path.join(folder, "train_more.py"))',
      "    script = importlib.util.module_from_spec(spec)",
      "    spec.loader.exec_module(script)",
      '    script.main(["forward", "--input", os.path.join(folder, "x.safetensors"),',
      '                 "--output", os.path.join(folder, "y.safetensors")])',
      "",
    ].join("\n"),
  );
  runPython([driver, ...folders]);
}

describe("the generated script's forward in PyTorch equals ours (float64, 1e-12)", () => {
  it("for every exported model", () => {
    const models = exportModels();
    const rng = createRng(9);
    const cases = models.map(({ name, model, inFeatures }, i) => {
      const folder = join(dir, `forward-${i}`);
      mkdirSync(folder);
      const X = Float64Array.from({ length: 50 * inFeatures }, () => rng.uniform(-3, 3));
      writeFileSync(join(folder, "model.safetensors"), toSafetensors(exportStateDict(model)));
      writeFileSync(join(folder, "train_more.py"), toPyTorch(model, { title: name }));
      writeFileSync(
        join(folder, "x.safetensors"),
        toSafetensors({ input: { shape: [50, inFeatures], data: Array.from(X) } }),
      );
      return { name, model, X, folder };
    });
    forwardAll(cases.map((c) => c.folder));
    let worst = 0;
    for (const { name, model, X, folder } of cases) {
      const { output } = readSafetensors(readFileSync(join(folder, "y.safetensors"))).tensors;
      expect(output!.dtype, name).toBe("F64");
      const difference = maxRelativeDifference(output!.data, ourForward(model, X, 50));
      worst = Math.max(worst, difference);
      expect(difference, name).toBeLessThan(1e-12);
    }
    console.log(
      `PyTorch forward vs ours (float64), max relative difference over ${cases.length} models: ${worst.toExponential(2)}`,
    );
  });
});

/** The tutorial's training points (seed 42) and the tutorial's framework network, trained here for 5 epochs. */
function trainedTutorialModel() {
  const data = generateSpirals({
    pointsPerClass: 100,
    classes: 3,
    noise: 0.15,
    rng: new NumpyRandomState(42),
  });
  const rng = createRng(42);
  const model = tutorialSequential(rng);
  const n = data.y.length;
  const X = tensor(data.X, [n, 2]);
  const opt = new Adam(model.parameters(), { lr: 0.01 });
  for (let epoch = 0; epoch < 5; epoch++) {
    const perm = rng.permutation(n);
    for (let start = 0; start < n; start += 16) {
      const batch = perm.subarray(start, start + 16);
      opt.zeroGrad();
      model
        .forward(X.indexSelect(0, batch))
        .crossEntropy(batch.map((i) => data.y[i]!))
        .backward();
      opt.step();
    }
  }
  const loss = (m: Sequential) => noGrad(() => m.forward(X).crossEntropy(data.y).item());
  return { data, model, loss, n };
}

/** A fresh Sequential of the tutorial's shape with the weights of a safetensors file written by PyTorch. */
function loadReturned(bytes: Uint8Array): Sequential {
  const model = tutorialSequential(createRng(0));
  model.loadStateDict(fromSafetensors(bytes));
  return model;
}

describe("Node → PyTorch → back", () => {
  it("torchrun with 2 processes (DistributedDataParallel, gloo) trains on; the weights come back and agree", () => {
    const { data, model, loss, n } = trainedTutorialModel();
    const folder = join(dir, "ddp");
    mkdirSync(folder);
    writeFileSync(join(folder, "model.safetensors"), toSafetensors(exportStateDict(model)));
    writeFileSync(
      join(folder, "train_more.py"),
      toPyTorch(model, { data: { X: data.X, y: data.y, nFeatures: 2 }, epochs: 6, batchSize: 30, lr: 0.02 }),
    );
    const started = performance.now();
    // --redirects 1 --tee 1: Debian's torch 1.13 on Python 3.11 cannot parse the default "0" (an IntFlag
    // change in 3.11); the workers' stdout then goes to a log and is echoed with a [rank] prefix.
    const out = runPython(
      [
        "-m",
        "torch.distributed.run",
        "--standalone",
        "--nproc_per_node=2",
        "--redirects",
        "1",
        "--tee",
        "1",
        "train_more.py",
        "train",
      ],
      { cwd: folder, timeoutMs: 180_000 },
    );
    const seconds = (performance.now() - started) / 1000;
    expect(out).toMatch(/epoch 6\/6: mean loss [\d.]+ \(2 processes, cpu\)/);
    const bytes = readFileSync(join(folder, "trained.safetensors"));
    expect(readSafetensors(bytes).metadata).toEqual({ epochs: "6", world_size: "2", optimizer: "adam" });
    const returned = loadReturned(bytes);
    const [before, after] = [loss(model), loss(returned)];
    console.log(
      `torchrun 2 processes × 6 epochs: ${seconds.toFixed(1)} s wall; loss on the ${n} points (ours) ${before.toFixed(4)} → ${after.toFixed(4)}`,
    );
    expect(after).toBeLessThan(before);

    // our forward on the returned weights equals PyTorch's, and so do the predictions
    writeFileSync(
      join(folder, "x.safetensors"),
      toSafetensors({ input: { shape: [n, 2], data: Array.from(data.X) } }),
    );
    runPython([
      join(folder, "train_more.py"),
      "forward",
      "--weights",
      join(folder, "trained.safetensors"),
      "--input",
      join(folder, "x.safetensors"),
      "--output",
      join(folder, "y.safetensors"),
    ]);
    const torchLogits = fromSafetensors(readFileSync(join(folder, "y.safetensors")))["output"]!.data;
    const ours = ourForward(returned, data.X, n);
    const difference = maxRelativeDifference(torchLogits, ours);
    console.log(
      `forward on the returned weights, PyTorch vs ours: max relative difference ${difference.toExponential(2)}`,
    );
    expect(difference).toBeLessThan(1e-12);
    const argmax = (y: ArrayLike<number>) =>
      Array.from({ length: n }, (_, i) =>
        [0, 1, 2].reduce((b, k) => (y[i * 3 + k]! > y[i * 3 + b]! ? k : b), 0),
      );
    expect(argmax(ours)).toEqual(argmax(torchLogits));
  }, 240_000); // three Python processes start; on a busy 2-core machine this has taken 20 s

  it("without torchrun the plain loop trains from a data file and writes weights that load back", () => {
    const { data, model, loss, n } = trainedTutorialModel();
    const folder = join(dir, "plain");
    mkdirSync(folder);
    writeFileSync(
      join(folder, "model.safetensors"),
      toSafetensors(exportStateDict(model), { dtype: "float32" }),
    );
    writeFileSync(join(folder, "train_more.py"), toPyTorch(model, { optimizer: "sgd", lr: 0.05 }));
    writeFileSync(
      join(folder, "spirals.safetensors"),
      toSafetensors({
        X: { shape: [n, 2], data: Array.from(data.X) },
        y: { shape: [n], data: Array.from(data.y) },
      }),
    );
    const out = runPython(
      [
        join(folder, "train_more.py"),
        "train",
        "--data",
        join(folder, "spirals.safetensors"),
        "--epochs",
        "3",
        "--output",
        join(folder, "out.safetensors"),
      ],
      { cwd: folder },
    );
    expect(out).toMatch(/epoch 3\/3: mean loss [\d.]+ \(1 process, cpu\)/);
    const { tensors, metadata } = readSafetensors(readFileSync(join(folder, "out.safetensors")));
    expect(metadata).toEqual({ epochs: "3", world_size: "1", optimizer: "sgd" });
    expect(tensors["0.weight"]!.dtype).toBe("F32"); // trained in the dtype of the weights it was given
    const returned = loadReturned(readFileSync(join(folder, "out.safetensors")));
    expect(loss(returned)).toBeLessThan(loss(model));
  });

  it("a model with BatchNorm1d and Dropout trains in PyTorch and comes back with its running statistics", () => {
    const rng = createRng(8);
    const fresh = () =>
      new Sequential(
        new Linear(2, 6, { rng }),
        new BatchNorm1d(6),
        new ReLU(),
        new Dropout(0.2, { rng }),
        new Linear(6, 3, { rng }),
      );
    const model = fresh();
    const folder = join(dir, "batch-norm");
    mkdirSync(folder);
    const X = Array.from({ length: 60 }, () => rng.uniform(-1, 1));
    const y = Array.from({ length: 30 }, (_, i) => i % 3);
    writeFileSync(join(folder, "model.safetensors"), toSafetensors(exportStateDict(model)));
    writeFileSync(
      join(folder, "train_more.py"),
      toPyTorch(model, { data: { X, y, nFeatures: 2 }, epochs: 2 }),
    );
    runPython([join(folder, "train_more.py"), "train"], { cwd: folder });
    const bytes = readFileSync(join(folder, "trained.safetensors"));
    const { tensors } = readSafetensors(bytes);
    expect(tensors["1.num_batches_tracked"]).toMatchObject({ dtype: "I64", data: Float64Array.of(4) }); // 2 epochs × 2 batches
    const returned = fresh();
    returned.loadStateDict(fromSafetensors(bytes));
    expect(Array.from(returned.stateDict()["1.running_mean"]!.data)).toEqual(
      Array.from(tensors["1.running_mean"]!.data),
    );
    // PyTorch's forward (eval mode) on the returned weights equals ours
    writeFileSync(join(folder, "model.safetensors"), bytes);
    const input = Float64Array.from({ length: 20 * 2 }, () => rng.uniform(-2, 2));
    writeFileSync(
      join(folder, "x.safetensors"),
      toSafetensors({ input: { shape: [20, 2], data: Array.from(input) } }),
    );
    forwardAll([folder]);
    const { output } = readSafetensors(readFileSync(join(folder, "y.safetensors"))).tensors;
    expect(maxRelativeDifference(output!.data, ourForward(returned.eval(), input, 20))).toBeLessThan(1e-12);
  });

  it("a script without embedded data says how to give it some", () => {
    const { model } = trainedTutorialModel();
    const folder = join(dir, "nodata");
    mkdirSync(folder);
    writeFileSync(join(folder, "model.safetensors"), toSafetensors(exportStateDict(model)));
    writeFileSync(join(folder, "train_more.py"), toPyTorch(model));
    expect(() => runPython([join(folder, "train_more.py"), "train"])).toThrow(
      /no embedded data; pass --data/,
    );
  });
});
