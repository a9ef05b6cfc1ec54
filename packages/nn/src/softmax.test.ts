import { Tensor } from "@neurogebra/autograd";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../test/fixtures/load.js";
import { maxRelativeError, numericGradient } from "../test/finite-differences.js";
import { LeakyReLU } from "./activations.js";
import type { Module } from "./module.js";
import { LogSoftmax, Softmax } from "./softmax.js";

interface Case {
  repr: string;
  x: number[];
  shape: number[];
  g: number[];
  out: number[];
  grad: number[];
}
const fixture = loadFixture<{ softmax: Case[]; leaky_relu: Case[] }>("torch-modules.json");

/** The module PyTorch's representation names: `Softmax(dim=1)`, `LeakyReLU(negative_slope=0.2)`. */
function fromRepr(repr: string): Module {
  const [, name, arg] = /^(\w+)\((?:dim|negative_slope)=(-?[\d.e-]+)\)$/.exec(repr)!;
  if (name === "Softmax") return new Softmax(Number(arg));
  if (name === "LogSoftmax") return new LogSoftmax(Number(arg));
  return new LeakyReLU(Number(arg));
}

describe.each([...fixture.softmax, ...fixture.leaky_relu])("$repr against PyTorch", (c) => {
  it("has PyTorch's representation, outputs and gradients; gradients equal finite differences", () => {
    const module = fromRepr(c.repr);
    expect(String(module)).toBe(c.repr);
    const x = new Tensor(Float64Array.from(c.x), c.shape, { requiresGrad: true });
    const g = new Tensor(Float64Array.from(c.g), c.shape);
    const y = module.forward(x);
    y.mul(g).sum().backward();
    // exp/log are rounded differently by V8 and glibc (1 ulp), so a few ulps, not bit for bit.
    expect(maxRelativeError(y.data, c.out)).toBeLessThan(1e-15);
    expect(maxRelativeError(x.grad!.data, c.grad)).toBeLessThan(1e-15);
    if (!c.repr.startsWith("LeakyReLU")) {
      const numeric = numericGradient(() => module.forward(x).mul(g).sum().item(), x.data);
      expect(maxRelativeError(x.grad!.data, numeric)).toBeLessThan(1e-8);
    }
  });
});

describe("Softmax and LogSoftmax modules", () => {
  it("default to the last dimension and check dim", () => {
    expect(new Softmax().dim).toBe(-1);
    expect(String(new LogSoftmax())).toBe("LogSoftmax(dim=-1)");
    expect(() => new Softmax(1.5)).toThrow(
      new TypeError("Softmax: expected dim to be an integer, got number 1.5"),
    );
    expect(() => new Softmax(2).forward(new Tensor(new Float64Array(4), [2, 2]))).toThrow(
      /axis 2 is out of range/,
    );
  });
});
