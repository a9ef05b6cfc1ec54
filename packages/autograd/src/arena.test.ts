import { describe, expect, it } from "vitest";

import { allocate } from "./arena.js";

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
