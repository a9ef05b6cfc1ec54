// The error messages issue #20 names: each says what was passed, the way the convention
// "<fn>: expected <what>, got <described value>" reads.
import { createRequire } from "node:module";

import { Value, tensor } from "@neurogebra/autograd";
import type * as Autograd from "@neurogebra/autograd";
import { createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { Adam, Linear, Neuron, ReLU, SGD, Sequential } from "../src/index.js";

const other = createRequire(import.meta.url)("@neurogebra/autograd") as typeof Autograd;

describe("messages that say what was passed", () => {
  it("Adam { lr: '0.01' } says it got the string \"0.01\"", () => {
    const model = new Linear(2, 1, { rng: createRng(0) });
    expect(() => new Adam(model.parameters(), { lr: "0.01" as unknown as number })).toThrow(
      new TypeError('Adam: expected lr to be a finite number in [0, Infinity), got the string "0.01"'),
    );
    expect(() => new SGD(model.parameters(), { lr: "0.1" as unknown as number })).toThrow(
      /got the string "0.1"/,
    );
  });

  it("seq.forward([[1, 2]]) says a Tensor was expected and how to make one", () => {
    const rng = createRng(0);
    const seq = new Sequential(new Linear(2, 4, { rng }), new ReLU(), new Linear(4, 1, { rng }));
    expect(() => seq.forward([[1, 2]] as never)).toThrow(
      new TypeError(
        "Sequential.forward: expected x to be a Tensor, got an array [[1,2]] — make one with tensor([[1,2]]) from @neurogebra/autograd",
      ),
    );
    expect(seq.forward(tensor([[1, 2]])).shape).toEqual([1, 1]);
  });

  it("a Value of the other build (the CommonJS copy next to the ESM one) is named as such", () => {
    const foreign = new other.Value(1);
    expect(() => new SGD([foreign], { lr: 0.1 })).toThrow(
      /^SGD: expected params\[0\] to be a Value or a Tensor, got a Value from another copy of @neurogebra\/autograd \(its CommonJS and ESM builds, or two installed versions, are loaded together/,
    );
    // autograd's own ops name it too, instead of "an object ([object Object])"
    expect(() => new Value(1).add(foreign)).toThrow(/got a Value from another copy of @neurogebra\/autograd/);
    const neuron = new Neuron(2, { rng: createRng(0) });
    expect(() => neuron.forward([foreign, 1])).toThrow(/a Value from another copy/);
  });
});
