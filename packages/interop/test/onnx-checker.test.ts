/**
 * A second reader of our ONNX bytes: the ONNX project's own checker (Debian's python3-onnx, 1.12, which
 * knows opsets up to 17) validates every exported model with full shape inference, and its parsed graph
 * shows the names and the dynamic batch dimension we wrote.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { toOnnx } from "../src/index.js";
import { exportModels } from "./models.js";
import { requirePython, runPython } from "./python.js";

let dir = "";
beforeAll(() => {
  requirePython(["onnx"], "python3-onnx");
  dir = mkdtempSync(join(tmpdir(), "neurogebra-interop-onnx-"));
}, 120_000); // starting Python in a busy `pnpm test` has taken over 10 s
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHECK = `
import json, sys
import onnx
from onnx import checker, shape_inference
report = []
for path in sys.argv[1:]:
    model = onnx.load(path)
    checker.check_model(model, full_check=True)
    inferred = shape_inference.infer_shapes(model, strict_mode=True)
    dims = lambda v: [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
    report.append({
        "ir": model.ir_version,
        "opset": model.opset_import[0].version,
        "ops": [n.op_type for n in model.graph.node],
        "initializers": [i.name for i in model.graph.initializer],
        "input": dims(inferred.graph.input[0]),
        "output": dims(inferred.graph.output[0]),
    })
print(json.dumps(report))
`;

describe("onnx.checker accepts every exported model", () => {
  it("for each model, dtype, Gemm or MatMul, with and without Softmax, opsets 13 and 17", () => {
    const files: string[] = [];
    exportModels().forEach(({ model }, i) => {
      for (const [k, options] of [
        { dtype: "float64" as const, opset: 17 },
        { dtype: "float32" as const, opset: 13, softmax: true, linear: "matmul" as const },
      ].entries()) {
        const path = join(dir, `model-${i}-${k}.onnx`);
        writeFileSync(path, toOnnx(model, options));
        files.push(path);
      }
    });
    const report = JSON.parse(runPython(["-c", CHECK, ...files])) as {
      ir: number;
      opset: number;
      ops: string[];
      initializers: string[];
      input: (string | number)[];
      output: (string | number)[];
    }[];
    expect(report).toHaveLength(files.length);
    // the tutorial's Sequential, float64 Gemm: three Gemm with PyTorch's parameter names, ReLU between
    expect(report[0]).toEqual({
      ir: 8,
      opset: 17,
      ops: ["Gemm", "Relu", "Gemm", "Relu", "Gemm"],
      initializers: ["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"],
      input: ["batch", 2],
      output: ["batch", 3],
    });
    expect(report[1]!.ops).toEqual([
      "MatMul",
      "Add",
      "Relu",
      "MatMul",
      "Add",
      "Relu",
      "MatMul",
      "Add",
      "Softmax",
    ]);
    expect(report[1]!.opset).toBe(13);
    // the from-scratch network exports to the same graph as the Sequential
    expect(report[2]!.ops).toEqual(report[0]!.ops);
    expect(report[2]!.initializers).toEqual(report[0]!.initializers);
  });
});
