import { describe, expect, it } from "vitest";

import type { Tensor } from "../tensor.js";
import { arange, tensor, zeros } from "../tensor-factories.js";

describe("Tensor matrix products", () => {
  it("matmul follows PyTorch's shape rules", () => {
    expect(zeros([2, 3]).matmul(zeros([3, 4])).shape).toEqual([2, 4]);
    expect(zeros([5, 2, 3]).matmul(zeros([3, 4])).shape).toEqual([5, 2, 4]);
    expect(zeros([1, 2, 3]).matmul(zeros([6, 3, 4])).shape).toEqual([6, 2, 4]);
    expect(zeros([3]).matmul(zeros([3, 4])).shape).toEqual([4]);
    expect(zeros([2, 3]).matmul(zeros([3])).shape).toEqual([2]);
    expect(zeros([3]).matmul(zeros([3])).shape).toEqual([]);
    expect(
      tensor([1, 2, 3])
        .matmul(tensor([4, 5, 6]))
        .item(),
    ).toBe(32);
  });

  it("linear equals matmul with the transposed weight plus bias, bit for bit", () => {
    const x = arange(6).reshape([2, 3]).mul(0.1);
    const W = arange(12).reshape([4, 3]).sub(5).mul(0.3);
    const b = tensor([0.1, 0.2, 0.3, 0.4]);
    expect(x.linear(W, b).toArray()).toEqual(x.matmul(W.T).add(b).toArray());
    expect(x.linear(W).toArray()).toEqual(x.matmul(W.T).toArray());
  });
});

describe("Tensor matrix products: errors name the op, the argument and the shapes", () => {
  it("matmul", () => {
    expect(() => zeros([16, 2]).matmul(zeros([3, 16]))).toThrow(
      new RangeError("matmul: (16,2) @ (3,16) — inner dims 2 and 3 differ"),
    );
    expect(() => zeros([3]).matmul(zeros([4]))).toThrow(
      /matmul: \(3,\) @ \(4,\) — inner dims 3 and 4 differ/,
    );
    expect(() => zeros([]).matmul(zeros([3]))).toThrow(/at least 1 dimension/);
    expect(() => zeros([2, 2, 3]).matmul(zeros([3, 3, 1]))).toThrow(
      /matmul: shapes \(2,\) and \(3,\) do not broadcast/,
    );
    expect(() => zeros([2, 2]).matmul(2 as unknown as Tensor)).toThrow(
      new TypeError("matmul: expected other to be a Tensor, got number 2"),
    );
  });

  it("linear", () => {
    expect(() => zeros([5, 2]).linear(zeros([3, 4]))).toThrow(
      /linear: input \(5,2\) and weight \(3,4\) — expected weight of shape \(out, 2\)/,
    );
    expect(() => zeros([5, 2]).linear(zeros([3, 2]), zeros([4]))).toThrow(
      /bias \(4,\) does not match weight \(3,2\)/,
    );
  });
});
