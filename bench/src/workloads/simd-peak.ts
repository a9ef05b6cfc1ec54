/**
 * The most arithmetic 128-bit WebAssembly SIMD can do on this CPU: a register-resident loop of separate
 * vector multiplies and adds (no memory access, no fused multiply-add — the exact kernels use neither),
 * `acc = acc · m + c` on 12 independent accumulators so that neither the latency of one chain nor the
 * loop's branch limits it. Its GFLOP/s is the ceiling the matmul kernel is measured against.
 *
 * The module is a dozen instructions, written out here as bytes (WebAssembly 2.0, SIMD opcodes under the
 * 0xFD prefix) rather than through the engine's internal assembler, which the bench cannot import.
 */

/** Independent accumulators: enough to cover 2 multiplies per cycle × the add-after-multiply latency. */
const CHAINS = 12;

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const simd = (op: number): number[] => [0xfd, ...uleb(op)];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/** Opcodes of the two lane shapes: splat, mul, add, extract lane 0. */
const SHAPES = {
  f64x2: { splat: 20, mul: 242, add: 240, extract: 33, promote: [] as number[] },
  f32x4: { splat: 19, mul: 230, add: 228, extract: 31, promote: [0xbb] }, // f64.promote_f32
} as const;

/** `peak(iterations: i32, m: f64, c: f64) → f64`: runs the loop, returns lane 0 of the sum of the chains. */
function moduleBytes(shape: keyof typeof SHAPES): Uint8Array {
  const op = SHAPES[shape];
  const [ITER, M, C] = [0, 1, 2];
  const MV = 3;
  const CV = 4;
  const ACC = 5; // locals 5 … 5 + CHAINS − 1
  const get = (i: number): number[] => [0x20, ...uleb(i)];
  const set = (i: number): number[] => [0x21, ...uleb(i)];
  // f32x4 splats an f32: demote the f64 arguments first
  const scalar = (i: number): number[] => (shape === "f32x4" ? [...get(i), 0xb6] : get(i));
  const body: number[] = [
    ...scalar(M),
    ...simd(op.splat),
    ...set(MV),
    ...scalar(C),
    ...simd(op.splat),
    ...set(CV),
  ];
  for (let k = 0; k < CHAINS; k++) body.push(...get(CV), ...set(ACC + k));
  body.push(0x03, 0x40); // loop
  for (let k = 0; k < CHAINS; k++) {
    body.push(...get(ACC + k), ...get(MV), ...simd(op.mul), ...get(CV), ...simd(op.add), ...set(ACC + k));
  }
  body.push(...get(ITER), 0x41, 1, 0x6b, 0x22, ...uleb(ITER), 0x0d, 0, 0x0b); // iter -= 1; br_if 0 (iter ≠ 0)
  body.push(...get(ACC));
  for (let k = 1; k < CHAINS; k++) body.push(...get(ACC + k), ...simd(op.add));
  body.push(...simd(op.extract), 0, ...op.promote, 0x0b);
  const locals = vec([[...uleb(2 + CHAINS), 0x7b]]);
  const code = [...locals, ...body];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([[0x60, ...vec([[0x7f], [0x7c], [0x7c]]), ...vec([[0x7c]])]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...name("peak"), 0x00, 0]])),
    ...section(10, vec([[...uleb(code.length), ...code]])),
  ]);
}

/** The parts of the WebAssembly API used here (the bench builds without DOM types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
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
  const bytes = moduleBytes(shape);
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined || !api.validate(bytes)) return null;
  const instance = new api.Instance(new api.Module(bytes), {});
  const peak = instance.exports["peak"] as (iterations: number, m: number, c: number) => number;
  let sink = 0;
  return {
    run(iterations) {
      const start = performance.now();
      sink += peak(iterations, 0.999, 1e-3); // converges to 1: no overflow, no subnormals
      const seconds = (performance.now() - start) / 1000;
      if (!Number.isFinite(sink)) throw new Error("simdPeak: the loop produced a non-finite value");
      return seconds;
    },
    flopsPerIteration: CHAINS * 2 * (shape === "f64x2" ? 2 : 4),
  };
}
