import { afterEach, describe, expect, it } from "vitest";

import { useSimd } from "./kernels/matmul-simd.js";
import { tensor } from "./tensor-factories.js";
import type { Tensor } from "./tensor.js";
import { F64, assembleModule, f64Add, instantiate } from "@neurogebra/internal/wasm-assembler";

/**
 * A page whose Content-Security-Policy lacks 'wasm-unsafe-eval' lets scripts see `WebAssembly`, even
 * validate bytes, but `new WebAssembly.Module(bytes)` throws a `CompileError`. This file's module state
 * starts fresh (vitest isolates test files), so the first product below meets the refusal first.
 */
/** The part of the WebAssembly API these tests replace (the packages build without DOM types). */
interface WasmGlobal {
  CompileError: new (message: string) => Error;
}
const realWasm = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;
let refusals = 0;

function refuseCompiling(): void {
  const Refusing = function (): never {
    refusals++;
    throw new realWasm.CompileError(
      "WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' " +
        "is not an allowed source of script (simulated Content-Security-Policy)",
    );
  };
  const api = Object.create(realWasm, { Module: { value: Refusing } }) as WasmGlobal;
  Object.defineProperty(globalThis, "WebAssembly", { value: api, configurable: true, writable: true });
}

function allowCompiling(): void {
  Object.defineProperty(globalThis, "WebAssembly", { value: realWasm, configurable: true, writable: true });
}

afterEach(allowCompiling);

const values = (n: number, seed: number) => Array.from({ length: n }, (_, i) => Math.sin(seed + i * 1.7) * 3);

/** A product big enough for the WebAssembly kernel, with its gradients. */
function product(): { out: Float64Array; gradA: Float64Array; gradB: Float64Array } {
  const a: Tensor = tensor(values(37 * 29, 1), [37, 29], { requiresGrad: true });
  const b: Tensor = tensor(values(29 * 23, 2), [29, 23], { requiresGrad: true });
  const out = a.matmul(b);
  out
    .mul(tensor(values(37 * 23, 3), [37, 23]))
    .sum()
    .backward();
  return { out: out.data.slice(), gradA: a.grad!.data.slice(), gradB: b.grad!.data.slice() };
}

describe("WebAssembly refused by the page (CSP without 'wasm-unsafe-eval')", () => {
  it("instantiate() returns null instead of throwing the CompileError", () => {
    const bytes = assembleModule([
      {
        name: "twice",
        params: [["x", F64]],
        results: [F64],
        locals: [],
        body: (f) => [f64Add(f.get("x"), f.get("x"))],
      },
    ]);
    refuseCompiling();
    const before = refusals;
    expect(instantiate(bytes)).toBeNull();
    expect(refusals).toBe(before + 1);
    allowCompiling();
    const kernel = instantiate(bytes)!;
    expect((kernel.exports["twice"] as (x: number) => number)(2.5)).toBe(5);
  });

  it("other errors of compiling still surface", () => {
    const api = Object.create(realWasm, {
      Module: {
        value: function (): never {
          throw new TypeError("not a refusal");
        },
      },
    }) as WasmGlobal;
    Object.defineProperty(globalThis, "WebAssembly", { value: api, configurable: true, writable: true });
    const bytes = assembleModule([{ name: "f", params: [], results: [], locals: [], body: () => [] }]);
    expect(() => instantiate(bytes)).toThrow("not a refusal");
  });

  it("Tensor.matmul runs on the JavaScript kernel with the WebAssembly kernel's results, bit for bit", () => {
    refuseCompiling();
    const before = refusals;
    const refused = product(); // the first product of this file: the kernel is compiled (and refused) now
    expect(refusals).toBeGreaterThan(before);
    allowCompiling();
    expect(useSimd(true)).toBe(true); // compiled this time
    const compiled = product();
    expect(refused.out).toEqual(compiled.out);
    expect(refused.gradA).toEqual(compiled.gradA);
    expect(refused.gradB).toEqual(compiled.gradB);
  });
});
