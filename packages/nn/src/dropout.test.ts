import type { Tensor } from "@neurogebra/autograd";
import { ones, tensor } from "@neurogebra/autograd";
import { createRng, manualSeed } from "@neurogebra/random";
import { describe, expect, it } from "vitest";

import { loadFixture } from "../test/fixtures/load.js";
import { Dropout } from "./dropout.js";

interface DropoutFixture {
  x: number[];
  cases: { p: number; out: number[]; grad: number[]; repr: string }[];
  p1: { x: number[]; out: number[] };
  eval_is_identity: boolean;
}
const fixture = loadFixture<{ dropout: DropoutFixture }>("torch-modules.json").dropout;

describe("Dropout against PyTorch", () => {
  it("keeps an element as x · (1 / (1 − p)) bit for bit, and its gradient is that scale (or 0)", () => {
    const x = tensor(fixture.x);
    for (const { p, out, grad, repr } of fixture.cases) {
      const xr = tensor(fixture.x, { requiresGrad: true });
      const y = new Dropout(p, { rng: createRng(p) }).forward(xr);
      y.sum().backward();
      let bothKept = 0;
      for (let i = 0; i < out.length; i++) {
        const ours = y.data[i]!;
        // Where an element is kept (by our mask and by PyTorch's), the values are identical.
        if (ours !== 0 && out[i] !== 0) {
          expect(ours).toBe(out[i]);
          bothKept++;
        }
        // Our gradient is our mask: the scale where kept, 0 where dropped — PyTorch's scale value.
        const torchScale = grad.find((g) => g !== 0)!;
        expect(xr.grad!.data[i]).toBe(ours === 0 && x.data[i] !== 0 ? 0 : torchScale);
      }
      expect(bothKept).toBeGreaterThan(0);
      expect(String(new Dropout(p))).toBe(repr);
    }
  });

  it("p = 1 multiplies by 0 (signed zeros as PyTorch), eval and p = 0 are the identity", () => {
    const y = new Dropout(1, { rng: createRng(0) }).forward(tensor(fixture.p1.x));
    expect(Array.from(y.data)).toEqual(fixture.p1.out); // toEqual tells -0 from 0
    const x = tensor([1, 2, 3]);
    expect(fixture.eval_is_identity).toBe(true);
    expect(new Dropout(0.5).eval().forward(x)).toBe(x);
    expect(new Dropout(0).forward(x)).toBe(x);
  });
});

describe("Dropout's masks", () => {
  it("drop a fraction p of the elements: within 5 binomial standard deviations over 20 000 draws", () => {
    const n = 20_000;
    for (const p of [0.1, 0.5, 0.8]) {
      const y = new Dropout(p, { rng: createRng(`mask ${p}`) }).forward(ones([n]));
      let dropped = 0;
      for (const v of y.data) if (v === 0) dropped++;
      // The count of dropped elements is Binomial(n, p): standard deviation √(n·p·(1 − p)).
      expect(Math.abs(dropped - n * p)).toBeLessThan(5 * Math.sqrt(n * p * (1 - p)));
      // … and the mean is kept: E[y] = 1, standard error √(p / (1 − p) / n).
      const mean = y.sum().item() / n;
      expect(Math.abs(mean - 1)).toBeLessThan(5 * Math.sqrt(p / (1 - p) / n));
    }
  });

  it("draw one rng.random() per element in row-major order, kept when below 1 − p", () => {
    const rng = createRng(9);
    const y = new Dropout(0.3, { rng: createRng(9) }).forward(ones([4, 5]));
    const expected = Array.from({ length: 20 }, () => (rng.random() < 0.7 ? 1 / 0.7 : 0));
    expect(Array.from(y.data)).toEqual(expected);
  });

  it("draw from the default generator at each forward when given no rng (manualSeed reproduces them)", () => {
    const drop = new Dropout(0.5);
    manualSeed(4);
    const a = Array.from(drop.forward(ones([50])).data);
    const b = Array.from(drop.forward(ones([50])).data);
    expect(a).not.toEqual(b); // a new mask each pass
    manualSeed(4);
    expect(Array.from(drop.forward(ones([50])).data)).toEqual(a);
  });

  it("rejects a p outside [0, 1], a bad rng and what is not a Tensor", () => {
    expect(() => new Dropout(1.5)).toThrow(
      new RangeError("Dropout: expected p to be a probability in [0, 1], got number 1.5"),
    );
    expect(() => new Dropout("0.5" as unknown as number)).toThrow(/got the string "0.5"/);
    expect(() => new Dropout(0.5, { rng: {} as never })).toThrow(/expected options.rng to be an Rng/);
    expect(() => new Dropout(0.5).forward([1, 2] as unknown as Tensor)).toThrow(
      /expected x to be a Tensor, got an array \[1,2\]/,
    );
  });
});
