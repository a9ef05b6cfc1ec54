/**
 * Acceptance (issue 18): ONNX Runtime (onnxruntime-node) runs every exported model, and its outputs equal
 * ours on random batches — to 1e-12 relative in float64, 1e-6 in float32 — for both model classes,
 * every activation, Gemm and MatMul + Add, with and without Softmax, several batch sizes through the
 * dynamic batch dimension, and the lowest and highest opsets we write.
 */
import { createRequire } from "node:module";

import { createRng } from "@neurogebra/random";
import type * as Ort from "onnxruntime-node";
import { afterAll, describe, expect, it } from "vitest";

import { toOnnx } from "../src/index.js";
import type { ToOnnxOptions } from "../src/index.js";
import { exportModels, maxRelativeDifference, ourForward, softmaxRows } from "./models.js";

// onnxruntime-node is CommonJS with a native binding; require works without its (unapproved) install script.
const ort = createRequire(import.meta.url)("onnxruntime-node") as typeof Ort;

const worst = { float64: 0, float32: 0 };
afterAll(() => {
  console.log(
    `ONNX Runtime ${ort.env.versions.common} vs ours, max relative difference: ` +
      `float64 ${worst.float64.toExponential(2)}, float32 ${worst.float32.toExponential(2)}`,
  );
});

const variants: ToOnnxOptions[] = [
  { dtype: "float64" },
  { dtype: "float64", linear: "matmul", softmax: true, opset: 13 },
  { dtype: "float32", softmax: true },
  { dtype: "float32", linear: "matmul", opset: 21 },
];

describe("ONNX Runtime runs every exported model and agrees with ours", () => {
  for (const { name, model, inFeatures } of exportModels()) {
    for (const options of variants) {
      const dtype = options.dtype!;
      it(`${name} — ${JSON.stringify(options)}`, async () => {
        const session = await ort.InferenceSession.create(toOnnx(model, options));
        expect(session.inputNames).toEqual(["input"]);
        const rng = createRng(5);
        for (const rows of [1, 7, 64]) {
          const X = Float64Array.from({ length: rows * inFeatures }, () => rng.uniform(-3, 3));
          const input = new ort.Tensor(dtype, dtype === "float64" ? X : Float32Array.from(X), [
            rows,
            inFeatures,
          ]);
          const { output } = await session.run({ input });
          let expected = ourForward(model, X, rows);
          const outFeatures = expected.length / rows;
          if (options.softmax === true) expected = softmaxRows(expected, outFeatures);
          expect(output!.dims).toEqual([rows, outFeatures]);
          const difference = maxRelativeDifference(output!.data as Float64Array | Float32Array, expected);
          worst[dtype] = Math.max(worst[dtype], difference);
          expect(difference).toBeLessThan(dtype === "float64" ? 1e-12 : 1e-6);
        }
      });
    }
  }

  it("a rank-3 input through MatMul + Add keeps both leading dimensions dynamic", async () => {
    const { model } = exportModels()[0]!;
    const session = await ort.InferenceSession.create(
      toOnnx(model, { inputShape: ["batch", "time", 2], dtype: "float64" }),
    );
    const X = Float64Array.from({ length: 3 * 5 * 2 }, (_, i) => Math.sin(i));
    const { output } = await session.run({ input: new ort.Tensor("float64", X, [3, 5, 2]) });
    expect(output!.dims).toEqual([3, 5, 3]);
    expect(maxRelativeDifference(output!.data as Float64Array, ourForward(model, X, 15))).toBeLessThan(1e-12);
  });

  it("rejects options it cannot honour, naming them", () => {
    const { model } = exportModels()[0]!;
    expect(() => toOnnx(model, { inputShape: ["batch", 3] })).toThrow(
      /toOnnx: expected inputShape of rank ≥ 2 .* ending in the model's 2 input features, got an array \["batch",3\]$/,
    );
    expect(() => toOnnx(model, { opset: 12 })).toThrow(
      /opset to be an integer in \[13, 21\], got number 12$/,
    );
    expect(() => toOnnx(model, { dtype: "int8" as "float32" })).toThrow(/dtype "float32" or "float64"/);
    expect(() => toOnnx(model, { inputShape: [1, 4, 2], linear: "gemm" })).toThrow(
      /Gemm takes a rank-2 input/,
    );
    expect(() => toOnnx(model, { inputName: "x", outputName: "x" })).toThrow(/two different non-empty/);
  });
});
