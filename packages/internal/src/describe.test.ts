import { describe as group, expect, it } from "vitest";

import { describe } from "./describe.js";
import { expected } from "./expected.js";

/** Look-alikes of autograd's classes: the shapes `describe` recognises (the real ones are tested in nn). */
class Value {
  grad = 0;
  constructor(readonly data: number) {}
  backward(): void {}
}
class Tensor {
  readonly data: Float64Array;
  constructor(readonly shape: number[]) {
    this.data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  }
  backward(): void {}
}
/** The same shapes from "another copy" of the package. */
class OtherValue extends Object {
  grad = 0;
  data = 1;
  backward(): void {}
}

group("describe", () => {
  it("names what came, quoting strings so a string is not mistaken for a number", () => {
    expect(describe("0.01")).toBe('the string "0.01"');
    expect(describe(0.01)).toBe("number 0.01");
    expect(describe(NaN)).toBe("number NaN");
    expect(describe(-0)).toBe("number 0");
    expect(describe(2n)).toBe("bigint 2");
    expect(describe(undefined)).toBe("undefined");
    expect(describe(null)).toBe("null");
    expect(describe(true)).toBe("boolean true");
    expect(describe(Symbol("s"))).toBe("symbol s");
    expect(describe(() => 1)).toBe("a function");
    expect(describe("x".repeat(100))).toBe(`the string "${"x".repeat(40)}…"`);
  });

  it("previews short arrays of plain values, NaN included, and gives the length of the others", () => {
    expect(describe([[1, 2]])).toBe("an array [[1,2]]");
    expect(describe([NaN, "a", null])).toBe('an array [NaN,"a",null]');
    expect(describe([])).toBe("an array []");
    expect(describe(new Array(50).fill(0))).toBe("an array of length 50");
    expect(describe([() => 1])).toBe("an array of length 1"); // no preview that would print [null]
    expect(describe([{}, {}])).toBe("an array of length 2");
  });

  it("names typed arrays with their length, and objects by their class", () => {
    expect(describe(new Float64Array(3))).toBe("a Float64Array of length 3");
    expect(describe(new Int32Array(1))).toBe("an Int32Array of length 1");
    expect(describe(new DataView(new ArrayBuffer(2)))).toBe("a DataView");
    expect(describe({})).toBe("an object");
    expect(describe(Object.create(null))).toBe("an object");
    expect(describe(new Map())).toBe("a Map");
    expect(describe(new Error("x"))).toBe("an Error");
  });

  it("recognises a Value or a Tensor by shape, and with the caller's classes names a foreign copy", () => {
    expect(describe(new Value(2))).toBe("a Value (data 2)");
    expect(describe(new Tensor([1, 3]))).toBe("a Tensor of shape (1, 3)");
    expect(describe(new Value(2), { Value, Tensor })).toBe("a Value (data 2)");
    const foreign = describe(new OtherValue(), { Value, Tensor });
    expect(foreign).toMatch(
      /^a Value from another copy of @neurogebra\/autograd \(its CommonJS and ESM builds/,
    );
    expect(foreign).toMatch(/all with import or all with require/);
    expect(describe(new Tensor([2]), { Value })).toBe("a Tensor of shape (2)"); // no Tensor class given
    expect(describe({ data: 1, grad: 0 })).toBe("an object"); // no backward(): just an object
  });
});

group("expected", () => {
  it("writes <fn>: expected <what>, got <described value>", () => {
    expect(expected("Adam", "lr to be a finite number ≥ 0", "0.01")).toBe(
      'Adam: expected lr to be a finite number ≥ 0, got the string "0.01"',
    );
    expect(expected("SGD", "params[0] to be a Value", new OtherValue(), { Value })).toMatch(
      /^SGD: expected params\[0\] to be a Value, got a Value from another copy/,
    );
  });
});
