import { createRng } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { circles, gaussianBlobs, generateSpirals, moons, trainTestSplit, xor } from "../src/index.js";

// Regression tests of issue #19 ("no input crashes, hangs or silently lies"), the datasets' part.

describe("reliability #19: dataset options", () => {
  it("an unknown option key is a TypeError naming it (a typo no longer falls back to the default)", () => {
    expect(() => generateSpirals({ points: 3, rng: createRng(1) } as never)).toThrow(
      new TypeError(
        'generateSpirals: unknown option "points" (did you mean "pointsPerClass"?); the options are ' +
          "pointsPerClass, classes, noise, rng",
      ),
    );
    expect(() => moons({ nsamples: 10, rng: createRng(1) } as never)).toThrow(
      'moons: unknown option "nsamples" (did you mean "nSamples"?)',
    );
    expect(() => circles({ nSamples: 10, nosie: 0.1, rng: createRng(1) } as never)).toThrow(
      'circles: unknown option "nosie"; the options are nSamples, noise, rng',
    );
    expect(() => xor({ seed: 1, rng: createRng(1) } as never)).toThrow('xor: unknown option "seed"');
    expect(() => gaussianBlobs({ center: [[0, 0]], rng: createRng(1) } as never)).toThrow(
      'gaussianBlobs: unknown option "center" (did you mean "centers"?)',
    );
    const data = moons({ nSamples: 10, rng: createRng(1) });
    expect(() => trainTestSplit(data, { fraction: 0.5, rng: createRng(1) } as never)).toThrow(
      'trainTestSplit: unknown option "fraction" (did you mean "trainFraction"?)',
    );
  });

  it("the documented options still work, undefined values included", () => {
    expect(
      generateSpirals({ pointsPerClass: 3, classes: 2, noise: undefined, rng: createRng(1) }).nSamples,
    ).toBe(6);
  });

  it("impossible sizes are a named RangeError, not 'Invalid typed array length'", () => {
    const rng = createRng(1);
    expect(() => generateSpirals({ pointsPerClass: 2 ** 31 - 1, classes: 2 ** 31 - 1, rng })).toThrow(
      /^generateSpirals: .* at most 2147483647 numbers/,
    );
    expect(() => generateSpirals({ pointsPerClass: 2 ** 31 - 1, classes: 2 ** 31 - 1, rng })).toThrow(
      RangeError,
    );
    expect(() => moons({ nSamples: 2 ** 31 - 1, rng })).toThrow(/^moons: .* at most 2147483647 numbers/);
    expect(() => circles({ nSamples: 2 ** 31 - 1, rng })).toThrow(/^circles: /);
    expect(() => xor({ nSamples: 2 ** 31 - 1, rng })).toThrow(/^xor: /);
    expect(() => gaussianBlobs({ nSamples: 2 ** 30, centers: [[0, 0, 0]], rng })).toThrow(/^gaussianBlobs: /);
  });
});
