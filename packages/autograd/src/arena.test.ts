import { describe, expect, it } from "vitest";

import { allocate, allocateGrad, recycle } from "./arena.js";

describe("allocate", () => {
  it("hands out zero-filled, non-overlapping buffers", () => {
    const bufs = Array.from({ length: 200 }, (_, i) => allocate((i % 50) + 1));
    for (const b of bufs) expect(b.every((v) => v === 0)).toBe(true);
    bufs.forEach((b, i) => b.fill(i + 1));
    bufs.forEach((b, i) => expect(b.every((v) => v === i + 1)).toBe(true));
  });

  it("gives large requests their own buffer and handles 0", () => {
    const big = allocate(100_000);
    expect(big.length).toBe(100_000);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(800_000);
    expect(allocate(0).length).toBe(0);
  });
});

describe("recycle and allocateGrad", () => {
  it("hand a recycled buffer of the same length back, zero-filled", () => {
    const b = allocate(37).fill(5);
    recycle(b);
    expect(allocateGrad(36)).not.toBe(b);
    const again = allocateGrad(37);
    expect(again).toBe(b);
    expect(again.every((v) => v === 0)).toBe(true);
    expect(allocateGrad(37)).not.toBe(b); // taken once only
  });

  it("keep at most 64 buffers and 2^17 elements", () => {
    const huge = new Float64Array((1 << 17) + 1);
    recycle(huge);
    expect(allocateGrad(huge.length)).not.toBe(huge);
    const many = Array.from({ length: 70 }, () => allocate(3));
    many.forEach(recycle);
    const back = new Set(Array.from({ length: 70 }, () => allocateGrad(3)));
    expect(many.filter((b) => back.has(b))).toHaveLength(64);
  });
});
