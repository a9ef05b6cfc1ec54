import { loadSharedFixture } from "@neurogebra/internal/fixtures";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../test/fixtures/load.js";
import type { PythonRngFixture } from "../test/fixtures/load.js";
import { PythonRandom } from "./python-random.js";

const fixture = loadSharedFixture<PythonRngFixture>("python-rng.json");

interface PythonExtra {
  random: number[];
  getrandbits: Record<string, number[]>;
  randint_1_6: number[];
  randint_0_2pow40: number[];
  shuffle_list_12: number[];
  normalvariate: number[];
  gauss: number[];
  normalvariate_2_3: number[];
  gauss_after_reseed: number[];
}
const extra = loadFixture<{ python: Record<string, PythonExtra> }>("extra-reference.json").python;

/** Seeds as written in the fixture's keys; ones above 2^53 become bigints. */
function seedFromKey(key: string): number | bigint {
  const n = BigInt(key);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

describe("PythonRandom against CPython's random (python-rng.json)", () => {
  for (const [seedText, streams] of Object.entries(fixture.python)) {
    describe(`random.seed(${seedText})`, () => {
      it("gives getrandbits(32)", () => {
        const r = new PythonRandom(seedFromKey(seedText));
        expect(streams.getrandbits_32.map(() => r.getrandbits(32))).toEqual(streams.getrandbits_32);
      });

      it("gives random() exactly", () => {
        const r = new PythonRandom(seedFromKey(seedText));
        expect(streams.random.map(() => r.random())).toEqual(streams.random);
      });

      it("gives uniform(-1.3, 0.7) exactly", () => {
        const r = new PythonRandom(seedFromKey(seedText));
        const expected = streams["uniform_-1.3_0.7"];
        expect(expected.map(() => r.uniform(-1.3, 0.7))).toEqual(expected);
      });
    });
  }

  it("accepts the same seed as a number or a bigint", () => {
    const a = new PythonRandom(1099511627783);
    const b = new PythonRandom(1099511627783n);
    expect([a.random(), a.random()]).toEqual([b.random(), b.random()]);
  });

  it("gives the tutorial's first-layer Xavier init (random.seed(42), uniform(-limit, limit))", () => {
    const { limit, first_8_uniform: expected } = fixture.tutorial_first_layer_init_seed42;
    expect((6 / (2 + 1)) ** 0.5).toBe(limit);
    const r = new PythonRandom(42);
    expect(expected.map(() => r.uniform(-limit, limit))).toEqual(expected);
  });
});

describe("PythonRandom against CPython's random (extra-reference.json)", () => {
  for (const [seedText, e] of Object.entries(extra)) {
    it(`matches random, getrandbits, randint, shuffle, normalvariate and gauss for seed ${seedText}`, () => {
      const r = new PythonRandom(seedFromKey(seedText));
      expect(e.random.map(() => r.random())).toEqual(e.random);
      for (const [k, values] of Object.entries(e.getrandbits)) {
        expect(values.map(() => r.getrandbits(Number(k)))).toEqual(values);
      }
      expect(e.randint_1_6.map(() => r.randint(1, 6))).toEqual(e.randint_1_6);
      expect(e.randint_0_2pow40.map(() => r.randint(0, 2 ** 40))).toEqual(e.randint_0_2pow40);
      const list = Array.from({ length: 12 }, (_, i) => i);
      r.shuffle(list);
      expect(list).toEqual(e.shuffle_list_12);
      expect(e.normalvariate.map(() => r.normalvariate(0, 1))).toEqual(e.normalvariate);
      expect(e.gauss.map(() => r.gauss(0, 1))).toEqual(e.gauss);
      expect(e.normalvariate_2_3.map(() => r.normalvariate(2, 3))).toEqual(e.normalvariate_2_3);
      r.gauss();
      r.seed(seedFromKey(seedText));
      expect(e.gauss_after_reseed.map(() => r.gauss())).toEqual(e.gauss_after_reseed);
    });
  }

  it("normal() is normalvariate() and permutation(n) is a shuffled range(n)", () => {
    const e = extra["42"]!;
    const a = new PythonRandom(42);
    const b = new PythonRandom(42);
    for (let i = 0; i < 20; i++) expect(a.normal()).toBe(b.normalvariate());
    const r = new PythonRandom(42);
    e.random.forEach(() => r.random());
    Object.entries(e.getrandbits).forEach(([k, values]) => values.forEach(() => r.getrandbits(Number(k))));
    e.randint_1_6.forEach(() => r.randint(1, 6));
    e.randint_0_2pow40.forEach(() => r.randint(0, 2 ** 40));
    expect(Array.from(r.permutation(12))).toEqual(e.shuffle_list_12);
  });
});

describe("PythonRandom input checks", () => {
  it("rejects unsafe number seeds and non-numbers", () => {
    expect(() => new PythonRandom(2 ** 60)).toThrow(/pass a bigint for larger seeds/);
    expect(() => new PythonRandom(0.5)).toThrow(RangeError);
    expect(() => new PythonRandom("42" as unknown as number)).toThrow(TypeError);
  });

  it("rejects bad getrandbits, randint and permutation arguments", () => {
    const r = new PythonRandom(0);
    expect(() => r.getrandbits(54)).toThrow(/expected k to be an integer in \[0, 53\], got number 54$/);
    expect(() => r.randint(3, 2)).toThrow(/expected safe integers a <= b, got a 3 and b 2/);
    expect(() => r.permutation(-3)).toThrow(/got number -3$/);
  });

  it("treats a negative seed like its absolute value (CPython seeds abs(n))", () => {
    const a = new PythonRandom(-42);
    const b = new PythonRandom(42);
    expect(a.random()).toBe(b.random());
  });
});
