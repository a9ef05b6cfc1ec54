/**
 * The part of Protocol Buffers' wire format an ONNX model needs: varints (wire type 0), 32-bit floats
 * (type 5) and length-delimited strings, bytes and nested messages (type 2). A message is written into
 * its own writer and then embedded with its length, so nesting stays a plain function call.
 */
import { expected } from "@neurogebra/internal";

const encoder = new TextEncoder();

/** Wire types of the format. */
const VARINT = 0;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

/**
 * Builds one protobuf message, field by field, in the order they are written.
 *
 * @example
 * ```ts
 * const bytes = new ProtoWriter().int64(1, 8).string(2, "neurogebra").finish(); // [8, 8, 18, 10, …]
 * ```
 */
export class ProtoWriter {
  readonly #chunks: Uint8Array[] = [];
  #pending: number[] = [];

  #flush(): void {
    if (this.#pending.length > 0) {
      this.#chunks.push(Uint8Array.from(this.#pending));
      this.#pending = [];
    }
  }

  #varint(value: bigint): void {
    let v = BigInt.asUintN(64, value); // negative numbers: ten bytes of two's complement, as int64 is
    do {
      const byte = Number(v & 0x7fn);
      v >>= 7n;
      this.#pending.push(v === 0n ? byte : byte | 0x80);
    } while (v !== 0n);
  }

  #tag(field: number, wireType: number): void {
    this.#varint(BigInt((field << 3) | wireType));
  }

  /** An `int64` / `int32` / enum field (a varint; negative values as 64-bit two's complement). */
  int64(field: number, value: number): this {
    if (!Number.isSafeInteger(value))
      throw new RangeError(expected("ProtoWriter.int64", "a safe integer", value));
    this.#tag(field, VARINT);
    this.#varint(BigInt(value));
    return this;
  }

  /** A `float` field: 4 bytes, little-endian, the value rounded to float32. */
  float(field: number, value: number): this {
    this.#tag(field, FIXED32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.#pending.push(...bytes);
    return this;
  }

  /** A `bytes` field. */
  bytes(field: number, value: Uint8Array): this {
    this.#tag(field, LENGTH_DELIMITED);
    this.#varint(BigInt(value.length));
    this.#flush();
    this.#chunks.push(value);
    return this;
  }

  /** A `string` field (UTF-8). */
  string(field: number, value: string): this {
    return this.bytes(field, encoder.encode(value));
  }

  /** An embedded message field, written by `build` into a writer of its own. */
  message(field: number, build: (writer: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  /** The message's bytes. */
  finish(): Uint8Array {
    this.#flush();
    const length = this.#chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(length);
    let at = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}
