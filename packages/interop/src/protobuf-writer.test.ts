import { describe, expect, it } from "vitest";

import { ProtoWriter } from "./protobuf-writer.js";

describe("ProtoWriter", () => {
  it("encodes the protobuf documentation's examples", () => {
    // "field 1 = 150" is 08 96 01; "field 2 = 'testing'" is 12 07 74 65 73 74 69 6e 67
    expect(Array.from(new ProtoWriter().int64(1, 150).finish())).toEqual([0x08, 0x96, 0x01]);
    expect(Array.from(new ProtoWriter().string(2, "testing").finish())).toEqual([
      0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67,
    ]);
    // an embedded message: field 3 holding field 1 = 150 is 1a 03 08 96 01
    expect(Array.from(new ProtoWriter().message(3, (m) => m.int64(1, 150)).finish())).toEqual([
      0x1a, 0x03, 0x08, 0x96, 0x01,
    ]);
  });

  it("writes negative int64 as ten bytes of two's complement, and floats as 4 little-endian bytes", () => {
    expect(Array.from(new ProtoWriter().int64(1, -1).finish())).toEqual([
      0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
    ]);
    expect(Array.from(new ProtoWriter().float(2, 1).finish())).toEqual([0x15, 0, 0, 0x80, 0x3f]);
    expect(Array.from(new ProtoWriter().int64(1, 2 ** 53 - 1).finish())).toEqual([
      0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f,
    ]);
    expect(() => new ProtoWriter().int64(1, 0.5)).toThrow(/expected a safe integer, got number 0.5$/);
  });

  it("keeps fields in the order written, with large bytes fields between small ones", () => {
    const big = new Uint8Array(300).fill(7);
    const bytes = new ProtoWriter().int64(1, 1).bytes(9, big).int64(2, 2).finish();
    expect(Array.from(bytes.subarray(0, 5))).toEqual([0x08, 0x01, 0x4a, 0xac, 0x02]); // 300 = ac 02
    expect(bytes.subarray(5, 305)).toEqual(big);
    expect(Array.from(bytes.subarray(305))).toEqual([0x10, 0x02]);
  });
});
