import { Value } from "@neurogebra/autograd";
import { PythonRandom, createRng } from "@neurogebra/random";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSharedFixture } from "@neurogebra/internal/fixtures";

import { Layer } from "./layer.js";
import { Neuron } from "./neuron.js";

const fixture = JSON.parse(readSharedFixture("python-rng.json")) as {
  tutorial_first_layer_init_seed42: { limit: number; first_8_uniform: number[] };
};
const init = fixture.tutorial_first_layer_init_seed42;

describe("Neuron", () => {
  it("draws Python's random.seed(42) weights for the tutorial's first layer, neuron by neuron", () => {
    const layer = new Layer(2, 16, { activation: "relu", rng: new PythonRandom(42) });
    const weights = layer.neurons.slice(0, 4).flatMap((n) => n.w.map((w) => w.data));
    expect(weights).toEqual(init.first_8_uniform);
    expect(layer.neurons.every((n) => n.b.data === 0)).toBe(true);
  });

  it("uses limit = sqrt(6 / (nInputs + 1)), equal to Python's (6 / 3) ** 0.5 for the first layer", () => {
    expect(Math.sqrt(6 / 3)).toBe(init.limit);
    const n = new Neuron(5, { rng: createRng(1) });
    const limit = Math.sqrt(1);
    for (const w of n.w) expect(Math.abs(w.data)).toBeLessThan(limit);
  });

  it("computes activation(b + w0·x0 + w1·x1 + …) summed from the bias, and its gradients", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.constantFrom("relu", "tanh", "sigmoid", "linear" as const),
        fc.integer({ min: 0, max: 1000 }),
        (xs, bias, activation, seed) => {
          const neuron = new Neuron(xs.length, { activation, rng: createRng(seed) });
          neuron.b.data = bias;
          const x = xs.map((v) => new Value(v));
          const out = neuron.forward(x);
          let raw = bias;
          xs.forEach((v, i) => (raw += neuron.w[i]!.data * v));
          const f = {
            relu: (z: number) => Math.max(0, z),
            tanh: Math.tanh,
            sigmoid: (z: number) => 1 / (1 + Math.exp(-z)),
            linear: (z: number) => z,
          }[activation];
          expect(out.data).toBeCloseTo(f(raw), 12);
          if (activation === "relu") expect(out.data).toBe(raw < 0 ? 0 : raw);
          if (activation === "linear") expect(out.data).toBe(raw);
          // The chain rule against the analytic derivative of each activation.
          out.backward();
          const slope = {
            relu: raw > 0 ? 1 : 0,
            tanh: 1 - Math.tanh(raw) ** 2,
            sigmoid: f(raw) * (1 - f(raw)),
            linear: 1,
          }[activation];
          expect(neuron.b.grad).toBeCloseTo(slope, 10);
          xs.forEach((v, i) => {
            expect(neuron.w[i]!.grad).toBeCloseTo(slope * v, 10);
            expect(x[i]!.grad).toBeCloseTo(slope * neuron.w[i]!.data, 10);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("lists its parameters as weights then bias, live", () => {
    const n = new Neuron(3, { rng: createRng(0) });
    const ps = n.parameters();
    expect(ps).toEqual([...n.w, n.b]);
    expect(ps[3]).toBe(n.b);
  });

  it("accepts plain numbers as inputs", () => {
    const n = new Neuron(2, { activation: "linear", rng: createRng(3) });
    expect(n.forward([1, 2]).data).toBe(n.forward([new Value(1), new Value(2)]).data);
  });

  it("rejects bad sizes, activations, rngs and inputs with messages that name them", () => {
    const rng = createRng(0);
    expect(() => new Neuron(0, { rng })).toThrow(
      /Neuron: expected nInputs to be a positive integer, got number 0/,
    );
    expect(() => new Neuron(2.5, { rng })).toThrow(RangeError);
    expect(() => new Neuron(2, { rng, activation: "gelu" as "relu" })).toThrow(
      /Neuron: expected options.activation to be one of "relu", "tanh", "sigmoid", "linear", got the string "gelu"$/,
    );
    expect(() => new Neuron(2, { rng: {} as never })).toThrow(
      /Neuron: expected options.rng to be an Rng .*, got an object/,
    );
    const n = new Neuron(2, { rng });
    expect(() => n.forward([new Value(1)])).toThrow(
      /Neuron.forward: expected x to be an array of 2 inputs, got 1 inputs/,
    );
  });
});

describe("Layer", () => {
  it("has nOut neurons over nIn inputs and (nIn + 1)·nOut parameters, neuron by neuron", () => {
    const layer = new Layer(16, 3, { activation: "linear", rng: createRng(0) });
    expect([layer.nIn, layer.nOut, layer.activation]).toEqual([16, 3, "linear"]);
    expect(layer.parameters()).toEqual(layer.neurons.flatMap((n) => [...n.w, n.b]));
    expect(layer.parameters()).toHaveLength(51);
    const out = layer.forward(Array.from({ length: 16 }, (_, i) => i / 16));
    expect(out.map((v) => v.data)).toEqual(
      layer.neurons.map((n) => n.forward(Array.from({ length: 16 }, (_, i) => i / 16)).data),
    );
  });

  it("rejects bad sizes", () => {
    expect(() => new Layer(2, 0, { rng: createRng(0) })).toThrow(
      /Layer: expected nOut to be a positive integer, got number 0/,
    );
  });
});
