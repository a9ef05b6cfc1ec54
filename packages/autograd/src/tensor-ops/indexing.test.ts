import { describe, expect, it } from "vitest";

import { tensor, zeros } from "../tensor-factories.js";

describe("Tensor indexing", () => {
  it("gather picks one element per row; indexSelect picks whole slices", () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(x.gather(1, [2, 0]).toArray()).toEqual([3, 4]);
    expect(x.gather(0, Int32Array.from([1, 0, 1])).toArray()).toEqual([4, 2, 6]);
    expect(x.indexSelect(0, [1, 1, 0]).toArray()).toEqual([
      [4, 5, 6],
      [4, 5, 6],
      [1, 2, 3],
    ]);
    expect(x.indexSelect(1, Int32Array.from([2])).toArray()).toEqual([[3], [6]]);
  });
});

describe("Tensor indexing: errors name the op, the argument and the shapes", () => {
  it("indices: dtype, integrality, range and count", () => {
    const x = zeros([2, 3]);
    expect(() => x.gather(1, new Float64Array([0, 1]) as unknown as Int32Array)).toThrow(
      new TypeError(
        "gather: expected indices to be an Int32Array or number[], got a Float64Array of length 2",
      ),
    );
    expect(() => x.gather(1, [0, 1.5])).toThrow(
      new TypeError(
        "gather: expected indices to be integers (Int32Array or number[]), got number 1.5 at position 1",
      ),
    );
    expect(() => x.gather(1, tensor([0, 1]) as unknown as number[])).toThrow(TypeError);
    expect(() => x.gather(1, [0, 3])).toThrow(
      new RangeError("gather: index 3 at position 1 is out of range [0, 3)"),
    );
    expect(() => x.gather(1, [0])).toThrow(/gather: expected 2 indices/);
    expect(() => x.indexSelect(0, [-1])).toThrow(/out of range/);
    expect(() => x.crossEntropy([0, 1, 2])).toThrow(/crossEntropy: 2 rows of logits but 3 targets/);
    expect(() => zeros([3]).crossEntropy([0])).toThrow(/expected logits of shape \(batch, classes\)/);
    expect(() => x.crossEntropy([0, 1], "avg" as "mean")).toThrow(TypeError);
  });
});
