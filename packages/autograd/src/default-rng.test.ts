import { loadSharedFixture } from "@neurogebra/internal/fixtures";
import { beforeEach, describe, expect, it } from "vitest";

import { defaultRng } from "./default-rng.js";
import type { Rng } from "./rng.js";
import { rand, randn, uniform } from "./tensor-factories.js";

const SLOT = Symbol.for("@neurogebra/default-rng");
const slot = globalThis as { [SLOT]?: unknown };

const fixture = loadSharedFixture<{ doubles: number[] }>("default-rng.json");

/** A generator whose every draw is known: random() counts 0.1, 0.2, …; normal() counts -1, -2, …. */
function counting(): Rng {
  let u = 0;
  let z = 0;
  return { random: () => (u += 0.1), normal: () => (z -= 1) };
}

describe("the default generator of rand, randn and uniform", () => {
  beforeEach(() => {
    delete slot[SLOT];
  });

  it("draws from the generator in the shared slot (what manualSeed of @neurogebra/random writes)", () => {
    slot[SLOT] = counting();
    expect(Array.from(randn([3]).data)).toEqual([-1, -2, -3]);
    expect(Array.from(rand([2]).data)).toEqual([0.1, 0.2]);
    expect(Array.from(uniform([1], 10, 20).data)).toEqual([10 + 10 * (0.1 + 0.1 + 0.1)]);
  });

  it("an explicit rng wins over the default, and null means the default (PyTorch's generator=None)", () => {
    slot[SLOT] = counting();
    expect(Array.from(randn([2], counting()).data)).toEqual([-1, -2]);
    expect(Array.from(randn([2], null).data)).toEqual([-1, -2]); // the slot's generator, first use
  });

  it("takes the options in the rng's place: randn([2, 2], { requiresGrad: true })", () => {
    slot[SLOT] = counting();
    const t = randn([2, 2], { requiresGrad: true });
    expect(t.requiresGrad).toBe(true);
    expect(Array.from(t.data)).toEqual([-1, -2, -3, -4]);
    expect(uniform([1], 0, 1, { requiresGrad: true }).requiresGrad).toBe(true);
    expect(rand([1], counting(), { requiresGrad: true }).requiresGrad).toBe(true);
  });

  it("without a seed installs xoshiro128** from a fixed state: the stream Python computes", () => {
    const rng = defaultRng("test");
    expect(slot[SLOT]).toBe(rng);
    const ours = Array.from({ length: fixture.doubles.length }, () => rng.random());
    expect(ours).toEqual(fixture.doubles);
    delete slot[SLOT]; // another run of the program: the same numbers
    expect(Array.from(rand([3]).data)).toEqual(fixture.doubles.slice(0, 3));
  });

  it("the fallback keeps the Rng contract of @neurogebra/random (uniform, permutation) for the other packages", () => {
    const rng = defaultRng("test") as Rng & {
      uniform(low: number, high: number): number;
      permutation(n: number): Int32Array;
    };
    expect(rng.uniform(-2, 2)).toBe(-2 + 4 * fixture.doubles[0]!);
    const p = rng.permutation(50);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(() => rng.permutation(-1)).toThrow(/permutation: expected n to be an integer/);
  });

  it("the fallback's normal() is standard normal: mean and variance of 20 000 draws within 5 standard errors", () => {
    const rng = defaultRng("test");
    const n = 20_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      squares += z * z;
    }
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    // Standard errors: 1/√n for the mean, √(2/n) for the variance of a standard normal.
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it("names the slot when foreign code put something else there", () => {
    slot[SLOT] = { random: 1 };
    expect(() => randn([2])).toThrow(
      /^randn: expected the default generator .* to have random\(\) and normal\(\) methods, got an object/,
    );
  });
});
