import { createRequire } from "node:module";

import { Value, tensor } from "@neurogebra/autograd";
import type * as Autograd from "@neurogebra/autograd";
import { describe } from "@neurogebra/internal";
import { describe as group, expect, it } from "vitest";

import { AUTOGRAD, expectTensor } from "./expect-tensor.js";

// The CommonJS build of @neurogebra/autograd next to the ESM one this package imports: the dual-package
// hazard a user meets when one file requires and another imports.
const other = createRequire(import.meta.url)("@neurogebra/autograd") as typeof Autograd;

group("describe, on the real autograd classes", () => {
  it("names a Value and a Tensor of this package's autograd by their contents", () => {
    expect(describe(tensor([[1, 2, 3]]), AUTOGRAD)).toBe("a Tensor of shape (1, 3)");
    expect(describe(new Value(2), AUTOGRAD)).toBe("a Value (data 2)");
  });

  it("names a Value or Tensor of the other build of @neurogebra/autograd as such", () => {
    expect(other.Value).not.toBe(Value);
    const text = describe(new other.Value(1), AUTOGRAD);
    expect(text).toMatch(/^a Value from another copy of @neurogebra\/autograd \(its CommonJS and ESM builds/);
    expect(text).toMatch(/all with import or all with require/);
    expect(describe(other.tensor([1, 2]), AUTOGRAD)).toMatch(
      /^a Tensor from another copy of @neurogebra\/autograd/,
    );
  });
});

group("expectTensor", () => {
  it("says a Tensor was expected and how to make one from the array that came", () => {
    expect(() => expectTensor("Sequential.forward", [[1, 2]])).toThrow(
      new TypeError(
        "Sequential.forward: expected x to be a Tensor, got an array [[1,2]] — make one with tensor([[1,2]]) from @neurogebra/autograd",
      ),
    );
    expect(() => expectTensor("Linear.forward", new Float64Array(4))).toThrow(
      /tensor\(x, \[rows, columns\]\)/,
    );
    expect(() => expectTensor("ReLU.forward", [new Value(1)])).toThrow(
      /lists of Values go to Neuron, Layer or NeuralNetwork/,
    );
    expect(() => expectTensor("ReLU.forward", other.tensor([1]))).toThrow(/got a Tensor from another copy/);
    expect(() => expectTensor("f", tensor([1]))).not.toThrow();
  });
});
