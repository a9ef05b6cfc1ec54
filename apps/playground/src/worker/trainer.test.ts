import { readFileSync } from "node:fs";

import { Value, dot } from "@neurogebra/autograd";
import { describe, expect, it } from "vitest";

import { defaultSettings } from "../lib/settings.js";
import type { Settings } from "../lib/settings.js";
import { Trainer } from "./trainer.js";

const python = JSON.parse(
  readFileSync(new URL("../../test/fixtures/python-run-seed42.json", import.meta.url), "utf8"),
) as {
  epochLines: string[];
  testAccuracyLine: string;
};

function run(patch: Partial<Settings>): { trainer: Trainer; lines: string[] } {
  const trainer = new Trainer({ settings: { ...defaultSettings(), ...patch }, imported: null });
  const lines: string[] = [];
  while (!trainer.done) {
    trainer.trainEpoch();
    for (const r of trainer.snapshot(false).records) if (r.line !== null) lines.push(r.line);
  }
  return { trainer, lines };
}

describe("Trainer", () => {
  it("prints the Python tutorial's epoch lines and test accuracy with the tutorial's settings (seed 42)", () => {
    const { trainer, lines } = run({});
    expect(lines).toEqual(python.epochLines);
    expect(`Neurogebra Test Accuracy: ${trainer.snapshot(false).testAccuracyText}`).toBe(
      python.testAccuracyLine,
    );
    expect(trainer.info.train.y.length).toBe(240);
    expect(trainer.info.sizes).toEqual([2, 16, 16, 3]);
  });

  it("gives the same run for the same settings, in either engine and with either generator", () => {
    for (const patch of [
      { engine: "framework", optimizer: "adam", lr: 0.01, epochs: 4 },
      { rng: "seedrandom", dataset: "moons", activation: "leaky-relu", layers: [5], epochs: 3 },
      { engine: "framework", dataset: "blobs", classes: 4, activation: "tanh", epochs: 3 },
    ] as Partial<Settings>[]) {
      const a = run(patch);
      const b = run(patch);
      expect(a.lines).toEqual(b.lines);
      expect(a.trainer.snapshot(false).weights).toEqual(b.trainer.snapshot(false).weights);
    }
  });

  it("trains the framework engine with Adam to ≥ 95 % training accuracy on the spirals", () => {
    const { trainer } = run({ engine: "framework", optimizer: "adam", lr: 0.01, epochs: 300 });
    const accuracy = Number.parseFloat(trainer.snapshot(false).trainAccuracyText);
    expect(accuracy).toBeGreaterThanOrEqual(95);
  });

  it("adds clicked points to the training set and moves a state dict between the engines", () => {
    const added = [
      { x: 0.25, y: -0.5, label: 1 },
      { x: -1, y: 1, label: 2 },
    ];
    const { trainer } = run({ epochs: 3, added });
    expect(trainer.info.train.y.length).toBe(242);
    expect(Array.from(trainer.info.train.X.slice(-4))).toEqual([0.25, -0.5, -1, 1]);
    const framework = new Trainer({
      settings: { ...defaultSettings(), engine: "framework", added },
      imported: null,
    });
    framework.importModel(trainer.exportModel());
    expect(framework.testPredictions()).toEqual(trainer.testPredictions());
    expect(() => framework.importModel("{")).toThrow(/model file: not JSON/);
    const other = new Trainer({ settings: { ...defaultSettings(), layers: [4] }, imported: null });
    expect(() => other.importModel(trainer.exportModel())).toThrow(
      /its network is 2 → 16 → 16 → 3, this one is 2 → 4 → 3/,
    );
  });

  it("inspect() gives a neuron's graph with micrograd's * and + chain and its gradients", () => {
    const { trainer } = run({ epochs: 2 });
    const view = trainer.inspect(1, 3, [0.5, -0.25]);
    const w = view.weights.map((v) => new Value(v));
    const x = [new Value(0.5), new Value(-0.25)];
    const a = dot(w, x, new Value(view.bias)).relu();
    a.backward();
    expect(view.a).toBe(a.data);
    expect(view.weightGrads).toEqual(w.map((v) => v.grad));
    expect(view.mermaid.match(/\(\("\*"\)\)/g)).toHaveLength(2);
    expect(view.mermaid.match(/\(\("\+"\)\)/g)).toHaveLength(2);
    expect(view.mermaid).not.toContain('(("dot"))');
    const deep = trainer.inspect(2, 0, null);
    expect(deep.inputs).toHaveLength(16);
    expect(deep.z).toBeGreaterThan(0); // the automatic point is one where the neuron is active
    expect(() => trainer.inspect(4, 0, null)).toThrow(RangeError);
  });
});
