import { NumpyRandomState, createRng } from "@neurogebra/random";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../test/fixtures/load.js";
import type { NumpyReference } from "../test/fixtures/load.js";
import { moons } from "./moons.js";

const reference = loadFixture<NumpyReference>("numpy-reference.json").moons;

describe("moons", () => {
  for (const { seed, nSamples, noise, X, y } of reference) {
    it(`equals scikit-learn's make_moons(${nSamples}, shuffle=False, noise=${noise}, random_state=${seed}) exactly`, () => {
      const ds = moons({ nSamples, noise, rng: new NumpyRandomState(seed) });
      expect(Array.from(ds.X)).toEqual(X.flat());
      expect(Array.from(ds.y)).toEqual(y);
    });
  }

  it("without noise puts class 0 on the upper unit half circle and class 1 on the lower one, shifted", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 99 }), (n, seed) => {
        const ds = moons({ nSamples: n, noise: 0, rng: createRng(seed) });
        for (let i = 0; i < n; i++) {
          const [a, b] = [ds.X[2 * i]!, ds.X[2 * i + 1]!];
          const upper = ds.y[i] === 0;
          const radius = upper ? Math.hypot(a, b) : Math.hypot(1 - a, 0.5 - b);
          if (Math.abs(radius - 1) > 1e-12 || (upper ? b < -1e-15 : b > 0.5 + 1e-15)) return false;
        }
        return ds.y.filter((label) => label === 0).length === Math.floor(n / 2);
      }),
      { numRuns: 50 },
    );
  });

  it("rejects bad options with a RangeError naming the option and the value", () => {
    const rng = createRng(0);
    expect(() => moons({ nSamples: 0, rng })).toThrow(
      /moons: expected option "nSamples" to be an integer >= 1, got number 0$/,
    );
    expect(() => moons({ noise: -1, rng })).toThrow(
      /moons: expected option "noise" to be a finite number >= 0, got number -1$/,
    );
    expect(() => moons({ noise: NaN, rng })).toThrow(RangeError);
    expect(() => moons({ rng: null as never })).toThrow(TypeError);
  });
});
