import { promisify } from "node:util";
import { deflate, deflateSync } from "node:zlib";

const deflateAsync = promisify(deflate);

/** CRC-32 (ISO-HDLC, the one PNG chunks use), table-driven. */
const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function checkPixels(fn: string, width: number, height: number, rgba: Uint8Array): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`${fn}: expected width and height to be positive integers, got ${width}×${height}`);
  }
  if (rgba.length !== width * height * 4) {
    throw new RangeError(
      `${fn}: expected rgba to hold width·height·4 = ${width * height * 4} bytes, got ${rgba.length}`,
    );
  }
}

/** The IHDR header and the filtered scanlines (filter type None on every row). */
function scanlines(width: number, height: number, rgba: Uint8Array): { header: Buffer; raw: Buffer } {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // compression, filter and interlace methods stay 0
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let row = 0; row < height; row++) {
    raw[row * (stride + 1)] = 0; // filter type None
    raw.set(rgba.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1);
  }
  return { header, raw };
}

function assemble(header: Buffer, compressed: Uint8Array): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", compressed),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/**
 * Encodes 8-bit RGBA pixels (row-major, top row first) as a PNG file.
 * Used for the raster layers of the decision-region and neuron-activation figures.
 *
 * @example
 * ```ts
 * const red = encodePng(1, 1, new Uint8Array([255, 0, 0, 255]));
 * ```
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  checkPixels("encodePng", width, height, rgba);
  const { header, raw } = scanlines(width, height, rgba);
  return assemble(header, deflateSync(raw));
}

/**
 * {@link encodePng} with the compression on libuv's thread pool (for full-size figure PNGs).
 *
 * @example
 * ```ts
 * const png = await encodePngAsync(image.width, image.height, image.pixels);
 * ```
 */
export async function encodePngAsync(width: number, height: number, rgba: Uint8Array): Promise<Buffer> {
  checkPixels("encodePngAsync", width, height, rgba);
  const { header, raw } = scanlines(width, height, rgba);
  return assemble(header, await deflateAsync(raw));
}
