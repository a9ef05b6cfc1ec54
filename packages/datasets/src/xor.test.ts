import { createRng } from "@neurogebra/random";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ScriptedRng } from "../test/fixtures/scripted-rng.js";
import { xor } from "./xor.js";

describe("xor", () => {
  it("follows TensorFlow Playground's recipe draw by draw", () => {
    // x0 = −5 + 10 · 0.75 = 2.5 → 2.8; x1 = −5 + 10 · 0.4 = −1 → −1.3; noise x = 0, noise y = 5 · 0.5.
    const rng = new ScriptedRng([0.75, 0.4, 0.5, 1, 0.75, 0.4, 0.5, 0.5]);
    const ds = xor({ nSamples: 2, noise: 0.5, rng });
    expect(rng.calls).toEqual(Array(8).fill("uniform"));
    expect([ds.X[0], ds.X[1]]).toEqual([2.8, -1.3]);
    // Label point (2.8, −1.3 + 2.5): same-sign quadrant → class 1; without noise (second point) → class 0.
    expect(Array.from(ds.y)).toEqual([1, 0]);
  });

  it("without noise keeps points 0.3 away from the axes and labels same-sign quadrants 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 999 }), (n, seed) => {
        const ds = xor({ nSamples: n, rng: createRng(seed) });
        for (let i = 0; i < n; i++) {
          const [a, b] = [ds.X[2 * i]!, ds.X[2 * i + 1]!];
          if (Math.abs(a) < 0.3 || Math.abs(b) < 0.3 || Math.abs(a) > 5.3 || Math.abs(b) > 5.3) return false;
          if (ds.y[i] !== (a * b >= 0 ? 1 : 0)) return false;
        }
        return true;
      }),
      { numRuns: 50 },
    );
  });

  it("rejects bad options with a RangeError naming the option and the value", () => {
    const rng = createRng(0);
    expect(() => xor({ nSamples: 2.5, rng })).toThrow(
      /xor: expected option "nSamples" to be an integer >= 1, got number 2.5$/,
    );
    expect(() => xor({ noise: NaN, rng })).toThrow(/xor: expected option "noise" .* got number NaN$/);
  });
});
