import * as wasm from "@neurogebra/internal/wasm-assembler";

/**
 * The most arithmetic 128-bit WebAssembly SIMD does on this CPU: a register-resident loop of separate
 * vector multiplies and adds (no memory access in the loop, no fused multiply-add — the exact kernels use
 * neither), `acc = acc · m + c` on 12 independent accumulators, so that neither one chain's latency nor
 * the loop's branch limits it. Written with the repository's assembler (`@neurogebra/internal`), like the matmul kernel.
 */

/** Independent accumulators: enough to cover 2 multiplies per cycle × the multiply-then-add latency. */
const CHAINS = 12;

const SHAPES = {
  f64x2: { add: wasm.f64x2Add, mul: wasm.f64x2Mul, lanes: 2 },
  f32x4: { add: wasm.f32x4Add, mul: wasm.f32x4Mul, lanes: 4 },
} as const;

/** `peak(iterations)`: m at byte 0, c at 16, the accumulators from 32 on — loaded, iterated, stored back. */
function moduleBytes(shape: keyof typeof SHAPES): Uint8Array {
  const { add, mul } = SHAPES[shape];
  const accs = Array.from({ length: CHAINS }, (_, k) => `acc${k}`);
  return wasm.assembleModule([
    {
      name: "peak",
      params: [["iterations", wasm.I32]],
      results: [],
      locals: [
        ["i", wasm.I32],
        ...["m", "c", ...accs].map((name): [string, typeof wasm.V128] => [name, wasm.V128]),
      ],
      body: ({ get, set }) => [
        set("m", wasm.v128Load(wasm.i32(0))),
        set("c", wasm.v128Load(wasm.i32(16))),
        ...accs.map((acc, k) => set(acc, wasm.v128Load(wasm.i32(32 + 16 * k)))),
        set("i", wasm.i32(0)),
        wasm.whileNot(
          wasm.ge32(get("i"), get("iterations")),
          ...accs.map((acc) => set(acc, add(mul(get(acc), get("m")), get("c")))),
          set("i", wasm.add32(get("i"), wasm.i32(1))),
        ),
        ...accs.map((acc, k) => wasm.v128Store(wasm.i32(32 + 16 * k), get(acc))),
      ],
    },
  ]);
}

/** A peak probe: `run(iterations)` returns its own seconds; `flopsPerIteration` converts them. */
export interface SimdPeak {
  readonly run: (iterations: number) => number;
  readonly flopsPerIteration: number;
}

/**
 * The register-resident loop for `f64x2` or `f32x4`, compiled; null where WebAssembly SIMD is missing.
 *
 * @example
 * ```ts
 * const p = simdPeak("f64x2")!;
 * const s = p.run(1e7); // GFLOP/s: (1e7 * p.flopsPerIteration) / s / 1e9
 * ```
 */
export function simdPeak(shape: keyof typeof SHAPES): SimdPeak | null {
  const kernel = wasm.instantiate(moduleBytes(shape));
  if (kernel === null) return null;
  const peak = kernel.exports["peak"] as (iterations: number) => void;
  const { lanes } = SHAPES[shape];
  const memory =
    shape === "f64x2" ? new Float64Array(kernel.memory.buffer) : new Float32Array(kernel.memory.buffer);
  return {
    run(iterations) {
      memory.fill(0.999, 0, lanes); // m: acc converges to c / (1 − m) = 1 — no overflow, no subnormals
      memory.fill(1e-3, lanes, 2 * lanes); // c
      memory.fill(0.5, 2 * lanes, (2 + CHAINS) * lanes);
      const start = performance.now();
      peak(iterations);
      const seconds = (performance.now() - start) / 1000;
      if (!Number.isFinite(memory[2 * lanes]!))
        throw new Error("simdPeak: the loop produced a non-finite value");
      return seconds;
    },
    flopsPerIteration: CHAINS * 2 * lanes,
  };
}
