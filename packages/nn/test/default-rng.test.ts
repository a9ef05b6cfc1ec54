// The default generator across packages and builds: manualSeed (@neurogebra/random) seeds what
// @neurogebra/nn and @neurogebra/autograd draw when given no rng, even from the other (CommonJS) build.
import { createRequire } from "node:module";

import { ones, randn } from "@neurogebra/autograd";
import type * as Autograd from "@neurogebra/autograd";
import { createRng, defaultRng, manualSeed } from "@neurogebra/random";
import type * as Random from "@neurogebra/random";
import { beforeEach, describe, expect, it } from "vitest";

import { Dropout, Linear, NeuralNetwork, Neuron, Sequential, ReLU, init } from "../src/index.js";

const require = createRequire(import.meta.url);
const cjsRandom = require("@neurogebra/random") as typeof Random;
const cjsAutograd = require("@neurogebra/autograd") as typeof Autograd;
const SLOT = Symbol.for("@neurogebra/default-rng");

function weights(model: { parameters(): { data: Float64Array | number }[] }): number[] {
  return model.parameters().flatMap((p) => (typeof p.data === "number" ? [p.data] : Array.from(p.data)));
}

describe("the default generator", () => {
  beforeEach(() => {
    delete (globalThis as { [SLOT]?: unknown })[SLOT];
  });

  it("after manualSeed(seed), new Linear(2, 16) is new Linear(2, 16, { rng: createRng(seed) })", () => {
    manualSeed(0);
    const implicit = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 3));
    const rng = createRng(0);
    const explicit = new Sequential(new Linear(2, 16, { rng }), new ReLU(), new Linear(16, 3, { rng }));
    expect(weights(implicit)).toEqual(weights(explicit));
  });

  it("an explicit rng wins, and does not move the default", () => {
    manualSeed(1);
    const a = new Linear(2, 2, { rng: createRng(99) });
    expect(weights(a)).toEqual(weights(new Linear(2, 2, { rng: createRng(99) })));
    expect(weights(new Linear(2, 2))).toEqual(weights(new Linear(2, 2, { rng: createRng(1) })));
  });

  it("randn([3, 2]) of @neurogebra/autograd (no dependencies) draws from the same generator", () => {
    manualSeed(5);
    const x = randn([3, 2]);
    expect(Array.from(x.data)).toEqual(Array.from(randn([3, 2], createRng(5)).data));
    // one stream: a Linear made next continues it
    manualSeed(5);
    randn([3, 2]);
    const after = new Linear(2, 2);
    const rng = createRng(5);
    randn([3, 2], rng);
    expect(weights(after)).toEqual(weights(new Linear(2, 2, { rng })));
  });

  it("is shared by the ESM and the CommonJS builds of every package", () => {
    expect(cjsRandom.manualSeed).not.toBe(manualSeed); // really two copies
    cjsRandom.manualSeed(7);
    const esm = Array.from(randn([4]).data);
    cjsRandom.manualSeed(7);
    const cjs = Array.from(cjsAutograd.randn([4]).data);
    expect(esm).toEqual(cjs);
    expect(esm).toEqual(Array.from(randn([4], createRng(7)).data));
    cjsRandom.manualSeed(8);
    expect(weights(new Linear(3, 1))).toEqual(weights(new Linear(3, 1, { rng: createRng(8) })));
  });

  it("the from-scratch classes, Dropout and init draw from it too", () => {
    manualSeed(2);
    const net = new NeuralNetwork([2, 3, 2]);
    expect(weights(net)).toEqual(weights(new NeuralNetwork([2, 3, 2], { rng: createRng(2) })));
    manualSeed(2);
    expect(weights({ parameters: () => new Neuron(3).parameters() })).toEqual(
      weights({ parameters: () => new Neuron(3, { rng: createRng(2) }).parameters() }),
    );
    manualSeed(2);
    const mask = Array.from(new Dropout(0.5).forward(ones([8])).data);
    expect(mask).toEqual(Array.from(new Dropout(0.5, { rng: createRng(2) }).forward(ones([8])).data));
    manualSeed(2);
    const w = init.kaimingNormal(randn([2, 2], createRng(0)));
    expect(Array.from(w.data)).toEqual(
      Array.from(init.kaimingNormal(randn([2, 2], createRng(0)), { rng: createRng(2) }).data),
    );
  });

  it("unseeded, whichever package draws first installs one fallback that the others continue", () => {
    const x = randn([2]); // autograd's fallback (xoshiro128**), installed in the shared slot
    const fallback = (globalThis as { [SLOT]?: unknown })[SLOT];
    expect(fallback).toBeDefined();
    const layer = new Linear(2, 2); // nn reads the same slot: no second generator
    expect((globalThis as { [SLOT]?: unknown })[SLOT]).toBe(fallback);
    delete (globalThis as { [SLOT]?: unknown })[SLOT]; // a new run of the same program
    expect(Array.from(randn([2]).data)).toEqual(Array.from(x.data));
    expect(weights(new Linear(2, 2))).toEqual(weights(layer));
  });

  it("unseeded, the fallback stream does not depend on which package installs it", () => {
    const slot = globalThis as { [SLOT]?: unknown };
    delete slot[SLOT];
    const autogradFirst = Array.from(randn([4]).data); // autograd installs the fallback
    delete slot[SLOT];
    defaultRng(); // @neurogebra/random installs it
    expect(Array.from(randn([4]).data)).toEqual(autogradFirst);
    delete slot[SLOT];
    const randomFirst = weights(new Linear(2, 2)); // nn draws through random's defaultRng
    delete slot[SLOT];
    randn([0]); // autograd installs it, draws nothing
    expect(weights(new Linear(2, 2))).toEqual(randomFirst);
  });
});
