import { Tensor, tensor } from "@neurogebra/autograd";
import { afterEach, describe, expect, it } from "vitest";

import { Adam, AdamW } from "../src/index.js";
import type { AdamOptions } from "../src/index.js";

/**
 * In a page whose Content-Security-Policy lacks 'wasm-unsafe-eval', `new WebAssembly.Module(bytes)` throws
 * a `CompileError`. Adam's fused kernel compiles through autograd's `wasm.instantiate`, which then returns
 * null: Adam must run its JavaScript loop with the same weights. This file's module state starts fresh
 * (vitest isolates test files), so the first Adam below meets the refusal.
 */
/** The part of the WebAssembly API these tests replace (the packages build without DOM types). */
interface WasmGlobal {
  CompileError: new (message: string) => Error;
}
const realWasm = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;
let refusals = 0;

function setWasm(api: WasmGlobal): void {
  Object.defineProperty(globalThis, "WebAssembly", { value: api, configurable: true, writable: true });
}

function refuseCompiling(): void {
  const Refusing = function (): never {
    refusals++;
    throw new realWasm.CompileError(
      "WebAssembly.Module(): Refused to compile or instantiate WebAssembly module (simulated CSP)",
    );
  };
  setWasm(Object.create(realWasm, { Module: { value: Refusing } }) as WasmGlobal);
}

afterEach(() => setWasm(realWasm));

/** Train three tensors for 25 steps with gradients that vary per step; the final weights. */
function train(
  make: typeof Adam | typeof AdamW,
  options: AdamOptions,
): { weights: number[]; fused: boolean } {
  const params = [7, 16, 3].map((n, k) =>
    tensor(
      Array.from({ length: n }, (_, i) => Math.sin(k + i * 0.7)),
      { requiresGrad: true },
    ),
  );
  const optimizer = new make(params, options);
  for (let t = 0; t < 25; t++) {
    params.forEach((p, k) => {
      p.grad = new Tensor(
        Float64Array.from(p.data, (_, i) => Math.cos(t * 1.3 + k + i * 0.37)),
        p.shape,
      );
    });
    optimizer.step();
  }
  return { weights: params.flatMap((p) => Array.from(p.data)), fused: optimizer.fused };
}

describe("Adam where WebAssembly may not be compiled (CSP without 'wasm-unsafe-eval')", () => {
  const cases: [string, typeof Adam | typeof AdamW, AdamOptions][] = [
    ["Adam", Adam, { lr: 0.01 }],
    ["Adam, amsgrad + weight decay", Adam, { lr: 0.05, amsgrad: true, weightDecay: 0.1 }],
    ["AdamW", AdamW, { lr: 0.01, weightDecay: 0.01 }],
  ];

  it.each(cases)(
    "%s falls back to the JavaScript loop with the fused kernel's weights",
    (_name, make, options) => {
      refuseCompiling();
      const before = refusals;
      const refused = train(make, options);
      expect(refusals).toBeGreaterThan(before); // the kernel was tried, and refused
      expect(refused.fused).toBe(false);
      setWasm(realWasm);
      const loop = train(make, { ...options, fused: false });
      expect(refused.weights).toEqual(loop.weights);
    },
  );

  it("compiles and runs fused again, with the same weights, once compiling is allowed", () => {
    // The refusal is remembered per kernel variant; a variant not met above compiles now.
    const options: AdamOptions = { lr: 0.02, maximize: true };
    const fused = train(Adam, options);
    expect(fused.fused).toBe(true);
    refuseCompiling();
    expect(train(Adam, { ...options, fused: false }).weights).toEqual(fused.weights);
  });
});
