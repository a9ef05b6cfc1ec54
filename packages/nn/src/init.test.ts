import { Tensor, zeros } from "@neurogebra/autograd";
import { createRng, manualSeed } from "@neurogebra/random";
import type { Rng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../test/fixtures/load.js";
import * as init from "./init.js";
import type { KaimingOptions, Nonlinearity } from "./init.js";

type Draw = { kind: "uniform"; low: number; high: number } | { kind: "normal"; mean: number; std: number };
interface Fixture {
  fans: { shape: number[]; fan_in: number; fan_out: number }[];
  gains: { nonlinearity: Nonlinearity; param: number | null; gain: number }[];
  xavier: { shape: number[]; gain: number; uniform: Draw; normal: Draw }[];
  kaiming: {
    shape: number[];
    options: { a?: number; mode?: "fan_in" | "fan_out"; nonlinearity?: Nonlinearity };
    uniform: Draw;
    normal: Draw;
  }[];
  linear_default_bound: { in: number; weight_high: number; bias_high: number }[];
}
const fixture = loadFixture<Fixture>("torch-init.json");

/**
 * A generator whose draws reveal the parameters they were scaled by: `uniform(low, high)` returns `low`
 * (u = 0) and `normal()` returns 1, so the filled tensor holds `-bound` or `mean + std` exactly.
 */
const probe: Rng = {
  random: () => 0,
  normal: () => 1,
  uniform: (low) => low,
  permutation: (n) => Int32Array.from({ length: n }, (_, i) => i),
};

function first(t: Tensor): number {
  return t.data[0]!;
}

describe("init: what PyTorch computes before drawing, bit for bit", () => {
  it("calculateFanInAndFanOut", () => {
    for (const { shape, fan_in, fan_out } of fixture.fans) {
      expect(init.calculateFanInAndFanOut(zeros(shape))).toEqual({ fanIn: fan_in, fanOut: fan_out });
    }
  });

  it("calculateGain for every nonlinearity and leaky_relu slopes", () => {
    for (const { nonlinearity, param, gain } of fixture.gains) {
      expect([nonlinearity, param, init.calculateGain(nonlinearity, param ?? undefined)]).toEqual([
        nonlinearity,
        param,
        gain,
      ]);
    }
  });

  it("xavierUniform's bound and xavierNormal's std", () => {
    for (const { shape, gain, uniform, normal } of fixture.xavier) {
      expect(first(init.xavierUniform(zeros(shape), { gain, rng: probe }))).toBe(
        (uniform as { low: number }).low,
      );
      expect(first(init.xavierNormal(zeros(shape), { gain, rng: probe }))).toBe(
        (normal as { std: number }).std,
      );
    }
  });

  it("kaimingUniform's bound and kaimingNormal's std for every mode and nonlinearity", () => {
    for (const { shape, options, uniform, normal } of fixture.kaiming) {
      const o: KaimingOptions = { ...options, rng: probe };
      expect(first(init.kaimingUniform(zeros(shape), o))).toBe((uniform as { low: number }).low);
      expect(first(init.kaimingNormal(zeros(shape), o))).toBe((normal as { std: number }).std);
    }
  });

  it("nn.Linear's default weight bound is kaimingUniform with a = √5 (1 ulp below 1/√in at most)", () => {
    for (const { in: n, weight_high } of fixture.linear_default_bound) {
      expect(-first(init.kaimingUniform(zeros([3, n]), { a: Math.sqrt(5), rng: probe }))).toBe(weight_high);
    }
  });
});

describe("init: the draws", () => {
  it("fill row-major from rng.uniform / mean + std·rng.normal", () => {
    const t = init.kaimingUniform(zeros([4, 3]), { rng: createRng(1) });
    const rng = createRng(1);
    const bound = Math.sqrt(3.0) * (Math.sqrt(2.0) / Math.sqrt(3));
    expect(Array.from(t.data)).toEqual(Array.from({ length: 12 }, () => rng.uniform(-bound, bound)));
    const n = init.normal(zeros([5]), 2, 0.5, { rng: createRng(2) });
    const r2 = createRng(2);
    expect(Array.from(n.data)).toEqual(Array.from({ length: 5 }, () => 2 + 0.5 * r2.normal()));
  });

  it("have the distribution's moments: 40 000 draws within 5 standard errors", () => {
    const n = 40_000;
    const moments = (t: Tensor): [number, number] => {
      let s = 0;
      let s2 = 0;
      for (const v of t.data) {
        s += v;
        s2 += v * v;
      }
      return [s / n, s2 / n - (s / n) ** 2];
    };
    // kaiming normal, fan_in 100, relu: std = √2 / 10. Var of the sample variance of a normal: 2σ⁴/n.
    const std = Math.sqrt(2) / 10;
    const [m1, v1] = moments(
      init.kaimingNormal(zeros([400, 100]), { nonlinearity: "relu", rng: createRng("kn") }),
    );
    expect(Math.abs(m1)).toBeLessThan((5 * std) / Math.sqrt(n));
    expect(Math.abs(v1 - std * std)).toBeLessThan(5 * Math.sqrt(2 / n) * std * std);
    // xavier uniform, fans 100 and 400: bound a = √3·√(2/500); U(−a, a) has variance a²/3, and the sample
    // variance's variance is (μ₄ − σ⁴)/n = (a⁴/5 − a⁴/9)/n.
    const a = Math.sqrt(3.0) * Math.sqrt(2.0 / 500);
    const u = init.xavierUniform(zeros([400, 100]), { rng: createRng("xu") });
    const [m2, v2] = moments(u);
    expect(u.data.every((v) => v >= -a && v < a)).toBe(true);
    expect(Math.abs(m2)).toBeLessThan((5 * a) / Math.sqrt(3 * n));
    expect(Math.abs(v2 - (a * a) / 3)).toBeLessThan(5 * Math.sqrt((a ** 4 / 5 - a ** 4 / 9) / n));
  });

  it("draw from the default generator without an rng, and return the tensor they filled", () => {
    manualSeed(11);
    const a = init.xavierUniform(zeros([3, 3]));
    manualSeed(11);
    const b = zeros([3, 3]);
    expect(init.xavierUniform(b)).toBe(b);
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
  });
});

describe("init: the deterministic fills", () => {
  it("constant, ones, zeros, eye", () => {
    expect(init.constant(zeros([2]), 0.5).toArray()).toEqual([0.5, 0.5]);
    expect(init.ones(zeros([2])).toArray()).toEqual([1, 1]);
    expect(init.zeros(init.ones(zeros([2]))).toArray()).toEqual([0, 0]);
    expect(init.eye(zeros([2, 3])).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });

  it("change a parameter's values in place without recording a graph", () => {
    const w = zeros([2, 2], { requiresGrad: true });
    init.ones(w);
    expect(w.requiresGrad).toBe(true);
    expect(w.grad).toBeNull();
  });
});

describe("init: errors", () => {
  it("name the function, the argument and what came", () => {
    expect(() => init.kaimingUniform(zeros([3]))).toThrow(
      new RangeError(
        "kaimingUniform: expected a tensor of at least 2 dimensions to compute fan in and fan out, got shape (3)",
      ),
    );
    expect(init.kaimingUniform(zeros([0, 3]))).toBeInstanceOf(Tensor); // PyTorch: a no-op on no elements
    expect(() => init.calculateGain("gelu" as Nonlinearity)).toThrow(
      /calculateGain: expected a nonlinearity of linear, .* got the string "gelu"/,
    );
    expect(() => init.kaimingNormal(zeros([2, 2]), { mode: "fanIn" as "fan_in" })).toThrow(
      /mode to be "fan_in" or "fan_out", got the string "fanIn"/,
    );
    expect(() => init.xavierUniform([[1, 2]] as unknown as Tensor)).toThrow(
      /expected tensor to be a Tensor, got an array \[\[1,2\]\]/,
    );
    expect(() => init.eye(zeros([2, 2, 2]))).toThrow(
      /eye: expected a tensor of 2 dimensions, got shape \(2, 2, 2\)/,
    );
    expect(() => init.uniform(zeros([2]), 0, "1" as unknown as number)).toThrow(
      /expected high to be a finite number, got the string "1"/,
    );
    expect(() => init.normal(zeros([2]), 0, 1, { rng: Math as never })).toThrow(
      /expected options.rng to be an Rng/,
    );
  });
});
