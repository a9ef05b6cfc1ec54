import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addReduced, broadcastSource, expandTo } from "./broadcast.js";
import { broadcastShapes, shapeSize, stridesOf } from "./shape.js";

/** Index of `big`'s element `flat` inside `small` (right-aligned, size-1 dims pinned to 0). */
function sourceIndex(flat: number, small: number[], big: number[]): number {
  const bigStrides = stridesOf(big);
  const smallStrides = stridesOf(small);
  let src = 0;
  for (let d = 0; d < big.length; d++) {
    const coord = Math.floor(flat / bigStrides[d]!) % big[d]!;
    const sd = d - (big.length - small.length);
    if (sd >= 0 && small[sd] !== 1) src += coord * smallStrides[sd]!;
  }
  return src;
}

const smallAndBig = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 })
  .chain((big) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: big.length, maxLength: big.length }),
        fc.integer({ min: 0, max: big.length }),
      )
      .map(([ones, drop]) => ({ big, small: big.map((d, i) => (ones[i] ? 1 : d)).slice(drop) })),
  );

describe("broadcast kernels", () => {
  it("expandTo copies each element to every broadcast position", () => {
    fc.assert(
      fc.property(smallAndBig, ({ small, big }) => {
        expect(broadcastShapes(small, big, "t")).toEqual(big);
        const data = Float64Array.from({ length: shapeSize(small) }, (_, i) => i + 1);
        const out = expandTo(data, small, big);
        expect(out.length).toBe(shapeSize(big));
        for (let i = 0; i < out.length; i++) expect(out[i]).toBe(data[sourceIndex(i, small, big)]);
        expect([...broadcastSource(small, big)]).toEqual([...out].map((v) => v - 1));
      }),
      { numRuns: 200 },
    );
  });

  it("addReduced sums the big gradient back onto each source element (the adjoint of expandTo)", () => {
    fc.assert(
      fc.property(smallAndBig, ({ small, big }) => {
        const g = Float64Array.from({ length: shapeSize(big) }, (_, i) => (i % 7) + 0.5);
        const target = new Float64Array(shapeSize(small)).fill(100);
        addReduced(target, small, g, big);
        const expected = new Float64Array(shapeSize(small)).fill(100);
        for (let i = 0; i < g.length; i++) expected[sourceIndex(i, small, big)]! += g[i]!;
        for (let i = 0; i < target.length; i++) expect(target[i]).toBeCloseTo(expected[i]!, 12);
      }),
      { numRuns: 200 },
    );
  });

  it("returns equal-shape data as is", () => {
    const data = new Float64Array(6);
    expect(expandTo(data, [2, 3], [2, 3])).toBe(data);
  });
});
