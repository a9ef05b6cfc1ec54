import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { numpyMean, numpyStd, numpySum } from "./numpy-stats.js";

interface Case {
  x: number[];
  sum: number;
  mean: number;
  std: number;
}
const { cases } = JSON.parse(
  readFileSync(new URL("../test/fixtures/numpy-stats.json", import.meta.url), "utf8"),
) as { cases: Case[] };

describe("NumPy's pairwise statistics", () => {
  it("reproduce np.sum, np.mean and np.std bit for bit (lengths 1 … 1000, mixed magnitudes)", () => {
    for (const c of cases) {
      expect([c.x.length, numpySum(c.x), numpyMean(c.x), numpyStd(c.x)]).toEqual([
        c.x.length,
        c.sum,
        c.mean,
        c.std,
      ]);
    }
  });

  it("differ from naive left-to-right summation on some of those vectors (the order matters)", () => {
    const naive = (x: number[]): number => x.reduce((a, b) => a + b, 0);
    expect(cases.filter((c) => naive(c.x) !== c.sum).length).toBeGreaterThan(0);
  });
});
