import { describe, expect, it } from "vitest";

import { arange, tensor, zeros } from "../tensor-factories.js";

describe("Tensor shape ops", () => {
  it("transpose, permute, reshape and friends move the right elements", () => {
    const x = arange(6).reshape([2, 3]);
    expect(x.T.toArray()).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    expect(x.transpose(0, 1).toArray()).toEqual(x.T.toArray());
    const y = arange(24).reshape([2, 3, 4]);
    const p = y.permute([2, 0, 1]);
    expect(p.shape).toEqual([4, 2, 3]);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++)
        for (let k = 0; k < 4; k++) expect(p.data[(k * 2 + i) * 3 + j]).toBe(y.data[(i * 3 + j) * 4 + k]);
    expect(x.reshape([3, -1]).shape).toEqual([3, 2]);
    expect(x.reshape([6]).data).toBe(x.data);
    expect(x.flatten().shape).toEqual([6]);
    expect(x.unsqueeze(-1).shape).toEqual([2, 3, 1]);
    expect(zeros([1, 3, 1]).squeeze().shape).toEqual([3]);
    expect(zeros([2, 3]).squeeze(0).shape).toEqual([2, 3]);
    expect(tensor([1, 2]).broadcastTo([2, 2]).toArray()).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });
});

describe("Tensor shape ops: errors name the op, the argument and the shapes", () => {
  it("reshape", () => {
    expect(() => zeros([2, 3]).reshape([4, 2])).toThrow(
      new RangeError("reshape: cannot view shape (2,3) (6 elements) as (4,2) (8 elements)"),
    );
    expect(() => zeros([2, 3]).reshape([4, -1])).toThrow(/cannot infer/);
  });
});
