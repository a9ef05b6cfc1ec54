import { createRequire } from "node:module";

import { Value, tensor } from "@neurogebra/autograd";
import type * as Autograd from "@neurogebra/autograd";
import { describe as group, expect, it } from "vitest";

import { describe, expectTensor, foreignCopy } from "./describe.js";

// The CommonJS build of @neurogebra/autograd next to the ESM one this package imports: the dual-package
// hazard a user meets when one file requires and another imports.
const other = createRequire(import.meta.url)("@neurogebra/autograd") as typeof Autograd;

group("describe", () => {
  it("names what came, quoting strings so a string is not mistaken for a number", () => {
    expect(describe("0.01")).toBe('the string "0.01"');
    expect(describe(0.01)).toBe("number 0.01");
    expect(describe(NaN)).toBe("number NaN");
    expect(describe(undefined)).toBe("undefined");
    expect(describe(null)).toBe("null");
    expect(describe(true)).toBe("boolean true");
    expect(describe([[1, 2]])).toBe("an array [[1,2]]");
    expect(describe(new Array(50).fill(0))).toBe("an array of length 50");
    expect(describe(new Float64Array(3))).toBe("a Float64Array of length 3");
    expect(describe(tensor([[1, 2, 3]]))).toBe("a Tensor of shape (1, 3)");
    expect(describe(new Value(2))).toBe("a Value (data 2)");
    expect(describe({})).toBe("an object");
    expect(describe(new Map())).toBe("a Map");
    expect(describe(() => 1)).toBe("a function");
    expect(describe("x".repeat(100))).toBe(`the string "${"x".repeat(40)}…"`);
  });

  it("names a Value or Tensor of the other build of @neurogebra/autograd as such", () => {
    expect(other.Value).not.toBe(Value);
    const text = describe(new other.Value(1));
    expect(text).toMatch(/^a Value from another copy of @neurogebra\/autograd \(its CommonJS and ESM builds/);
    expect(text).toMatch(/all with import or all with require/);
    expect(describe(other.tensor([1, 2]))).toMatch(/^a Tensor from another copy of @neurogebra\/autograd/);
    expect(foreignCopy(new Value(1))).toBeNull();
    expect(foreignCopy({ data: 1, grad: 0 })).toBeNull(); // no backward(): just an object
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
