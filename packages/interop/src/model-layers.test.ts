import { Value, tensor } from "@neurogebra/autograd";
import { Linear, NeuralNetwork, ReLU, Sequential, StateDictError } from "@neurogebra/nn";
import { PythonRandom, createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { exportStateDict, loadExportedStateDict, modelLayers } from "./model-layers.js";

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
      /modelLayers: expected the model's layers to be Linear, ReLU, Tanh, Sigmoid or LeakyReLU, got Odd at index 0/,
    );
    expect(() => modelLayers(new Sequential(new ReLU()))).toThrow(/at least one Linear layer/);
    const rng = createRng(0);
    expect(() => modelLayers(new Sequential(new Linear(2, 3, { rng }), new Linear(4, 1, { rng })))).toThrow(
      /layer 1 takes 4 features but layer 0 gives 3/,
    );
    expect(() => modelLayers({} as Sequential)).toThrow(
      /expected a Sequential or a NeuralNetwork, got Object/,
    );
  });
});
