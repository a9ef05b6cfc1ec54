import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { fromSafetensors } from "@neurogebra/interop";

import { runSteps, stepContext } from "../../test/step-context.js";
import { exportStage } from "./export-the-network.js";
import { datasetStep } from "./step-1-dataset.js";
import { bothNetworksStep } from "./step-2-both-networks.js";
import { runStep } from "./tutorial-step.js";

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe("Export: carry the network on", () => {
  it("writes the from-scratch network's own weights under PyTorch's names, and nothing with --no-export", async () => {
    dir = mkdtempSync(join(tmpdir(), "spiral-export-"));
    const { context, lines } = stepContext({ epochs: 7 }, dir);
    await runSteps(context, [datasetStep, bothNetworksStep]);
    await runStep(exportStage, context);

    expect(context.results.export!.files).toEqual(["model.safetensors", "model.onnx", "train_more.py"]);
    expect(readdirSync(dir).sort()).toEqual(["model.onnx", "model.safetensors", "train_more.py"]);
    const state = fromSafetensors(readFileSync(join(dir, "model.safetensors")));
    const net = context.results.networks!.net!;
    net.layers.forEach((layer, l) => {
      const weight = state[`${2 * l}.weight`]!;
      expect(weight.shape).toEqual([layer.neurons.length, layer.neurons[0]!.w.length]);
      expect(Array.from(weight.data)).toEqual(layer.neurons.flatMap((neuron) => neuron.w.map((w) => w.data)));
      expect(Array.from(state[`${2 * l}.bias`]!.data)).toEqual(layer.neurons.map((neuron) => neuron.b.data));
    });
    expect(lines).toContain("  python3 train_more.py train --epochs 7");

    const noExport = stepContext({ export: false }, dir);
    await runStep(exportStage, noExport.context);
    expect(noExport.context.results.export).toBeUndefined();
    expect(noExport.lines).toEqual([]);
  });
});
