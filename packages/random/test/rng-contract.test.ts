import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { NumpyRandomState, PythonRandom, createRng } from "../src/index.js";
import type { Rng } from "../src/index.js";

const generators: [string, (seed: number) => Rng][] = [
  ["createRng", (seed) => createRng(seed)],
  ["NumpyRandomState", (seed) => new NumpyRandomState(seed)],
  ["PythonRandom", (seed) => new PythonRandom(seed)],
];

const seed = fc.integer({ min: 0, max: 0xffffffff });

describe.each(generators)("%s keeps the Rng contract", (_name, make) => {
  it("random() lies in [0, 1) and repeats for the same seed", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const a = make(s);
        const b = make(s);
        for (let i = 0; i < 50; i++) {
          const u = a.random();
          if (!(u >= 0 && u < 1) || u !== b.random()) return false;
        }
        return true;
      }),
      { numRuns: 50 },
    );
  });

  it("uniform(low, high) is low + (high - low) * random() on the same stream", () => {
    fc.assert(
      fc.property(
        seed,
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (s, low, width) => {
          const high = low + width;
          const u = make(s).random();
          return make(s).uniform(low, high) === low + (high - low) * u;
        },
      ),
      { numRuns: 100 },
    );
  });

  it("permutation(n) holds every index in 0 … n-1 exactly once", () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 0, max: 300 }), (s, n) => {
        const p = make(s).permutation(n);
        const sorted = Array.from(p).sort((x, y) => x - y);
        return p.length === n && sorted.every((v, i) => v === i);
      }),
      { numRuns: 100 },
    );
  });

  it("normal() has mean 0 and variance 1 (20000 draws, 5-sigma bounds)", () => {
    const rng = make(2024);
    const n = 20000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    // Standard errors: 1/sqrt(n) for the mean, sqrt(2/n) for the variance.
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it("permutation puts each index at position 0 equally often (chi-square, 6000 draws of n = 6)", () => {
    const rng = make(7);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[rng.permutation(6)[0]!]! += 1;
    const chi2 = counts.reduce((acc, c) => acc + (c - 1000) ** 2 / 1000, 0);
    expect(chi2).toBeLessThan(20.5); // p = 0.001 for 5 degrees of freedom
  });
});
