import { describe, expect, it } from "vitest";

import { arange, tensor, zeros } from "../tensor-factories.js";

describe("Tensor reductions", () => {
  it("reduces over axes with and without keepdims", () => {
    const x = arange(24).reshape([2, 3, 4]);
    expect(x.sum().item()).toBe(276);
    expect(x.sum(undefined, true).shape).toEqual([1, 1, 1]);
    expect(x.sum(0).toArray()).toEqual([
      [12, 14, 16, 18],
      [20, 22, 24, 26],
      [28, 30, 32, 34],
    ]);
    expect(x.sum(-1).toArray()).toEqual([
      [6, 22, 38],
      [54, 70, 86],
    ]);
    expect(x.sum(1, true).shape).toEqual([2, 1, 4]);
    expect(x.sum([0, 2]).toArray()).toEqual([60, 92, 124]);
    expect(x.sum([0, 2], true).shape).toEqual([1, 3, 1]);
    expect(x.mean().item()).toBe(11.5);
    expect(x.mean([1, 2]).toArray()).toEqual([5.5, 17.5]);
    expect(x.max(1).toArray()).toEqual([
      [8, 9, 10, 11],
      [20, 21, 22, 23],
    ]);
    expect(x.min(2, true).toArray()).toEqual([
      [[0], [4], [8]],
      [[12], [16], [20]],
    ]);
    expect(x.max().item()).toBe(23);
  });

  it("argmax returns the first maximum's index as an Int32Array", () => {
    const x = tensor([
      [1, 5, 5],
      [7, 0, 1],
    ]);
    expect(x.argmax(1)).toEqual(Int32Array.from([1, 0]));
    expect(x.argmax(0)).toEqual(Int32Array.from([1, 0, 0]));
    expect(x.argmax()).toEqual(Int32Array.from([3]));
  });
});

describe("Tensor reductions: errors name the op, the argument and the shapes", () => {
  it("axes", () => {
    expect(() => zeros([2, 3]).sum(2)).toThrow(
      new RangeError("sum: axis 2 is out of range for a tensor with 2 dimensions (expected -2 … 1)"),
    );
    expect(() => zeros([2, 3]).softmax(-3)).toThrow(/softmax: axis -3 is out of range/);
    expect(() => zeros([2, 3]).max(0.5)).toThrow(
      new TypeError("max: expected axis to be an integer, got number 0.5"),
    );
    expect(() => zeros([2, 3]).sum([0, 0])).toThrow(/repeat an axis/);
    expect(() => zeros([2, 3]).permute([0])).toThrow(/permute: expected 2 dims/);
    expect(() => zeros([0]).max()).toThrow(/cannot reduce an empty tensor/);
  });
});
