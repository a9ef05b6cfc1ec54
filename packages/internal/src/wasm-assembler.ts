/**
 * A tiny WebAssembly assembler: enough of the binary format to write a numeric kernel in TypeScript,
 * one instruction per call, and get the bytes of a module that imports one memory — no toolchain, no
 * generated file in the repository, nothing to download.
 *
 * Instructions are built the way WebAssembly's text format writes folded expressions: `add32(a, b)`
 * is the code of `a`, then of `b`, then the `i32.add` opcode — so a kernel reads like its `.wat`.
 * Locals are named; `assembleModule` numbers them. Only the instructions the kernels use are here; the
 * opcodes are those of the WebAssembly 2.0 specification (§5.4, "Instructions"; SIMD under prefix 0xFD).
 *
 * @example
 * ```ts
 * const bytes = assembleModule([
 *   { name: "twice", params: [["x", F64]], results: [F64], locals: [], body: (f) => [f64Add(f.get("x"), f.get("x"))] },
 * ]);
 * // new WebAssembly.Instance(new WebAssembly.Module(bytes), { m: { mem } }).exports.twice(2) === 4
 * ```
 */

/** A run of instruction bytes. */
export type Code = readonly number[];

/** Value types (§5.3.1). */
export const I32 = 0x7f;
/** 64-bit float. */
export const F64 = 0x7c;
/** 128-bit SIMD vector. */
export const V128 = 0x7b;
/** One of the value types above. */
export type ValueType = typeof I32 | typeof F64 | typeof V128;

/** A function of the module: its signature, its named locals and a body built from them. */
export interface FunctionSpec {
  /** Export name. */
  readonly name: string;
  /** Parameters, in order: `[name, type]`. */
  readonly params: readonly (readonly [string, ValueType])[];
  /** Result types (empty for none). */
  readonly results: readonly ValueType[];
  /** Extra locals: `[name, type]`. */
  readonly locals: readonly (readonly [string, ValueType])[];
  /** The instructions, given accessors for the named locals. */
  readonly body: (f: Locals) => readonly Code[];
}

/** Reading and writing named locals (parameters included). */
export interface Locals {
  /** `local.get $name` */
  readonly get: (name: string) => Code;
  /** `local.set $name value` */
  readonly set: (name: string, value: Code) => Code;
}

// ─── Encoding helpers (§5.2) ───

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const utf8 = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const vector = (items: readonly (readonly number[])[]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: readonly number[]): number[] => [id, ...uleb(body.length), ...body];
const cat = (...parts: readonly Code[]): Code => parts.flat();

// ─── Instructions ───

/** `i32.const n` */
export const i32 = (n: number): Code => [0x41, ...sleb(n)];
/** `f64.const 0` */
export const f64Zero: Code = [0x44, 0, 0, 0, 0, 0, 0, 0, 0];
/** `v128.const f64x2 0 0` */
export const v128Zero: Code = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];

/** `i32.add` */
export const add32 = (a: Code, b: Code): Code => cat(a, b, [0x6a]);
/** `i32.mul` */
export const mul32 = (a: Code, b: Code): Code => cat(a, b, [0x6c]);
/** `i32.shl` */
export const shl32 = (a: Code, b: Code): Code => cat(a, b, [0x74]);
/** `i32.lt_s` */
export const lt32 = (a: Code, b: Code): Code => cat(a, b, [0x48]);
/** `i32.gt_s` */
export const gt32 = (a: Code, b: Code): Code => cat(a, b, [0x4a]);
/** `i32.ge_s` */
export const ge32 = (a: Code, b: Code): Code => cat(a, b, [0x4e]);

/** `f64.add` */
export const f64Add = (a: Code, b: Code): Code => cat(a, b, [0xa0]);
/** `f64.sub` */
export const f64Sub = (a: Code, b: Code): Code => cat(a, b, [0xa1]);
/** `f64.mul` */
export const f64Mul = (a: Code, b: Code): Code => cat(a, b, [0xa2]);
/** `f64.div` */
export const f64Div = (a: Code, b: Code): Code => cat(a, b, [0xa3]);
/** `f64.max` (NaN if either is NaN; max(−0, +0) = +0, as `Math.max`) */
export const f64Max = (a: Code, b: Code): Code => cat(a, b, [0xa5]);
/** `f64.sqrt` (correctly rounded, as `Math.sqrt`) */
export const f64Sqrt = (a: Code): Code => cat(a, [0x9f]);
/** `f64.neg` */
export const f64Neg = (a: Code): Code => cat(a, [0x9a]);
/** `f64.load offset=… (address)`, 8-byte aligned. */
export const f64Load = (address: Code, offset = 0): Code => cat(address, [0x2b, 3, ...uleb(offset)]);
/** `f64.store offset=… (address) (value)` */
export const f64Store = (address: Code, value: Code, offset = 0): Code =>
  cat(address, value, [0x39, 3, ...uleb(offset)]);

const simd = (opcode: number): number[] => [0xfd, ...uleb(opcode)];
/** `f64x2.add` (lane-wise, each lane rounded as `f64.add`) */
export const f64x2Add = (a: Code, b: Code): Code => cat(a, b, simd(240));
/** `f64x2.sub` (lane-wise) */
export const f64x2Sub = (a: Code, b: Code): Code => cat(a, b, simd(241));
/** `f64x2.mul` (lane-wise, each lane rounded as `f64.mul`) */
export const f64x2Mul = (a: Code, b: Code): Code => cat(a, b, simd(242));
/** `f64x2.div` (lane-wise) */
export const f64x2Div = (a: Code, b: Code): Code => cat(a, b, simd(243));
/** `f64x2.max` (lane-wise, as `f64.max`) */
export const f64x2Max = (a: Code, b: Code): Code => cat(a, b, simd(245));
/** `f64x2.sqrt` (lane-wise) */
export const f64x2Sqrt = (a: Code): Code => cat(a, simd(239));
/** `f64x2.neg` (lane-wise) */
export const f64x2Neg = (a: Code): Code => cat(a, simd(237));
/** `f32x4.add` (lane-wise, each lane rounded as a float32 addition) */
export const f32x4Add = (a: Code, b: Code): Code => cat(a, b, simd(228));
/** `f32x4.mul` (lane-wise, each lane rounded as a float32 multiplication) */
export const f32x4Mul = (a: Code, b: Code): Code => cat(a, b, simd(230));
/** `f64x2.splat`: an f64 in both lanes. */
export const f64x2Splat = (a: Code): Code => cat(a, simd(20));
/** `v128.load offset=… (address)`: two f64 lanes. */
export const v128Load = (address: Code, offset = 0): Code => cat(address, simd(0), [4, ...uleb(offset)]);
/** `v128.load64_splat offset=… (address)`: one f64 in both lanes. */
export const v128LoadSplat = (address: Code, offset = 0): Code =>
  cat(address, simd(10), [3, ...uleb(offset)]);
/** `v128.store offset=… (address) (value)` */
export const v128Store = (address: Code, value: Code, offset = 0): Code =>
  cat(address, value, simd(11), [4, ...uleb(offset)]);

/**
 * `(block (loop (br_if 1 (until)) …body… (br 0)))`: repeat `body` until `until` is true, tested before
 * each pass — a `while (!until)` loop.
 */
export const whileNot = (until: Code, ...body: readonly Code[]): Code =>
  cat([0x02, 0x40, 0x03, 0x40], until, [0x0d, 1], ...body, [0x0c, 0, 0x0b, 0x0b]);

/** `(if (condition) (then …body…))` */
export const when = (condition: Code, ...body: readonly Code[]): Code =>
  cat(condition, [0x04, 0x40], ...body, [0x0b]);

// ─── Module (§5.5) ───

/**
 * The bytes of a module that imports its memory as `m.mem` (at least one page) and exports `functions`.
 *
 * @throws RangeError if a body names a local that was not declared.
 */
export function assembleModule(functions: readonly FunctionSpec[]): Uint8Array {
  const types = functions.map((fn) => [
    0x60,
    ...vector(fn.params.map(([, t]) => [t])),
    ...vector(fn.results.map((t) => [t])),
  ]);
  const imports = vector([[...utf8("m"), ...utf8("mem"), 0x02, 0x00, 0x01]]); // memory, limits {min 1}
  const declared = vector(functions.map((_, i) => uleb(i))); // function i has type i
  const exports = vector(functions.map((fn, i) => [...utf8(fn.name), 0x00, ...uleb(i)]));
  const bodies = functions.map((fn) => {
    const index = new Map<string, number>();
    [...fn.params, ...fn.locals].forEach(([name], i) => index.set(name, i));
    const local = (name: string): number[] => {
      const i = index.get(name);
      if (i === undefined) throw new RangeError(`assembleModule: ${fn.name} uses undeclared local $${name}`);
      return uleb(i);
    };
    const f: Locals = {
      get: (name) => [0x20, ...local(name)],
      set: (name, value) => cat(value, [0x21, ...local(name)]),
    };
    // locals are declared as runs of one type
    const runs: number[][] = [];
    for (const [, t] of fn.locals) {
      const last = runs.at(-1);
      if (last !== undefined && last[1] === t) last[0]!++;
      else runs.push([1, t]);
    }
    const code = [...vector(runs.map(([n, t]) => [...uleb(n!), t!])), ...fn.body(f).flat(), 0x0b];
    return [...uleb(code.length), ...code];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, imports),
    ...section(3, declared),
    ...section(7, exports),
    ...section(10, vector(bodies)),
  ]);
}

// ─── Instantiation ───

/** The parts of the WebAssembly API used here (declared locally: the package builds without DOM types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  CompileError: new (message?: string) => Error;
}

/** A WebAssembly memory: its bytes, and `grow` (which detaches every view of the old `buffer`). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** An instantiated module and the memory it was given. */
export interface WasmInstance {
  /** The module's exports: its functions, by name. */
  readonly exports: Record<string, unknown>;
  readonly memory: WasmMemory;
}

/**
 * Compile `bytes` (a module of {@link assembleModule}) and instantiate it over a new memory of `pages`
 * 64 KiB pages. Returns null where WebAssembly is missing (`node --jitless`, old runtimes), rejects the
 * module (a runtime without SIMD) or may not compile it (a page whose Content-Security-Policy lacks
 * `'wasm-unsafe-eval'` makes `WebAssembly.Module` throw a `CompileError`), so the caller can run its
 * JavaScript code instead.
 *
 * @example
 * ```ts
 * const { F64, assembleModule, f64Add } = wasm;
 * const bytes = assembleModule([
 *   { name: "twice", params: [["x", F64]], results: [F64], locals: [], body: (f) => [f64Add(f.get("x"), f.get("x"))] },
 * ]);
 * const kernel = wasm.instantiate(bytes, 2);
 * kernel === null ? "no WebAssembly" : (kernel.exports["twice"] as (x: number) => number)(2); // → 4
 * ```
 */
export function instantiate(bytes: Uint8Array, pages = 1): WasmInstance | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined || !api.validate(bytes)) return null;
  let module: object;
  try {
    module = new api.Module(bytes);
  } catch (error) {
    if (error instanceof api.CompileError) return null; // compiling refused, e.g. by the page's CSP
    throw error;
  }
  const memory = new api.Memory({ initial: pages });
  const instance = new api.Instance(module, { m: { mem: memory } });
  return { exports: instance.exports, memory };
}
