import { describe, expect, it } from "vitest";

import { tensor } from "./tensor-factories.js";
import { linear, matmul, maximum, minimum, where } from "./tensor-functions.js";

describe("free functions mirror the methods", () => {
  it("where(cond, x, y) picks x where cond is non-zero", () => {
    const x = tensor([-1, 2, -3]);
    expect(where(x.gt(0), x, 0).toArray()).toEqual([0, 2, 0]);
    expect(where(tensor([1, 0]), 5, tensor([7, 8])).toArray()).toEqual([5, 8]);
  });

  it("maximum, minimum, matmul, linear", () => {
    expect(maximum(tensor([1, 5]), 3).toArray()).toEqual([3, 5]);
    expect(maximum(4, tensor([1, 5])).toArray()).toEqual([4, 5]);
    expect(minimum(tensor([1, 5]), 3).toArray()).toEqual([1, 3]);
    expect(matmul(tensor([[1, 2]]), tensor([[3], [4]])).toArray()).toEqual([[11]]);
    expect(linear(tensor([[1, 2]]), tensor([[1, 1]]), tensor([0.5])).toArray()).toEqual([[3.5]]);
  });

  it("reject operands of the wrong type", () => {
    expect(() => where(tensor([1]), "x" as unknown as number, 0)).toThrow(TypeError);
    expect(() => matmul([1] as unknown as ReturnType<typeof tensor>, tensor([1]))).toThrow(
      /matmul: expected a/,
    );
    expect(() => linear(null as unknown as ReturnType<typeof tensor>, tensor([[1]]))).toThrow(
      /linear: expected input/,
    );
  });
});
