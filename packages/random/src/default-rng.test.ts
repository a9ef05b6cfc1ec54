import { fallbackRng } from "@neurogebra/internal";
import { loadSharedFixture } from "@neurogebra/internal/fixtures";
import { beforeEach, describe, expect, it } from "vitest";

import { createRng } from "./create-rng.js";
import { defaultRng, manualSeed, setDefaultRng } from "./default-rng.js";
import { NumpyRandomState } from "./numpy-random-state.js";

const SLOT = Symbol.for("@neurogebra/default-rng");
const slot = globalThis as { [SLOT]?: unknown };

function draws(rng: { random(): number; normal(): number }, n = 5): number[] {
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? rng.random() : rng.normal()));
}

describe("the default generator", () => {
  beforeEach(() => {
    delete slot[SLOT];
  });

  it("is not created on import: the slot is empty until something draws or seeds", () => {
    expect(SLOT in globalThis).toBe(false);
  });

  it("manualSeed(seed) makes the default createRng(seed), from the start of its stream", () => {
    manualSeed(42);
    const first = draws(defaultRng());
    expect(first).toEqual(draws(createRng(42)));
    manualSeed(42); // re-seeding starts over, as torch.manual_seed does
    expect(draws(defaultRng())).toEqual(first);
    manualSeed("42"); // a number and its string form are one seed, as for createRng
    expect(draws(defaultRng())).toEqual(first);
    manualSeed(0); // seed 0 is a seed
    expect(draws(defaultRng())).toEqual(draws(createRng(0)));
  });

  it("returns the generator it installed, and defaultRng() keeps returning that one object", () => {
    const rng = manualSeed(7);
    expect(defaultRng()).toBe(rng);
    expect(defaultRng()).toBe(rng);
  });

  it("writes one slot on globalThis under Symbol.for, not enumerable", () => {
    const rng = manualSeed(3);
    expect(slot[SLOT]).toBe(rng);
    expect(Object.keys(globalThis)).not.toContain(String(SLOT));
    expect(Object.getOwnPropertyDescriptor(globalThis, SLOT)?.enumerable).toBe(false);
  });

  it("without a seed, installs a fixed-seed fallback at the first call: the same numbers on every run", () => {
    const a = defaultRng();
    const firstRun = draws(a);
    expect(defaultRng()).toBe(a);
    delete slot[SLOT]; // a fresh process
    expect(draws(defaultRng())).toEqual(firstRun);
  });

  it("without a seed, the fallback is the one every package installs: xoshiro128**, the stream Python computes", () => {
    const { doubles } = loadSharedFixture<{ doubles: number[] }>("default-rng.json");
    const rng = defaultRng();
    expect(Array.from({ length: doubles.length }, () => rng.random())).toEqual(doubles);
    delete slot[SLOT];
    expect(defaultRng().permutation(10)).toEqual(fallbackRng().permutation(10)); // autograd's fallback
  });

  it("setDefaultRng installs any Rng, e.g. NumPy's legacy generator after np.random.seed(42)", () => {
    const np = new NumpyRandomState(42);
    expect(setDefaultRng(np)).toBe(np);
    expect(defaultRng().random()).toBe(0.3745401188473625);
  });

  it("rejects what is not a seed or not an Rng, naming what came", () => {
    expect(() => manualSeed(Number.NaN)).toThrow(
      /^manualSeed: expected seed to be a finite number or a string, got number NaN$/,
    );
    expect(() => manualSeed({} as unknown as number)).toThrow(TypeError);
    expect(() => manualSeed(undefined as unknown as number)).toThrow(/got undefined/);
    expect(() => setDefaultRng({ random: () => 0.5 } as never)).toThrow(
      /^setDefaultRng: expected an Rng \(random, normal, uniform, permutation\), got an object$/,
    );
    expect(SLOT in globalThis).toBe(false); // nothing was installed by the failed calls
  });

  it("refuses a slot that foreign code filled with something else", () => {
    slot[SLOT] = 42;
    expect(() => defaultRng()).toThrow(
      /^defaultRng: expected the default generator .* to be an Rng .*, got number 42; call manualSeed\(seed\) to replace it$/,
    );
    manualSeed(1);
    expect(() => defaultRng()).not.toThrow();
  });
});
