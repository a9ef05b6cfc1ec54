import { createRng } from "@neurogebra/random";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ScriptedRng } from "../test/fixtures/scripted-rng.js";
import { circles } from "./circles.js";

describe("circles", () => {
  it("follows TensorFlow Playground's recipe draw by draw", () => {
    // One inner and one outer point: radius, angle, noise x, noise y each.
    const rng = new ScriptedRng([0.96, 0, 0.5, 0.95, 0.5, 0.25, 0.5, 0.5]);
    const ds = circles({ nSamples: 2, noise: 0.5, rng });
    expect(rng.calls).toEqual(Array(8).fill("uniform"));
    // Inner: r = 2.5 · 0.96 = 2.4 at angle 0 → (0, 2.4); noise (0, 4.5 · 0.5) moves the label point out.
    expect([ds.X[0], ds.X[1]]).toEqual([0, 2.4]);
    expect(ds.y[0]).toBe(0);
    // Outer: r = 3.5 + 1.5 · 0.5 = 4.25 at angle π/2 → (4.25, ~0); no noise → outside → class 0.
    expect(ds.X[2]).toBe(4.25);
    expect(Math.abs(ds.X[3]!)).toBeLessThan(1e-15);
    expect(ds.y[1]).toBe(0);
  });

  it("without noise labels the inner disc 1 and the outer ring 0, half and half", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 999 }), (n, seed) => {
        const ds = circles({ nSamples: n, rng: createRng(seed) });
        for (let i = 0; i < n; i++) {
          const radius = Math.hypot(ds.X[2 * i]!, ds.X[2 * i + 1]!);
          const inner = i < Math.floor(n / 2);
          if (
            inner
              ? !(radius <= 2.5 && ds.y[i] === 1)
              : !(radius >= 3.5 - 1e-12 && radius <= 5 && ds.y[i] === 0)
          ) {
            return false;
          }
        }
        return ds.nClasses === 2 && ds.nFeatures === 2;
      }),
      { numRuns: 50 },
    );
  });

  it("repeats for the same seed", () => {
    const a = circles({ noise: 0.3, rng: createRng(9) });
    const b = circles({ noise: 0.3, rng: createRng(9) });
    expect(Array.from(a.X)).toEqual(Array.from(b.X));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
  });

  it("rejects bad options with a RangeError naming the option and the value", () => {
    const rng = createRng(0);
    expect(() => circles({ nSamples: -3, rng })).toThrow(
      /circles: expected option "nSamples" to be an integer >= 1, got number -3$/,
    );
    expect(() => circles({ noise: -0.5, rng })).toThrow(
      /circles: expected option "noise" .* got number -0.5$/,
    );
    expect(() => circles({ noise: Infinity, rng })).toThrow(RangeError);
  });
});
