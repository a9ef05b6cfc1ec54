import { afterEach, describe, expect, it } from "vitest";

import { loadSharedFixture } from "../fixtures/read-fixture.js";
import { DEFAULT_RNG_SLOT, currentDefaultRng, fallbackRng, installDefaultRng } from "./default-rng-slot.js";

const slot = globalThis as { [DEFAULT_RNG_SLOT]?: unknown };
const { doubles } = loadSharedFixture<{ doubles: number[] }>("default-rng.json");

describe("the default-generator slot", () => {
  afterEach(() => {
    delete slot[DEFAULT_RNG_SLOT];
  });

  it("is the registered symbol every package uses, and nothing is installed on import", () => {
    expect(DEFAULT_RNG_SLOT).toBe(Symbol.for("@neurogebra/default-rng"));
    expect(DEFAULT_RNG_SLOT in globalThis).toBe(false);
  });

  it("installs the fallback at the first read: xoshiro128**, the stream Python computes", () => {
    const rng = currentDefaultRng() as ReturnType<typeof fallbackRng>;
    expect(slot[DEFAULT_RNG_SLOT]).toBe(rng);
    expect(Array.from({ length: doubles.length }, () => rng.random())).toEqual(doubles);
    expect(currentDefaultRng()).toBe(rng); // installed once
    expect(Object.getOwnPropertyDescriptor(globalThis, DEFAULT_RNG_SLOT)?.enumerable).toBe(false);
  });

  it("returns what was installed, checked by the caller", () => {
    const mine = { random: () => 0.5 };
    expect(installDefaultRng(mine)).toBe(mine);
    expect(currentDefaultRng()).toBe(mine);
  });

  it("gives a fresh fallback stream on every fallbackRng() call, with random's Rng methods", () => {
    const a = fallbackRng();
    expect(a.uniform(-2, 2)).toBe(-2 + 4 * doubles[0]!);
    const p = fallbackRng().permutation(20);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(() => a.permutation(1.5)).toThrow(
      new RangeError("permutation: expected n to be an integer in [0, 2^31 - 1], got number 1.5"),
    );
  });
});
