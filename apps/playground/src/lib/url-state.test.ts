import { describe, expect, it } from "vitest";

import { TUTORIAL, defaultSettings } from "./settings.js";
import type { Settings } from "./settings.js";
import { parseUrl, toQuery } from "./url-state.js";

describe("URL state", () => {
  it("reads the tutorial preset, with parameters on top of it", () => {
    const state = parseUrl("?preset=tutorial&seed=7&epochs=12&autoplay=1");
    expect(state.settings).toEqual({ ...TUTORIAL, layers: [16, 16], added: [], seed: 7, epochs: 12 });
    expect(state.autoplay).toBe(true);
    expect(state.problems).toEqual([]);
  });

  it("round-trips every setting", () => {
    const settings: Settings = {
      dataset: "blobs",
      points: 37,
      noise: 0.3,
      classes: 5,
      split: 0.7,
      seed: 4294967295,
      rng: "seedrandom",
      layers: [8, 4, 2],
      activation: "leaky-relu",
      engine: "framework",
      optimizer: "adam",
      lr: 0.003,
      batch: 32,
      epochs: 250,
      added: [
        { x: 0.125, y: -1.5, label: 4 },
        { x: 2, y: 0, label: 0 },
      ],
    };
    const back = parseUrl(`?${toQuery(settings, true)}`);
    expect(back.settings).toEqual(settings);
    expect(back.autoplay).toBe(true);
    expect(back.problems).toEqual([]);
    expect(parseUrl(`?${toQuery({ ...settings, layers: [] })}`).settings.layers).toEqual([]);
    expect(toQuery(defaultSettings())).toContain("layers=16,16");
  });

  it("keeps the preset's value and says why for every bad parameter", () => {
    const state = parseUrl(
      "?lr=abc&seed=-1&layers=16,99&engine=gpu&activation=softsign&preset=nope&epochs=&add=1:2&autoplay=yes&batch=2.5",
    );
    expect(state.settings).toEqual(defaultSettings());
    expect(state.problems).toEqual([
      'preset: expected one of tutorial, got "nope"',
      'seed: expected 0 to 4294967295, got "-1" (kept 42)',
      'epochs: expected a number, got "" (kept 30)',
      'lr: expected a number, got "abc" (kept 0.05)',
      'batch: expected a whole number, got "2.5" (kept 16)',
      'engine: expected one of scratch, framework, got "gpu"',
      'activation: expected one of relu, tanh, sigmoid, leaky-relu, got "softsign"',
      'layers: expected 1 to 64 neurons per layer, got 99 in "16,99" (kept 16,16)',
      'add: expected points as x:y:label (label 0 to 4) separated by commas, got "1:2" at position 1 (no points added)',
      'autoplay: expected 1 or 0, got "yes"',
    ]);
  });

  it("accepts other spellings of the leaky ReLU and says that CSV data is not in the URL", () => {
    expect(parseUrl("?activation=leaky_relu").settings.activation).toBe("leaky-relu");
    const csv = parseUrl("?dataset=csv");
    expect(csv.settings.dataset).toBe("spirals");
    expect(csv.problems[0]).toMatch(/imported CSV data is not kept in the URL/);
  });
});
