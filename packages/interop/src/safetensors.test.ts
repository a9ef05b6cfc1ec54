import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { SafetensorsError, fromSafetensors, readSafetensors, toSafetensors } from "./safetensors.js";

/** A file with the given JSON header and data bytes, the header length written as given (default: right). */
function file(header: unknown, data: Uint8Array = new Uint8Array(0), length?: bigint): Uint8Array {
  const json = new TextEncoder().encode(typeof header === "string" ? header : JSON.stringify(header));
  const bytes = new Uint8Array(8 + json.length + data.length);
  new DataView(bytes.buffer).setBigUint64(0, length ?? BigInt(json.length), true);
  bytes.set(json, 8);
  bytes.set(data, 8 + json.length);
  return bytes;
}

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SafetensorsError) return error.reason;
    throw error;
  }
  return "no error";
}

describe("toSafetensors / fromSafetensors", () => {
  it("writes the published layout byte for byte: u64 header length, JSON padded with spaces to 8, little-endian data", () => {
    const bytes = toSafetensors({ "0.bias": { shape: [2], data: [1, -2] } }, { metadata: { by: "test" } });
    const header =
      '{"__metadata__":{"by":"test"},"0.bias":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}';
    const padded = header + " ".repeat(-header.length & 7);
    expect(new DataView(bytes.buffer).getBigUint64(0, true)).toBe(BigInt(padded.length));
    expect(new TextDecoder().decode(bytes.subarray(8, 8 + padded.length))).toBe(padded);
    // 1.0 = 00 00 00 00 00 00 f0 3f, -2.0 = 00 … 00 c0 in little-endian IEEE 754
    expect(Array.from(bytes.subarray(8 + padded.length))).toEqual([
      0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0xc0,
    ]);
    expect(readSafetensors(bytes).metadata).toEqual({ by: "test" });
  });

  it("keeps a metadata key named __proto__ as data (found by the property test)", () => {
    const metadata = JSON.parse('{"__proto__":"x","a":"b"}') as Record<string, string>;
    expect(readSafetensors(toSafetensors({}, { metadata })).metadata).toEqual(metadata);
  });

  it("reads every integer and float dtype of the format (F16, BF16, I64, U8, BOOL, …)", () => {
    const data = new Uint8Array([
      0x00,
      0x3c,
      0x00,
      0xc0, // F16: 1, -2
      0x80,
      0x3f,
      0x00,
      0x40, // BF16: 1, 2
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff, // I64: -1
      0xff,
      0x00,
      0x02, // U8: 255, 0 and BOOL: true
    ]);
    const bytes = file(
      {
        h: { dtype: "F16", shape: [2], data_offsets: [0, 4] },
        b: { dtype: "BF16", shape: [2], data_offsets: [4, 8] },
        i: { dtype: "I64", shape: [], data_offsets: [8, 16] },
        u: { dtype: "U8", shape: [1, 2], data_offsets: [16, 18] },
        t: { dtype: "BOOL", shape: [1], data_offsets: [18, 19] },
      },
      data,
    );
    expect(fromSafetensors(bytes)).toEqual({
      h: { shape: [2], data: [1, -2] },
      b: { shape: [2], data: [1, 2] },
      i: { shape: [], data: [-1] },
      u: { shape: [1, 2], data: [255, 0] },
      t: { shape: [1], data: [1] },
    });
  });

  it("property: any state dict round-trips exactly in float64, and as Math.fround in float32", () => {
    const entry = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }).chain((shape) =>
      fc.record({
        shape: fc.constant(shape),
        data: fc.array(fc.double(), {
          minLength: shape.reduce((a, b) => a * b, 1),
          maxLength: shape.reduce((a, b) => a * b, 1),
        }),
      }),
    );
    const names = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((n) => n !== "__metadata__" && n !== "__proto__");
    fc.assert(
      fc.property(
        fc.dictionary(names, entry, { maxKeys: 6 }),
        fc.constantFrom("float64" as const, "float32" as const),
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
        (state, dtype, metadata) => {
          const bytes = toSafetensors(state, { dtype, metadata });
          const back = readSafetensors(bytes);
          expect(Object.keys(back.tensors)).toEqual(Object.keys(state));
          for (const [name, { shape, data }] of Object.entries(state)) {
            const round = dtype === "float64" ? data : data.map(Math.fround);
            expect(back.tensors[name]!.shape).toEqual(shape);
            expect(back.tensors[name]!.dtype).toBe(dtype === "float64" ? "F64" : "F32");
            expect(Array.from(back.tensors[name]!.data)).toEqual(round); // Object.is: NaN, −0 kept
          }
          expect(back.metadata).toEqual(metadata);
          expect(Number(new DataView(bytes.buffer).getBigUint64(0, true)) % 8).toBe(0); // data aligned
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: files of every integer and float dtype, written element by element, read back exactly", () => {
    const kinds = {
      F64: [8, (v: DataView, at: number, x: number) => v.setFloat64(at, x, true), fc.double()],
      F32: [4, (v: DataView, at: number, x: number) => v.setFloat32(at, x, true), fc.float()],
      I64: [
        8,
        (v: DataView, at: number, x: number) => v.setBigInt64(at, BigInt(x), true),
        fc.maxSafeInteger(),
      ],
      U64: [8, (v: DataView, at: number, x: number) => v.setBigUint64(at, BigInt(x), true), fc.maxSafeNat()],
      I32: [4, (v: DataView, at: number, x: number) => v.setInt32(at, x, true), fc.integer()],
      U32: [
        4,
        (v: DataView, at: number, x: number) => v.setUint32(at, x, true),
        fc.nat({ max: 2 ** 32 - 1 }),
      ],
      I16: [
        2,
        (v: DataView, at: number, x: number) => v.setInt16(at, x, true),
        fc.integer({ min: -32768, max: 32767 }),
      ],
      U16: [2, (v: DataView, at: number, x: number) => v.setUint16(at, x, true), fc.nat({ max: 65535 })],
      I8: [1, (v: DataView, at: number, x: number) => v.setInt8(at, x), fc.integer({ min: -128, max: 127 })],
      U8: [1, (v: DataView, at: number, x: number) => v.setUint8(at, x), fc.nat({ max: 255 })],
    } as const;
    const tensorOf = fc.constantFrom(...(Object.keys(kinds) as (keyof typeof kinds)[])).chain((dtype) =>
      fc.record({
        dtype: fc.constant(dtype),
        values: fc.array(kinds[dtype][2], { maxLength: 9 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(tensorOf, { maxLength: 5 }), (tensors) => {
        const header: Record<string, unknown> = {};
        let offset = 0;
        tensors.forEach(({ dtype, values }, i) => {
          const end = offset + values.length * kinds[dtype][0];
          header[`t${i}`] = { dtype, shape: [values.length], data_offsets: [offset, end] };
          offset = end;
        });
        const data = new Uint8Array(offset);
        const view = new DataView(data.buffer);
        offset = 0;
        for (const { dtype, values } of tensors) {
          const [size, write] = kinds[dtype];
          values.forEach((x, k) => write(view, offset + k * size, x));
          offset += values.length * size;
        }
        const read = readSafetensors(file(header, data)).tensors;
        tensors.forEach(({ dtype, values }, i) => {
          expect(read[`t${i}`]!.dtype).toBe(dtype);
          expect(Array.from(read[`t${i}`]!.data)).toEqual(dtype === "F32" ? values.map(Math.fround) : values);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("rejects bad input to the writer with messages naming it", () => {
    expect(() => toSafetensors({ a: { shape: [2], data: [1] } })).toThrow(
      /toSafetensors: "a": expected 2 numbers for shape \[2\], got 1/,
    );
    expect(() => toSafetensors({ __metadata__: { shape: [], data: [1] } })).toThrow(
      /other than "", "__metadata__" and "__proto__"/,
    );
    expect(() => toSafetensors({}, { dtype: "int8" as "float32" })).toThrow(
      /expected dtype "float64" or "float32"/,
    );
    expect(() => toSafetensors({}, { metadata: { a: 1 as unknown as string } })).toThrow(
      /metadata to map names to strings/,
    );
  });
});

describe("malformed files give a SafetensorsError naming the rule", () => {
  const ok = { a: { dtype: "F64", shape: [1], data_offsets: [0, 8] } };
  const eight = new Uint8Array(8);
  const cases: [string, Uint8Array, string, RegExp][] = [
    [
      "fewer than 8 bytes",
      new Uint8Array(5),
      "header-length",
      /a file of 5 bytes has no 8-byte header length/,
    ],
    [
      "a header running past the end",
      file(ok, eight, 10_000n),
      "header-length",
      /header length 10000 runs past the end/,
    ],
    [
      "a header over 100 MB",
      file(ok, eight, 100_000_001n),
      "header-too-large",
      /over the limit of 100000000 bytes/,
    ],
    [
      "a header length near 2^64",
      file(ok, eight, 2n ** 64n - 1n),
      "header-too-large",
      /18446744073709551615/,
    ],
    ["a header that is not JSON", file("{nope", eight), "header-json", /not UTF-8 JSON/],
    ["a JSON array header", file("[1]", eight), "header-json", /starts with/],
    ["bad metadata", file({ __metadata__: { k: 1 }, ...ok }, eight), "metadata", /__metadata__\.k is 1/],
    [
      "an unknown dtype",
      file({ a: { dtype: "F128", shape: [1], data_offsets: [0, 8] } }, eight),
      "dtype",
      /"a": unknown dtype "F128"/,
    ],
    [
      "a negative dimension",
      file({ a: { dtype: "F64", shape: [-1], data_offsets: [0, 8] } }, eight),
      "entry",
      /shape to be a list of integers ≥ 0/,
    ],
    [
      "reversed offsets",
      file({ a: { dtype: "F64", shape: [0], data_offsets: [8, 0] } }, eight),
      "entry",
      /0 ≤ begin ≤ end/,
    ],
    [
      "offsets that do not match the shape",
      file({ a: { dtype: "F64", shape: [2], data_offsets: [0, 8] } }, eight),
      "offsets",
      /takes 16 bytes, data_offsets \[0,8\] hold 8/,
    ],
    [
      "overlapping tensors",
      file(
        {
          a: { dtype: "F32", shape: [2], data_offsets: [0, 8] },
          b: { dtype: "F32", shape: [1], data_offsets: [4, 8] },
        },
        eight,
      ),
      "offsets",
      /"b": data_offsets \[4, 8\] overlaps the tensor before it/,
    ],
    [
      "a gap",
      file({ a: { dtype: "F32", shape: [1], data_offsets: [4, 8] } }, eight),
      "offsets",
      /leaves a gap/,
    ],
    [
      "offsets past the end",
      file({ a: { dtype: "F64", shape: [2], data_offsets: [0, 16] } }, eight),
      "offsets",
      /need 16 bytes of data, the file has 8 \(out of range\)/,
    ],
    ["bytes after the last tensor", file(ok, new Uint8Array(12)), "offsets", /4 bytes after the last tensor/],
    ["a __proto__ tensor", file({ ["__proto__"]: ok.a }, eight), "entry", /"__proto__"/],
  ];
  for (const [what, bytes, reason, message] of cases) {
    it(`${what}: ${reason}`, () => {
      expect(reasonOf(() => fromSafetensors(bytes))).toBe(reason);
      expect(() => fromSafetensors(bytes)).toThrow(message);
    });
  }

  it("a non-Uint8Array is a TypeError", () => {
    expect(() => fromSafetensors("file" as unknown as Uint8Array)).toThrow(TypeError);
  });

  it("fuzz: corrupting a valid file anywhere gives the named error or a valid read — never another error or a hang", () => {
    const valid = toSafetensors(
      {
        "0.weight": { shape: [3, 2], data: [1, 2, 3, 4, 5, 6] },
        "0.bias": { shape: [3], data: [0.5, -0.5, 0] },
        "2.weight": { shape: [1, 3], data: [7, 8, 9] },
      },
      { dtype: "float32", metadata: { epochs: "3" } },
    );
    const headerEnd = 8 + Number(new DataView(valid.buffer).getBigUint64(0, true));
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant("byte" as const),
        at: fc.nat(),
        value: fc.integer({ min: 0, max: 255 }),
      }),
      // bytes of the header: quotes, digits, brackets and letters make JSON that parses but lies
      fc.record({
        kind: fc.constant("header" as const),
        at: fc.nat(),
        value: fc.constantFrom(...'0123456789-[]{}":,eFIU '),
      }),
      fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("append" as const), at: fc.nat({ max: 16 }) }),
      fc.record({ kind: fc.constant("length" as const), value: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let bytes = Uint8Array.from(valid);
        for (const e of edits) {
          if (e.kind === "byte") bytes[e.at % bytes.length] = e.value;
          else if (e.kind === "header") bytes[8 + (e.at % (headerEnd - 8))] = e.value.charCodeAt(0);
          else if (e.kind === "truncate") bytes = bytes.subarray(0, e.at % (bytes.length + 1));
          else if (e.kind === "append") bytes = Uint8Array.from([...bytes, ...new Uint8Array(e.at)]);
          else if (bytes.length >= 8)
            new DataView(bytes.buffer, bytes.byteOffset).setBigUint64(0, e.value, true);
        }
        const started = performance.now();
        try {
          const state = fromSafetensors(bytes);
          for (const { shape, data } of Object.values(state)) {
            expect(data.length).toBe(shape.reduce((a, b) => a * b, 1));
          }
        } catch (error) {
          expect(error).toBeInstanceOf(SafetensorsError);
        }
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 2000 },
    );
  });

  it("fuzz: random bytes give the named error or a valid read", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          fromSafetensors(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(SafetensorsError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
