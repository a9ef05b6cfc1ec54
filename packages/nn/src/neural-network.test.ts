import { Value } from "@neurogebra/autograd";
import { PythonRandom, createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";
import { readSharedFixture } from "@neurogebra/internal/fixtures";

import { MLP, NeuralNetwork } from "./neural-network.js";
import { StateDictError, load, save } from "./state-dict.js";

const transcript = readSharedFixture("python-run-seed42.txt").split("\n");

function tutorialNet(seed = 42): NeuralNetwork {
  return new NeuralNetwork([2, 16, 16, 3], {
    activations: ["relu", "relu", "linear"],
    rng: new PythonRandom(seed),
  });
}

describe("NeuralNetwork", () => {
  it("summarises itself with exactly the tutorial's four printed lines", () => {
    const start = transcript.indexOf("Neural Network created:");
    expect(tutorialNet().summary().split("\n")).toEqual(transcript.slice(start, start + 4));
  });

  it("defaults to relu hidden layers and a linear output, and MLP is the same class", () => {
    const net = new MLP([2, 16, 16, 3], { rng: createRng(0) });
    expect(net).toBeInstanceOf(NeuralNetwork);
    expect(net.activations).toEqual(["relu", "relu", "linear"]);
    expect(net.parameters()).toHaveLength(371);
    expect(net.layers.map((l) => [l.nIn, l.nOut])).toEqual([
      [2, 16],
      [16, 16],
      [16, 3],
    ]);
  });

  it("groups thousands in the parameter count like Python's {n:,}", () => {
    const net = new NeuralNetwork([10, 100, 2], { rng: createRng(0) });
    expect(net.summary().split("\n")[3]).toBe("  Parameters:   1,302");
  });

  it("chains the layers: forward = last(…first(x)) and predict = first argmax", () => {
    const net = tutorialNet();
    const x = [new Value(0.3), new Value(-0.7)];
    let h: Value[] = x;
    for (const layer of net.layers) h = layer.forward(h);
    const scores = net.forward(x);
    expect(scores.map((s) => s.data)).toEqual(h.map((s) => s.data));
    const best = scores.reduce((b, s, i) => (s.data > scores[b]!.data ? i : b), 0);
    expect(net.predict([0.3, -0.7])).toBe(best);
  });

  it("zeroGrad resets every parameter gradient", () => {
    const net = tutorialNet();
    net
      .forward([1, 1])[0]!
      .add(net.forward([0.5, -2])[1]!)
      .backward();
    expect(net.parameters().some((p) => p.grad !== 0)).toBe(true);
    net.zeroGrad();
    expect(net.parameters().every((p) => p.grad === 0)).toBe(true);
  });

  it("rejects bad layer sizes and activation lists", () => {
    const rng = createRng(0);
    expect(() => new NeuralNetwork([2], { rng })).toThrow(
      /NeuralNetwork: expected layerSizes to list at least 2 sizes/,
    );
    expect(() => new NeuralNetwork([2, -1, 3], { rng })).toThrow(
      /layerSizes\[1\] to be a positive integer, got number -1/,
    );
    expect(() => new NeuralNetwork([2, 3], { rng, activations: ["relu", "relu"] })).toThrow(
      /NeuralNetwork: expected 1 activations \(one per layer\), got an array \["relu","relu"\]$/,
    );
  });
});

describe("NeuralNetwork state dict", () => {
  it("records each layer as a PyTorch-style weight [nOut, nIn] (row = neuron) and bias [nOut]", () => {
    const net = tutorialNet();
    const state = net.stateDict();
    expect(Object.keys(state)).toEqual([
      "layers.0.weight",
      "layers.0.bias",
      "layers.1.weight",
      "layers.1.bias",
      "layers.2.weight",
      "layers.2.bias",
    ]);
    expect(state["layers.0.weight"]!.shape).toEqual([16, 2]);
    expect(state["layers.2.bias"]!.shape).toEqual([3]);
    expect(state["layers.1.weight"]!.data[16 * 3 + 5]).toBe(net.layers[1]!.neurons[3]!.w[5]!.data);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it("round-trips through save/load into a differently initialised network", () => {
    const a = tutorialNet(42);
    a.layers[0]!.neurons[2]!.b.data = 0.125;
    const b = tutorialNet(7);
    load(b, save(a));
    expect(b.parameters().map((p) => p.data)).toEqual(a.parameters().map((p) => p.data));
    expect(b.forward([0.2, 0.4]).map((s) => s.data)).toEqual(a.forward([0.2, 0.4]).map((s) => s.data));
  });

  it("lists every problem in one StateDictError and leaves the network untouched", () => {
    const net = tutorialNet();
    const before = net.stateDict();
    const bad: Record<string, unknown> = structuredClone(before);
    delete bad["layers.0.bias"];
    (bad["layers.1.weight"] as { shape: number[] }).shape = [16, 17];
    (bad["layers.2.weight"] as { data: unknown[] }).data[4] = null;
    (bad["layers.2.bias"] as { data: number[] }).data = [1, 2];
    bad["layers.9.weight"] = { shape: [1], data: [0] };
    let error: unknown;
    try {
      net.loadStateDict(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StateDictError);
    const problems = (error as StateDictError).problems;
    expect(problems).toEqual([
      'missing key "layers.0.bias" (shape [16])',
      '"layers.1.weight": expected shape [16, 16], got [16, 17]',
      '"layers.2.weight": data[4] is null, expected a finite number',
      '"layers.2.bias": expected 3 numbers for shape [3], got 2',
      'unexpected key "layers.9.weight"',
    ]);
    expect((error as Error).message).toMatch(
      /NeuralNetwork.loadStateDict: .*5 problems; nothing was changed/,
    );
    expect(net.stateDict()).toEqual(before);
  });

  it("rejects NaN and Infinity (JSON turns them into null) and malformed JSON", () => {
    const net = tutorialNet();
    const before = net.stateDict();
    const state = structuredClone(before);
    state["layers.0.weight"]!.data[0] = NaN;
    state["layers.0.weight"]!.data[1] = Infinity;
    expect(() => net.loadStateDict(state)).toThrow(/data\[0\] is NaN.*\n.*data\[1\] is Infinity/);
    // save() refuses such a state (state-dict.test.ts); JSON written by hand still gets a clear load error
    expect(() => load(net, JSON.stringify(state))).toThrow(/data\[0\] is null/);
    expect(() => load(net, "{ not json")).toThrow(StateDictError);
    expect(() => net.loadStateDict([])).toThrow(/expected a state dict object, got an array/);
    expect(net.stateDict()).toEqual(before);
  });
});
