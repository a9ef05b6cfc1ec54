/**
 * The safetensors format (Hugging Face's, read by PyTorch, JAX, candle, …): an 8-byte little-endian
 * header length N, N bytes of JSON `{ name: { dtype, shape, data_offsets: [begin, end] }, …,
 * "__metadata__": { key: "string" } }`, then the raw little-endian data, the offsets counted from its
 * start. Readers must refuse a file whose offsets overlap, leave gaps or run past the end.
 */
import type { StateDict } from "@neurogebra/nn";
import { describe, expected } from "@neurogebra/internal";

/**
 * What was wrong with a safetensors file (the `reason` of a {@link SafetensorsError}).
 *
 * @example
 * ```ts
 * let reason: SafetensorsErrorReason | undefined;
 * try { readSafetensors(new Uint8Array(3)); } catch (e) { if (e instanceof SafetensorsError) reason = e.reason; }
 * reason; // → "header-length"
 * ```
 */
export type SafetensorsErrorReason =
  "header-length" | "header-too-large" | "header-json" | "metadata" | "entry" | "dtype" | "offsets";

/**
 * A malformed safetensors file: `reason` says which rule it broke — `"header-length"` (fewer than 8
 * bytes, or a header running past the end), `"header-too-large"` (over 100 MB), `"header-json"` (not a
 * JSON object), `"metadata"`, `"entry"` (a tensor without a proper dtype, shape or data_offsets),
 * `"dtype"` (unknown), `"offsets"` (overlapping, with gaps, out of range, or not matching the shape).
 *
 * @example
 * ```ts
 * try { fromSafetensors(new Uint8Array(3)); } catch (e) {
 *   if (e instanceof SafetensorsError) console.log(e.reason); // "header-length"
 * }
 * ```
 */
export class SafetensorsError extends Error {
  override readonly name = "SafetensorsError";
  readonly reason: SafetensorsErrorReason;

  constructor(reason: SafetensorsErrorReason, message: string) {
    super(`fromSafetensors: ${message}`);
    this.reason = reason;
  }
}

/** The element types the format defines that we read, with their sizes in bytes. */
const DTYPE_BYTES = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U64: 8,
  U32: 4,
  U16: 2,
  U8: 1,
  BOOL: 1,
} as const;

/**
 * An element type of a safetensors file.
 *
 * @example
 * ```ts
 * const dtype: SafetensorsDtype = "F32";
 * readSafetensors(toSafetensors(exportStateDict(model), { dtype: "float32" })).tensors["0.weight"]?.dtype === dtype; // → true
 * ```
 */
export type SafetensorsDtype = keyof typeof DTYPE_BYTES;

/** The largest header we read, as the reference implementation: 100 MB. */
export const MAX_HEADER_BYTES = 100_000_000;

/**
 * Options of {@link toSafetensors}.
 *
 * @example
 * ```ts
 * const options: ToSafetensorsOptions = { dtype: "float32", metadata: { epochs: "30" } };
 * readSafetensors(toSafetensors(exportStateDict(model), options)).tensors["0.bias"]?.dtype; // → "F32"
 * ```
 */
export interface ToSafetensorsOptions {
  /** Element type of every tensor (default `"float64"`, our precision; `"float32"` rounds). */
  dtype?: "float64" | "float32";
  /** String pairs stored under `__metadata__`. */
  metadata?: Record<string, string>;
}

/**
 * One tensor as read from a file: its stored dtype and shape, and its numbers as float64.
 *
 * @example
 * ```ts
 * const bias: SafetensorsTensor | undefined = readSafetensors(toSafetensors(exportStateDict(model))).tensors["0.bias"];
 * [bias?.dtype, bias?.shape]; // → ["F64", [16]]
 * ```
 */
export interface SafetensorsTensor {
  dtype: SafetensorsDtype;
  shape: number[];
  data: Float64Array;
}

function checkStateDict(stateDict: unknown): [string, number[], ArrayLike<number>][] {
  if (stateDict === null || typeof stateDict !== "object" || Array.isArray(stateDict)) {
    throw new TypeError(expected("toSafetensors", "a state dict { name: { shape, data } }", stateDict));
  }
  return Object.entries(stateDict as Record<string, unknown>).map(([name, entry]) => {
    const { shape, data } = (entry ?? {}) as { shape?: unknown; data?: unknown };
    if (name === "" || name === "__metadata__" || name === "__proto__") {
      throw new RangeError(
        expected("toSafetensors", `tensor names other than "", "__metadata__" and "__proto__"`, name),
      );
    }
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) {
      throw new TypeError(expected(`toSafetensors: "${name}"`, "shape to be a list of integers ≥ 0", shape));
    }
    const size = (shape as number[]).reduce((a, b) => a * b, 1);
    const ok = Array.isArray(data) || data instanceof Float64Array || data instanceof Float32Array;
    if (!ok || (data as ArrayLike<number>).length !== size) {
      throw new RangeError(
        `toSafetensors: "${name}": expected ${size} numbers for shape ${JSON.stringify(shape)}, got ${ok ? (data as ArrayLike<number>).length : describe(data)}`,
      );
    }
    return [name, [...(shape as number[])], data as ArrayLike<number>];
  });
}

/**
 * Write a state dict (PyTorch names and layouts, e.g. `0.weight` of shape `[out, in]`) as a safetensors
 * file. Tensors keep the state dict's order; the header is padded with spaces to 8 bytes so the data is
 * aligned; numbers are little-endian.
 *
 * @example
 * ```ts
 * const bytes = toSafetensors(exportStateDict(model), { metadata: { epochs: "30" } });
 * writeFileSync("model.safetensors", bytes); // torch: see the README for a 10-line reader
 * ```
 */
export function toSafetensors(stateDict: StateDict, options: ToSafetensorsOptions = {}): Uint8Array {
  const entries = checkStateDict(stateDict);
  const dtype = options.dtype ?? "float64";
  if (dtype !== "float64" && dtype !== "float32") {
    throw new RangeError(expected("toSafetensors", `dtype "float64" or "float32"`, dtype));
  }
  const size = dtype === "float64" ? 8 : 4;
  const header: Record<string, unknown> = {};
  if (options.metadata !== undefined) {
    const metadata: unknown = options.metadata;
    if (
      metadata === null ||
      typeof metadata !== "object" ||
      !Object.values(metadata).every((v) => typeof v === "string")
    ) {
      throw new TypeError(expected("toSafetensors", "metadata to map names to strings", metadata));
    }
    header["__metadata__"] = metadata;
  }
  let offset = 0;
  for (const [name, shape, data] of entries) {
    header[name] = {
      dtype: dtype === "float64" ? "F64" : "F32",
      shape,
      data_offsets: [offset, offset + data.length * size],
    };
    offset += data.length * size;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) {
    const spaced = new Uint8Array(padded).fill(0x20);
    spaced.set(json);
    json = spaced;
  }
  const bytes = new Uint8Array(8 + json.length + offset);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, BigInt(json.length), true);
  bytes.set(json, 8);
  let at = 8 + json.length;
  for (const [, , data] of entries) {
    for (let i = 0; i < data.length; i++, at += size) {
      if (size === 8) view.setFloat64(at, data[i]!, true);
      else view.setFloat32(at, data[i]!, true);
    }
  }
  return bytes;
}

/** IEEE half precision to a number. */
function halfToNumber(bits: number): number {
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  const sign = bits & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

function readElements(view: DataView, at: number, dtype: SafetensorsDtype, count: number): Float64Array {
  const out = new Float64Array(count);
  const step = DTYPE_BYTES[dtype];
  const scratch = new DataView(new ArrayBuffer(4));
  const read: (p: number) => number = {
    F64: (p: number) => view.getFloat64(p, true),
    F32: (p: number) => view.getFloat32(p, true),
    F16: (p: number) => halfToNumber(view.getUint16(p, true)),
    BF16: (p: number) => {
      scratch.setUint32(0, view.getUint16(p, true) << 16, true);
      return scratch.getFloat32(0, true);
    },
    I64: (p: number) => Number(view.getBigInt64(p, true)),
    I32: (p: number) => view.getInt32(p, true),
    I16: (p: number) => view.getInt16(p, true),
    I8: (p: number) => view.getInt8(p),
    U64: (p: number) => Number(view.getBigUint64(p, true)),
    U32: (p: number) => view.getUint32(p, true),
    U16: (p: number) => view.getUint16(p, true),
    U8: (p: number) => view.getUint8(p),
    BOOL: (p: number) => (view.getUint8(p) === 0 ? 0 : 1),
  }[dtype];
  for (let i = 0; i < count; i++) out[i] = read(at + i * step);
  return out;
}

/**
 * Read a safetensors file completely: every tensor with its dtype, shape and numbers (converted to
 * float64; 64-bit integers beyond 2⁵³ round), and the `__metadata__`. Every rule of the format is
 * checked before any data is read; a malformed file throws a {@link SafetensorsError}.
 *
 * @example
 * ```ts
 * writeFileSync("trained.safetensors", toSafetensors(exportStateDict(model), { metadata: { epochs: "30" } }));
 * const { tensors, metadata } = readSafetensors(readFileSync("trained.safetensors"));
 * tensors["0.weight"]?.dtype; // → "F64"
 * metadata; // → { epochs: "30" }
 * ```
 */
export function readSafetensors(bytes: Uint8Array): {
  tensors: Record<string, SafetensorsTensor>;
  metadata: Record<string, string>;
} {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(expected("fromSafetensors", "bytes to be a Uint8Array", bytes));
  }
  if (bytes.length < 8) {
    throw new SafetensorsError(
      "header-length",
      `a file of ${bytes.length} bytes has no 8-byte header length`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getBigUint64(0, true);
  if (n > BigInt(MAX_HEADER_BYTES)) {
    throw new SafetensorsError(
      "header-too-large",
      `the header length ${n} is over the limit of ${MAX_HEADER_BYTES} bytes`,
    );
  }
  const headerLength = Number(n);
  if (8 + headerLength > bytes.length) {
    throw new SafetensorsError(
      "header-length",
      `the header length ${headerLength} runs past the end of the file (${bytes.length - 8} bytes after the length)`,
    );
  }
  let header: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + headerLength));
    if (!text.startsWith("{")) throw new Error(`it starts with ${JSON.stringify(text.slice(0, 10))}`);
    header = JSON.parse(text);
  } catch (error) {
    throw new SafetensorsError("header-json", `the header is not UTF-8 JSON: ${(error as Error).message}`);
  }
  if (header === null || typeof header !== "object" || Array.isArray(header)) {
    throw new SafetensorsError("header-json", `the header is not a JSON object`);
  }
  const dataStart = 8 + headerLength;
  const dataLength = bytes.length - dataStart;
  const metadata: Record<string, string> = {};
  const entries: { name: string; dtype: SafetensorsDtype; shape: number[]; begin: number; end: number }[] =
    [];
  for (const [name, value] of Object.entries(header as Record<string, unknown>)) {
    if (name === "__metadata__") {
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw new SafetensorsError("metadata", `__metadata__ is not an object of strings`);
      }
      for (const [key, text] of Object.entries(value as Record<string, unknown>)) {
        if (typeof text !== "string") {
          throw new SafetensorsError(
            "metadata",
            `__metadata__.${key} is ${JSON.stringify(text)}, not a string`,
          );
        }
        Object.defineProperty(metadata, key, {
          value: text,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      continue;
    }
    if (name === "__proto__" || value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new SafetensorsError("entry", expected(`"${name}"`, "{ dtype, shape, data_offsets }", value));
    }
    const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
    if (typeof dtype !== "string") {
      throw new SafetensorsError("entry", expected(`"${name}"`, "a dtype string", dtype));
    }
    if (!Object.prototype.hasOwnProperty.call(DTYPE_BYTES, dtype)) {
      throw new SafetensorsError(
        "dtype",
        `"${name}": unknown dtype ${JSON.stringify(dtype)} (expected one of ${Object.keys(DTYPE_BYTES).join(", ")})`,
      );
    }
    const isCount = (d: unknown): d is number => Number.isSafeInteger(d) && (d as number) >= 0;
    if (!Array.isArray(shape) || !shape.every(isCount)) {
      throw new SafetensorsError("entry", expected(`"${name}"`, "shape to be a list of integers ≥ 0", shape));
    }
    if (
      !Array.isArray(offsets) ||
      offsets.length !== 2 ||
      !offsets.every(isCount) ||
      offsets[0]! > offsets[1]!
    ) {
      throw new SafetensorsError(
        "entry",
        expected(`"${name}"`, "data_offsets [begin, end] with 0 ≤ begin ≤ end", offsets),
      );
    }
    const [begin, end] = offsets as [number, number];
    const byteCount = shape.reduce((a: number, d: number) => a * d, DTYPE_BYTES[dtype as SafetensorsDtype]);
    if (byteCount !== end - begin) {
      throw new SafetensorsError(
        "offsets",
        `"${name}": shape ${JSON.stringify(shape)} of ${dtype} takes ${byteCount} bytes, data_offsets ${JSON.stringify(offsets)} hold ${end - begin}`,
      );
    }
    entries.push({ name, dtype: dtype as SafetensorsDtype, shape, begin, end });
  }
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (const entry of sorted) {
    if (entry.begin !== covered) {
      const what =
        entry.begin < covered ? "overlaps the tensor before it" : "leaves a gap after the tensor before it";
      throw new SafetensorsError(
        "offsets",
        `"${entry.name}": data_offsets [${entry.begin}, ${entry.end}] ${what} (ending at ${covered})`,
      );
    }
    covered = entry.end;
  }
  if (covered !== dataLength) {
    throw new SafetensorsError(
      "offsets",
      covered > dataLength
        ? `the tensors need ${covered} bytes of data, the file has ${dataLength} (out of range)`
        : `the file has ${dataLength - covered} bytes after the last tensor`,
    );
  }
  const tensors: Record<string, SafetensorsTensor> = {};
  for (const { name, dtype, shape, begin, end } of entries) {
    const count = (end - begin) / DTYPE_BYTES[dtype];
    tensors[name] = { dtype, shape, data: readElements(view, dataStart + begin, dtype, count) };
  }
  return { tensors, metadata };
}

/**
 * Read a safetensors file into a state dict (`{ name: { shape, data } }`, numbers as float64), ready for
 * `Sequential.loadStateDict` or {@link loadExportedStateDict}. Malformed files throw a
 * {@link SafetensorsError}; see {@link readSafetensors} for the dtypes and the metadata.
 *
 * @example
 * ```ts
 * writeFileSync("trained.safetensors", toSafetensors(exportStateDict(model))); // after training
 * model.loadStateDict(fromSafetensors(readFileSync("trained.safetensors")));
 * ```
 */
export function fromSafetensors(bytes: Uint8Array): StateDict {
  const { tensors } = readSafetensors(bytes);
  const state: StateDict = {};
  for (const [name, { shape, data }] of Object.entries(tensors))
    state[name] = { shape, data: Array.from(data) };
  return state;
}
