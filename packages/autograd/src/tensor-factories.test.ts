import { describe, expect, it } from "vitest";

import type { Rng } from "./rng.js";
import { arange, fromRows, full, ones, rand, randn, tensor, uniform, zeros } from "./tensor-factories.js";

/** A scripted Rng: returns the given draws in order, so every factory's use of it is visible. */
function scripted(draws: number[]): Rng & { calls: string[] } {
  let i = 0;
  const calls: string[] = [];
  return {
    calls,
    random: () => {
      calls.push("random");
      return draws[i++ % draws.length]!;
    },
    normal: () => {
      calls.push("normal");
      return draws[i++ % draws.length]!;
    },
  };
}

describe("tensor()", () => {
  it("infers the shape of nested arrays and copies", () => {
    const rows = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const t = tensor(rows);
    expect(t.shape).toEqual([2, 3]);
    expect([...t.data]).toEqual([1, 2, 3, 4, 5, 6]);
    rows[0]![0] = 99;
    expect(t.data[0]).toBe(1);
    expect(tensor(5).shape).toEqual([]);
    expect(tensor([]).shape).toEqual([0]);
    expect(tensor([[[1], [2]]]).shape).toEqual([1, 2, 1]);
  });

  it("takes flat typed arrays with an optional shape, and options in either position", () => {
    const X = new Float64Array([1, 2, 3, 4, 5, 6]);
    const t = tensor(X, [3, 2]);
    expect(t.shape).toEqual([3, 2]);
    expect(t.data).not.toBe(X);
    expect(tensor(Int32Array.from([1, 2])).toArray()).toEqual([1, 2]);
    expect(tensor([1, 2], { requiresGrad: true }).requiresGrad).toBe(true);
    expect(tensor([1, 2, 3, 4], [2, 2], { requiresGrad: true }).requiresGrad).toBe(true);
  });

  it("rejects ragged arrays, non-numbers and a shape that does not fit", () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(
      new RangeError(
        "tensor: ragged nested array — expected data[1] to be an array of length 2, got an array [3]",
      ),
    );
    expect(() => tensor([[1, "2"]] as unknown as number[][])).toThrow(
      new TypeError('tensor: expected a number at data[0][1], got the string "2"'),
    );
    expect(() => tensor([1, 2, 3], [2, 2])).toThrow(/shape \(2,2\) holds 4 elements but data has 3/);
    expect(() => tensor("12" as unknown as number[])).toThrow(TypeError);
  });
});

describe("filled factories", () => {
  it("zeros, ones, full, arange", () => {
    expect(zeros([2, 2]).toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(ones([3]).toArray()).toEqual([1, 1, 1]);
    expect(full([2], -1.5, { requiresGrad: true }).toArray()).toEqual([-1.5, -1.5]);
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(2, 5).toArray()).toEqual([2, 3, 4]);
    expect(arange(1, 2, 0.25).toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(arange(3, 0, -1).toArray()).toEqual([3, 2, 1]);
    expect(arange(0).shape).toEqual([0]);
  });

  it("validate their arguments", () => {
    expect(() => zeros(3 as unknown as number[])).toThrow(TypeError);
    expect(() => full([2], "1" as unknown as number)).toThrow(/full: expected value to be a number/);
    expect(() => arange(0, 1, 0)).toThrow(new RangeError("arange: step must not be 0"));
    expect(() => arange(Infinity)).toThrow(/arange: expected stop to be a finite number/);
  });

  it("fromRows stacks rows of arrays or typed arrays", () => {
    expect(fromRows([[1, 2], new Float64Array([3, 4])]).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(() => fromRows([])).toThrow(RangeError);
    expect(() => fromRows([[1, 2], [3]])).toThrow(/expected row 1 to have length 2/);
  });
});

describe("random factories draw from the given Rng, in row-major order", () => {
  it("rand uses random(), randn uses normal()", () => {
    const rng = scripted([0.1, 0.2, 0.3, 0.4]);
    expect(rand([2, 2], rng).toArray()).toEqual([
      [0.1, 0.2],
      [0.3, 0.4],
    ]);
    expect(randn([3], rng).toArray()).toEqual([0.1, 0.2, 0.3]);
    expect(rng.calls).toEqual(["random", "random", "random", "random", "normal", "normal", "normal"]);
  });

  it("uniform maps u to low + (high − low)·u", () => {
    const rng = scripted([0, 0.5, 0.75]);
    expect(uniform([3], -2, 2, rng, { requiresGrad: true }).toArray()).toEqual([-2, 0, 1]);
    expect(() => uniform([1], 0, Infinity, rng)).toThrow(TypeError);
  });

  it("rejects something that is not an Rng", () => {
    expect(() => rand([2], { random: () => 0 } as unknown as Rng)).toThrow(
      /rand: expected rng to be an Rng with random\(\), normal\(\) \(e.g. createRng\(42\)\)/,
    );
  });
});
