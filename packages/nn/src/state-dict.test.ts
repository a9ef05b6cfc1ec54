import { createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { Linear } from "./linear.js";
import { NeuralNetwork } from "./neural-network.js";
import { load, save } from "./state-dict.js";

describe("reliability #19", () => {
  it("11: save() refuses NaN and ±Infinity weights with a named error instead of writing null", () => {
    const layer = new Linear(3, 2, { rng: createRng(0) });
    layer.weight.data[4] = NaN;
    layer.weight.data[5] = -Infinity;
    layer.bias!.data[0] = Infinity;
    expect(() => save(layer)).toThrow(RangeError);
    expect(() => save(layer)).toThrow(
      "save: the model holds non-finite numbers, which JSON cannot store (it writes null) and load() " +
        'refuses: "weight": NaN at data[4] and 1 more; "bias": Infinity at data[0]. Did the training diverge?',
    );
  });

  it("11: a scalar network's diverged weight is named too; finite models still round-trip", () => {
    const net = new NeuralNetwork([2, 3, 2], { rng: createRng(1) });
    const copy = new NeuralNetwork([2, 3, 2], { rng: createRng(2) });
    load(copy, save(net));
    expect(copy.stateDict()).toEqual(net.stateDict());
    net.layers[1]!.neurons[0]!.b.data = NaN;
    expect(() => save(net)).toThrow(/"layers\.1\.bias": NaN at data\[0\]/);
  });
});
