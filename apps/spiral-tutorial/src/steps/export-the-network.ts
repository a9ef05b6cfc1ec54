import { join } from "node:path";

import { exportModel, exportRequestFor } from "../export-model.js";
import type { TutorialStep } from "./tutorial-step.js";
import { resultOf } from "./tutorial-step.js";

/**
 * The closing Export stage: the trained network (the from-scratch one when it ran) as
 * model.safetensors, model.onnx and train_more.py next to the figures. Not one of the tutorial's
 * steps: it carries the network on to PyTorch and ONNX Runtime, and runs only when files are written
 * (not with `--no-plots` or `--no-export`).
 *
 * @example
 * ```ts
 * await runStep(exportStage, context);
 * context.results.export?.files; // ["model.safetensors", "model.onnx", "train_more.py"]
 * ```
 */
export const exportStage: TutorialStep<"export"> = {
  name: "export",
  section: "export",
  title: "Export: Carry the Network On",
  notes: {
    paragraphs: [
      "When the spirals are done and the next model is bigger, the network moves on instead of starting " +
        "over: `@neurogebra/interop` writes its weights as safetensors under the names PyTorch's " +
        "`nn.Sequential` gives them (`0.weight` is `[out, in]`), the whole model as ONNX for ONNX Runtime, " +
        "and a Python script that rebuilds it in PyTorch and trains on — on several processes with " +
        "`DistributedDataParallel` under `torchrun` — then writes the weights back as safetensors.",
    ],
    formulas: [],
  },
  runsIn: ({ outDir, options }) => outDir !== null && options.export,

  run(context) {
    const { options, outDir, transcript } = context;
    if (outDir === null) throw new Error("exportStage: expected an output folder, got none (--no-plots)");
    const { train } = resultOf(context, "dataset");
    const { net, model } = resultOf(context, "networks");
    const exported = exportModel(outDir, exportRequestFor(options, net, model, train));
    for (const text of exported.lines) transcript.line(text);
    for (const file of exported.files) transcript.note(`  → ${join(options.out, file)}`);
    return exported;
  },
};
