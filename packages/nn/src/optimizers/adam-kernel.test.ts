import { Tensor, Value, tensor } from "@neurogebra/autograd";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";

import { Adam, AdamW } from "./adam.js";
import type { AdamOptions } from "./adam.js";
import type { Parameter } from "./parameter.js";

/** Parameters of the given sizes (0 = a Value), filled from `seed`. */
function makeParams(sizes: readonly number[], seed: number): Parameter[] {
  return sizes.map((n, k) =>
    n === 0
      ? new Value(Math.sin(seed + k))
      : tensor(
          Array.from({ length: n }, (_, i) => Math.sin(seed + 3 * k + i * 0.7)),
          { requiresGrad: true },
        ),
  );
}

/**
 * Give every parameter the gradient of step `t` (with an occasional huge, infinite or NaN entry). With
 * `gaps`, some tensors get none on some steps, so their step counts drift apart (the per-tensor path).
 */
function setGradients(params: readonly Parameter[], t: number, special: number, gaps = false): void {
  params.forEach((p, k) => {
    if (gaps && !(p instanceof Value) && (t + k) % 4 === 0) {
      p.grad = null;
      return;
    }
    const g = (i: number) =>
      i === 1 && t === 7 ? special : Math.cos(t * 1.3 + k + i * 0.37) * 2 ** ((i % 5) - 2);
    if (p instanceof Value) p.grad = g(0);
    else
      p.grad = new Tensor(
        Float64Array.from(p.data, (_, i) => g(i)),
        p.shape,
      );
  });
}

const weights = (params: readonly Parameter[]) =>
  params.flatMap((p) => (p instanceof Value ? [p.data] : Array.from(p.data)));

/** Train two copies for `steps`, fused and JavaScript; returns both weight lists and the fused flag. */
function twin(
  make: typeof Adam | typeof AdamW,
  sizes: number[],
  options: AdamOptions,
  steps: number,
  special = 5,
  gaps = false,
) {
  const a = makeParams(sizes, 1);
  const b = makeParams(sizes, 1);
  const fused = new make(a, options);
  const loop = new make(b, { ...options, fused: false });
  for (let t = 0; t < steps; t++) {
    setGradients(a, t, special, gaps);
    setGradients(b, t, special, gaps);
    fused.step();
    loop.step();
  }
  return { fused: weights(a), loop: weights(b), ran: fused.fused, loopFused: loop.fused };
}

describe("Adam's fused WebAssembly kernel", () => {
  it("gives the JavaScript loop's weights bit for bit, for every option, size and mix of Values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 37 })), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.record({
          lr: fc.constantFrom(0.001, 0.01, 0.3),
          betas: fc.constantFrom([0.9, 0.999] as const, [0.5, 0.9] as const),
          eps: fc.constantFrom(1e-8, 0.1),
          weightDecay: fc.constantFrom(0, 0.01, 0.5),
          amsgrad: fc.boolean(),
          maximize: fc.boolean(),
        }),
        fc.constantFrom(5, 1e300, Infinity, NaN),
        fc.boolean(),
        (sizes, decoupled, options, special, gaps) => {
          const result = twin(decoupled ? AdamW : Adam, sizes, options, 12, special, gaps);
          expect(result.ran).toBe(sizes.some((n) => n > 0)); // the kernel ran wherever there is a tensor
          expect(result.loopFused).toBe(false);
          // Object.is: NaN equals NaN, and +0 differs from −0
          const differing = result.fused.filter((w, i) => !Object.is(w, result.loop[i]));
          expect(differing).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("keeps working when a later optimizer grows the shared memory (views are renewed)", () => {
    const small = makeParams([5, 3], 2);
    const reference = makeParams([5, 3], 2);
    const fused = new Adam(small, { lr: 0.05 });
    const loop = new Adam(reference, { lr: 0.05, fused: false });
    const step = (t: number) => {
      setGradients(small, t, 5);
      setGradients(reference, t, 5);
      fused.step();
      loop.step();
    };
    step(0);
    const big = new Adam([tensor(new Float64Array(300_000), { requiresGrad: true })], { lr: 0.05 }); // > 4 MB
    expect(big.fused).toBe(true);
    for (let t = 1; t < 5; t++) step(t);
    expect(weights(small)).toEqual(weights(reference));
  });

  it("refuses a gradient whose length differs from the weights' before moving any weight", () => {
    for (const fused of [true, false]) {
      const [a, b] = makeParams([4, 3], 0) as Tensor[];
      const opt = new Adam([a!, b!], { fused });
      a!.grad = new Tensor(new Float64Array(4).fill(1), [4]);
      b!.grad = new Tensor(new Float64Array(300).fill(1), [300]); // would overrun the staging area
      const before = [Array.from(a!.data), Array.from(b!.data)];
      expect(() => opt.step()).toThrow(/Adam\.step: params\[1\] has 3 weights but its grad has 300 numbers/);
      expect([Array.from(a!.data), Array.from(b!.data)]).toEqual(before); // params[0] untouched too
    }
  });

  it("is skipped with fused: false, and checks the option", () => {
    expect(new Adam(makeParams([4], 0), { fused: false }).fused).toBe(false);
    expect(new Adam(makeParams([0], 0)).fused).toBe(false); // only Values: nothing to fuse
    expect(() => new Adam(makeParams([4], 0), { fused: "yes" as unknown as boolean })).toThrow(
      /Adam: expected fused to be a boolean, got the string "yes"/,
    );
  });

  it("falls back to the JavaScript loop without WebAssembly (node --jitless, old runtimes)", async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, "WebAssembly")!;
    vi.resetModules(); // a fresh module: no instance cached yet
    Object.defineProperty(globalThis, "WebAssembly", { value: undefined, configurable: true });
    try {
      const fresh = await import("./adam.js");
      const ag = await import("@neurogebra/autograd"); // the same fresh copy the module above uses
      const run = (fused: boolean) => {
        const w = ag.tensor([0.5, -1, 2, 0, 3, -0.25], { requiresGrad: true });
        const opt = new fresh.Adam([w], { lr: 0.1, fused });
        for (let t = 0; t < 3; t++) {
          w.grad = new ag.Tensor(
            Float64Array.from(w.data, (x, i) => Math.cos(t + i) + x),
            w.shape,
          );
          opt.step();
        }
        return { fused: opt.fused, weights: Array.from(w.data) };
      };
      const withDefault = run(true);
      expect(withDefault.fused).toBe(false);
      expect(withDefault.weights).toEqual(run(false).weights);
      expect(withDefault.weights).not.toEqual([0.5, -1, 2, 0, 3, -0.25]);
    } finally {
      Object.defineProperty(globalThis, "WebAssembly", saved);
      vi.resetModules();
    }
  });
});
