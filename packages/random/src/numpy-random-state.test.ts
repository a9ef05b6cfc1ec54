import { loadSharedFixture } from "@neurogebra/internal/fixtures";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../test/fixtures/load.js";
import type { PythonRngFixture } from "../test/fixtures/load.js";
import { NumpyRandomState } from "./numpy-random-state.js";

const fixture = loadSharedFixture<PythonRngFixture>("python-rng.json");

interface NumpyExtra {
  randint_0_10: number[];
  "randint_-5_1000003": number[];
  randint_0_2pow32: number[];
  "randint_0_2pow40+3": number[];
  randint_7: number[];
  "uniform_-2_3": number[];
  "normal_1.5_0.25": number[];
  shuffle_list_12: number[];
  permutation_1: number[];
  permutation_70000_head: number[];
  after_random_sample: number[];
}
const extra = loadFixture<{ numpy: Record<string, unknown> }>("extra-reference.json").numpy;

describe("NumpyRandomState against NumPy's RandomState (python-rng.json)", () => {
  for (const [seedText, streams] of Object.entries(fixture.numpy)) {
    const seed = Number(seedText);
    describe(`np.random.seed(${seedText})`, () => {
      it("gives the raw MT19937 words", () => {
        const rs = new NumpyRandomState(seed);
        expect(streams.uint32.map(() => rs.nextUint32())).toEqual(streams.uint32);
      });

      it("gives random_sample exactly", () => {
        const rs = new NumpyRandomState(seed);
        expect(streams.random_sample.map(() => rs.randomSample())).toEqual(streams.random_sample);
        const viaRng = new NumpyRandomState(seed);
        expect(streams.random_sample.map(() => viaRng.random())).toEqual(streams.random_sample);
      });

      it("gives randn(9) exactly, one draw at a time or as an array", () => {
        const rs = new NumpyRandomState(seed);
        expect(Array.from(rs.randn(streams.randn.length))).toEqual(streams.randn);
        const single = new NumpyRandomState(seed);
        expect(streams.randn.map(() => single.randn())).toEqual(streams.randn);
        const viaRng = new NumpyRandomState(seed);
        expect(streams.randn.map(() => viaRng.normal())).toEqual(streams.randn);
      });

      it("gives permutation(10) and permutation(240)", () => {
        expect(Array.from(new NumpyRandomState(seed).permutation(10))).toEqual(streams.permutation_10);
        expect(Array.from(new NumpyRandomState(seed).permutation(240))).toEqual(streams.permutation_240);
      });

      it("keeps the cached Gaussian across a permutation (randn 3, permutation 5, randn 2)", () => {
        const rs = new NumpyRandomState(seed);
        expect(Array.from(rs.randn(3))).toEqual(streams.mixed.randn3);
        expect(Array.from(rs.permutation(5))).toEqual(streams.mixed.then_perm5);
        expect(Array.from(rs.randn(2))).toEqual(streams.mixed.then_randn2);
      });
    });
  }

  it("reseeding forgets the cached Gaussian", () => {
    const rs = new NumpyRandomState(0);
    rs.randn(); // leaves the pair's second value cached
    rs.seed(42);
    expect(rs.randn()).toBe(fixture.numpy["42"]!.randn[0]);
  });

  it("gives the tutorial's split permutation after the spiral draws", () => {
    const rs = new NumpyRandomState(42);
    rs.randn(300); // generate_spirals: three randn(100)
    const t = fixture.tutorial_spirals_seed42;
    expect(Array.from(rs.permutation(300))).toEqual(t.split_permutation);
    expect(Array.from(rs.permutation(240))).toEqual(t.next_permutation_240);
  });
});

describe("NumpyRandomState against NumPy's RandomState (extra-reference.json)", () => {
  for (const seed of [0, 7, 42, 2 ** 32 - 1]) {
    it(`matches randint, uniform, normal, shuffle and permutation for seed ${seed}`, () => {
      const e = extra[String(seed)] as NumpyExtra;
      const rs = new NumpyRandomState(seed);
      expect(e.randint_0_10.map(() => rs.randint(0, 10))).toEqual(e.randint_0_10);
      expect(e["randint_-5_1000003"].map(() => rs.randint(-5, 1000003))).toEqual(e["randint_-5_1000003"]);
      expect(e.randint_0_2pow32.map(() => rs.randint(0, 2 ** 32))).toEqual(e.randint_0_2pow32);
      expect(e["randint_0_2pow40+3"].map(() => rs.randint(0, 2 ** 40 + 3))).toEqual(e["randint_0_2pow40+3"]);
      expect(e.randint_7.map(() => rs.randint(7))).toEqual(e.randint_7);
      expect(e["uniform_-2_3"].map(() => rs.uniform(-2, 3))).toEqual(e["uniform_-2_3"]);
      expect(e["normal_1.5_0.25"].map(() => rs.normal(1.5, 0.25))).toEqual(e["normal_1.5_0.25"]);
      const list = Array.from({ length: 12 }, (_, i) => i);
      rs.shuffle(list);
      expect(list).toEqual(e.shuffle_list_12);
      expect(Array.from(rs.permutation(1))).toEqual(e.permutation_1);
      expect(Array.from(rs.permutation(70000).subarray(0, 16))).toEqual(e.permutation_70000_head);
      expect(e.after_random_sample.map(() => rs.randomSample())).toEqual(e.after_random_sample);
    });
  }

  it("seeds from an array with init_by_array", () => {
    const e = extra.array_1_2_3 as { uint32: number[] };
    const rs = new NumpyRandomState([1, 2, 3]);
    expect(e.uint32.map(() => rs.nextUint32())).toEqual(e.uint32);
  });

  it("gives 2000 consecutive randn draws exactly (seed 123)", () => {
    const expected = extra["123_randn_2000"] as number[];
    expect(Array.from(new NumpyRandomState(123).randn(2000))).toEqual(expected);
  });
});

describe("NumpyRandomState input checks", () => {
  it("rejects seeds NumPy rejects", () => {
    expect(() => new NumpyRandomState(-1)).toThrow(
      /expected seed to be an integer in \[0, 2\^32 - 1\], got number -1$/,
    );
    expect(() => new NumpyRandomState(2 ** 32)).toThrow(RangeError);
    expect(() => new NumpyRandomState(1.5)).toThrow(RangeError);
    expect(() => new NumpyRandomState([])).toThrow(/expected a non-empty seed array, got an empty array/);
    expect(() => new NumpyRandomState([1, -2])).toThrow(/seed\[1\].*got number -2$/);
    expect(() => new NumpyRandomState("42" as unknown as number)).toThrow(TypeError);
  });

  it("rejects bad sizes and ranges with the argument and value in the message", () => {
    const rs = new NumpyRandomState(0);
    expect(() => rs.permutation(-1)).toThrow(/permutation: expected n to be .*, got number -1$/);
    expect(() => rs.randn(2.5)).toThrow(/randn: expected n to be .*, got number 2.5$/);
    expect(() => rs.randint(5, 5)).toThrow(/expected low to be < high, got low 5 and high 5/);
    expect(() => rs.randint(0, 2 ** 60)).toThrow(RangeError);
    expect(() => rs.uniform(0, Infinity)).toThrow(RangeError);
    expect(() => rs.normal(0, -1)).toThrow(/expected scale to be a finite number >= 0, got number -1$/);
  });

  it("does not draw when the result is forced", () => {
    const a = new NumpyRandomState(3);
    const b = new NumpyRandomState(3);
    expect(a.randint(4, 5)).toBe(4);
    expect(Array.from(a.permutation(1))).toEqual([0]);
    expect(a.nextUint32()).toBe(b.nextUint32());
  });
});
