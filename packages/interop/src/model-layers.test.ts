import { Value, tensor } from "@neurogebra/autograd";
import {
  BatchNorm1d,
  Dropout,
  Linear,
  LogSoftmax,
  NeuralNetwork,
  ReLU,
  Sequential,
  Softmax,
  StateDictError,
} from "@neurogebra/nn";
import { PythonRandom, createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { exportStateDict, loadExportedStateDict, modelLayers } from "./model-layers.js";
import { toOnnx } from "./onnx.js";
import { toPyTorch } from "./pytorch-script.js";

describe("the from-scratch NeuralNetwork exports as the equivalent Sequential", () => {
  it("has the Sequential's names and shapes, each neuron a row of the [out, in] weight", () => {
    const net = new NeuralNetwork([2, 16, 16, 3], { rng: new PythonRandom(42) });
    const rng = createRng(0);
    const seq = new Sequential(
      new Linear(2, 16, { rng }),
      new ReLU(),
      new Linear(16, 16, { rng }),
      new ReLU(),
      new Linear(16, 3, { rng }),
    );
    const exported = exportStateDict(net);
    const shapes = (sd: Record<string, { shape: number[] }>) =>
      Object.entries(sd).map(([name, { shape }]) => [name, shape]);
    expect(shapes(exported)).toEqual(shapes(seq.stateDict()));
    expect(exported["0.weight"]!.data.slice(0, 2)).toEqual(net.layers[0]!.neurons[0]!.w.map((w) => w.data));
    expect(exported["2.weight"]!.data[16]).toBe(net.layers[1]!.neurons[1]!.w[0]!.data);
    // and the Sequential loaded with it computes what the network computes
    seq.loadStateDict(exported);
    const x = [0.3, -0.7];
    const ours = net.forward(x.map((v) => new Value(v))).map((v) => v.data);
    expect(Array.from(seq.forward(tensor([x])).data)).toEqual(ours);
  });

  it("a linear activation adds no layer: [3, 4, 2] with tanh, linear is 0 Linear, 1 Tanh, 2 Linear", () => {
    const net = new NeuralNetwork([3, 4, 2], { activations: ["tanh", "linear"], rng: new PythonRandom(1) });
    expect(modelLayers(net).map((l) => `${l.name}:${l.kind}`)).toEqual(["0:linear", "1:tanh", "2:linear"]);
    const net2 = new NeuralNetwork([3, 4, 2], { activations: ["linear", "relu"], rng: new PythonRandom(1) });
    expect(modelLayers(net2).map((l) => `${l.name}:${l.kind}`)).toEqual(["0:linear", "1:linear", "2:relu"]);
  });

  it("loadExportedStateDict brings Sequential names back into the network, all or nothing", () => {
    const a = new NeuralNetwork([2, 5, 3], { rng: new PythonRandom(1) });
    const b = new NeuralNetwork([2, 5, 3], { rng: new PythonRandom(2) });
    loadExportedStateDict(b, exportStateDict(a));
    expect(b.stateDict()).toEqual(a.stateDict());
    const c = new NeuralNetwork([2, 5, 3], { rng: new PythonRandom(3) });
    const before = c.stateDict();
    const broken = exportStateDict(a);
    broken["2.weight"] = { shape: [5, 3], data: new Array<number>(15).fill(0) };
    expect(() => loadExportedStateDict(c, broken)).toThrow(StateDictError);
    expect(c.stateDict()).toEqual(before);
  });

  it("refuses what it cannot export, naming it", () => {
    class Custom extends ReLU {}
    expect(() =>
      modelLayers(new Sequential(new Linear(2, 2, { rng: createRng(0) }), new Custom())),
    ).not.toThrow();
    class Odd extends Sequential {}
    expect(() => modelLayers(new Sequential(new Odd()))).toThrow(
      /modelLayers: expected the model's layers to be Linear, ReLU, Tanh, Sigmoid, LeakyReLU, Dropout, BatchNorm1d, Softmax or LogSoftmax, got Odd at index 0/,
    );
    expect(() => modelLayers(new Sequential(new ReLU()))).toThrow(/at least one Linear layer/);
    const rng = createRng(0);
    expect(() => modelLayers(new Sequential(new Linear(2, 3, { rng }), new Linear(4, 1, { rng })))).toThrow(
      /layer 1 takes 4 features but layer 0 gives 3/,
    );
    expect(() => modelLayers({} as Sequential)).toThrow(
      /expected a Sequential or a NeuralNetwork, got an object$/,
    );
  });
});

describe("Dropout, BatchNorm1d, Softmax and LogSoftmax export as PyTorch has them", () => {
  const rng = createRng(3);
  const model = () =>
    new Sequential(
      new Linear(2, 4, { rng }),
      new BatchNorm1d(4, { eps: 1e-3, momentum: null }),
      new ReLU(),
      new Dropout(0.25, { rng }),
      new Linear(4, 3, { rng }),
      new LogSoftmax(1),
    );

  it("lists them with what inference needs, and the script rebuilds them", () => {
    const layers = modelLayers(model());
    expect(layers.map((l) => `${l.name}:${l.kind}`)).toEqual([
      "0:linear",
      "1:batchNorm1d",
      "2:relu",
      "3:dropout",
      "4:linear",
      "5:logSoftmax",
    ]);
    const bn = layers[1] as Extract<(typeof layers)[number], { kind: "batchNorm1d" }>;
    expect([bn.eps, bn.momentum, Array.from(bn.runningVar!)]).toEqual([1e-3, null, [1, 1, 1, 1]]);
    const script = toPyTorch(model());
    expect(script).toContain(
      "nn.BatchNorm1d(4, eps=0.001, momentum=None, affine=True, track_running_stats=True),",
    );
    expect(script).toContain("nn.Dropout(p=0.25),");
    expect(script).toContain("nn.LogSoftmax(dim=1),");
    expect(toPyTorch(new Sequential(new Linear(2, 2, { rng }), new Softmax()))).toContain(
      "nn.Softmax(dim=-1),",
    );
    // the state dict carries the running statistics under PyTorch's names
    expect(Object.keys(exportStateDict(model()))).toEqual([
      "0.weight",
      "0.bias",
      "1.weight",
      "1.bias",
      "1.running_mean",
      "1.running_var",
      "1.num_batches_tracked",
      "4.weight",
      "4.bias",
    ]);
  });

  it("checks a BatchNorm1d's features against the layer before it", () => {
    expect(() => modelLayers(new Sequential(new Linear(2, 4, { rng }), new BatchNorm1d(5)))).toThrow(
      new RangeError("modelLayers: layer 1 takes 5 features but layer 0 gives 4"),
    );
    expect(() => modelLayers(new Sequential(new BatchNorm1d(3), new Linear(2, 4, { rng })))).toThrow(
      new RangeError("modelLayers: layer 1 takes 2 features but layer 0 gives 3"),
    );
  });

  it("ONNX refuses a BatchNorm1d without running statistics, or on a rank-3 input, naming it", () => {
    const noStats = new Sequential(
      new Linear(2, 4, { rng }),
      new BatchNorm1d(4, { trackRunningStats: false }),
    );
    expect(() => toOnnx(noStats)).toThrow(
      /toOnnx: expected BatchNorm1d at index 1 to track running statistics .*got trackRunningStats: false/,
    );
    expect(() => toOnnx(model(), { inputShape: ["batch", "time", 2] })).toThrow(
      /toOnnx: BatchNorm1d at index 1 normalises dimension 1, .* got an input of rank 3/,
    );
    expect(toOnnx(model(), { dtype: "float32" })).toBeInstanceOf(Uint8Array);
  });
});
