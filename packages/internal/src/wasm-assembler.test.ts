import { describe, expect, it } from "vitest";

import {
  F64,
  I32,
  V128,
  assembleModule,
  f64Add,
  f64Div,
  f64Load,
  f64Max,
  f64Mul,
  f64Neg,
  f64Sqrt,
  f64Store,
  f64Sub,
  f32x4Add,
  f32x4Mul,
  f64x2Div,
  f64x2Max,
  f64x2Neg,
  f64x2Splat,
  f64x2Sqrt,
  f64x2Sub,
  i32,
  instantiate as instantiateKernel,
  sleb,
  uleb,
  v128Load,
  v128LoadSplat,
  v128Store,
  whileNot,
  add32,
  ge32,
  type Code,
} from "./wasm-assembler.js";

interface Instance {
  exports: Record<string, (...args: number[]) => number>;
}
const api = (
  globalThis as unknown as {
    WebAssembly: {
      validate(bytes: Uint8Array): boolean;
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: object) => Instance;
      Memory: new (d: { initial: number }) => object;
    };
  }
).WebAssembly;

function instantiate(bytes: Uint8Array): Instance["exports"] {
  const mem = new api.Memory({ initial: 1 });
  return new api.Instance(new api.Module(bytes), { m: { mem } }).exports;
}

describe("wasm-assembler", () => {
  it("encodes LEB128 as the specification's examples", () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(0)).toEqual([0]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-64)).toEqual([0x40]);
    expect(sleb(-65)).toEqual([0xbf, 0x7f]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });

  it("assembles a module WebAssembly accepts, whose functions compute what their bodies say", () => {
    const bytes = assembleModule([
      {
        name: "fma",
        params: [
          ["x", F64],
          ["y", F64],
          ["z", F64],
        ],
        results: [F64],
        locals: [],
        body: (f) => [f64Add(f64Mul(f.get("x"), f.get("y")), f.get("z"))],
      },
      {
        // Σ_{i<n} i with a while loop over named locals
        name: "triangle",
        params: [["n", I32]],
        results: [I32],
        locals: [
          ["i", I32],
          ["total", I32],
        ],
        body: (f) => [
          whileNot(
            ge32(f.get("i"), f.get("n")),
            f.set("total", add32(f.get("total"), f.get("i"))),
            f.set("i", add32(f.get("i"), i32(1))),
          ),
          f.get("total"),
        ],
      },
    ]);
    expect(api.validate(bytes)).toBe(true);
    const { fma, triangle } = instantiate(bytes);
    expect(fma!(3, 4, 0.5)).toBe(12.5);
    expect(triangle!(100)).toBe(4950);
    expect(triangle!(-5)).toBe(0);
  });

  it("names an undeclared local", () => {
    expect(() =>
      assembleModule([{ name: "bad", params: [], results: [], locals: [], body: (f) => [f.get("ghost")] }]),
    ).toThrow(/bad uses undeclared local \$ghost/);
  });

  it("computes each arithmetic instruction as JavaScript does, in f64 and in both f64x2 lanes", () => {
    // f(x, y) at memory 0 and 8 → scalar result at 16; lanes (x, y) op (y, x) → 32 and 40
    type Binary = (a: Code, b: Code) => Code;
    type Unary = (a: Code) => Code;
    const binary: [string, Binary, Binary, (x: number, y: number) => number][] = [
      ["sub", f64Sub, f64x2Sub, (x, y) => x - y],
      ["div", f64Div, f64x2Div, (x, y) => x / y],
      ["max", f64Max, f64x2Max, Math.max],
    ];
    const unary: [string, Unary, Unary, (x: number) => number][] = [
      ["sqrt", f64Sqrt, f64x2Sqrt, Math.sqrt],
      ["neg", f64Neg, f64x2Neg, (x) => -x],
    ];
    const at = (bytes: number) => i32(bytes);
    const swapped = v128Load(at(48)); // (y, x), written there by the caller
    const fns = [
      ...binary.map(([name, scalar, lanes]) => ({
        name,
        params: [],
        results: [],
        locals: [],
        body: () => [
          f64Store(at(16), scalar(f64Load(at(0)), f64Load(at(8)))),
          v128Store(at(32), lanes(v128Load(at(0)), swapped)),
        ],
      })),
      ...unary.map(([name, scalar, lanes]) => ({
        name,
        params: [],
        results: [],
        locals: [],
        body: () => [f64Store(at(16), scalar(f64Load(at(0)))), v128Store(at(32), lanes(v128Load(at(0))))],
      })),
      {
        name: "splat",
        params: [["x", F64] as const],
        results: [],
        locals: [["v", V128] as const],
        body: (f: { get: (n: string) => Code; set: (n: string, v: Code) => Code }) => [
          f.set("v", f64x2Splat(f.get("x"))),
          v128Store(at(32), f.get("v")),
        ],
      },
    ];
    const kernel = instantiateKernel(assembleModule(fns))!;
    expect(kernel).not.toBeNull();
    const heap = new Float64Array(kernel.memory.buffer);
    const call = (name: string, ...args: number[]) =>
      (kernel.exports[name] as (...a: number[]) => void)(...args);
    const samples = [0, -0, 1.5, -2.25, 1e-310, 3e300, Infinity, -Infinity, NaN, 0.1, 7];
    for (const x of samples) {
      for (const y of samples) {
        heap.set([x, y, 0, 0, 0, 0, y, x]);
        for (const [name, , , js] of binary) {
          call(name);
          expect([heap[2], heap[4], heap[5]], `${name}(${x}, ${y})`).toEqual([js(x, y), js(x, y), js(y, x)]);
        }
        for (const [name, , , js] of unary) {
          call(name);
          expect([heap[2], heap[4], heap[5]], `${name}(${x})`).toEqual([js(x), js(x), js(y)]);
        }
      }
      call("splat", x);
      expect([heap[4], heap[5]]).toEqual([x, x]);
    }
  });

  it("f32x4.add and f32x4.mul round each of the four lanes as Math.fround does", () => {
    const at = (bytes: number) => i32(bytes);
    const bytes = assembleModule([
      {
        name: "addmul",
        params: [],
        results: [],
        locals: [],
        body: () => [
          v128Store(at(32), f32x4Add(v128Load(at(0)), v128Load(at(16)))),
          v128Store(at(48), f32x4Mul(v128Load(at(0)), v128Load(at(16)))),
        ],
      },
    ]);
    const kernel = instantiateKernel(bytes)!;
    const lanes = new Float32Array(kernel.memory.buffer);
    const x = [0.1, -3.5, 1e30, NaN];
    const y = [0.2, 1 / 3, 1e10, 2];
    lanes.set([...x, ...y]);
    (kernel.exports["addmul"] as () => void)();
    const f = Math.fround;
    expect([...lanes.subarray(8, 12)]).toEqual(x.map((v, i) => f(f(v) + f(y[i]!))));
    expect([...lanes.subarray(12, 16)]).toEqual(x.map((v, i) => f(f(v) * f(y[i]!))));
  });

  it("v128.load64_splat reads the f64 at address + offset into both lanes", () => {
    const bytes = assembleModule([
      {
        name: "splat",
        params: [["at", I32]],
        results: [],
        locals: [],
        body: (f) => [v128Store(i32(64), v128LoadSplat(f.get("at"), 16))],
      },
    ]);
    const kernel = instantiateKernel(bytes)!;
    const heap = new Float64Array(kernel.memory.buffer);
    heap.set([1, 2, 3, 4, -0, 6]);
    (kernel.exports["splat"] as (at: number) => void)(8); // 8 + 16 bytes: heap[3]
    expect([heap[8], heap[9]]).toEqual([4, 4]);
    (kernel.exports["splat"] as (at: number) => void)(16); // heap[4] = −0, kept
    expect([heap[8], heap[9]]).toEqual([-0, -0]);
  });

  it("instantiate() gives the module its own memory, or null without WebAssembly", () => {
    const bytes = assembleModule([
      {
        name: "one",
        params: [],
        results: [],
        locals: [],
        body: () => [f64Store(i32(8), f64Neg(f64Load(i32(0))))],
      },
    ]);
    const kernel = instantiateKernel(bytes, 3)!;
    expect(kernel.memory.buffer.byteLength).toBe(3 * 65536);
    new Float64Array(kernel.memory.buffer)[0] = 2;
    (kernel.exports["one"] as () => void)();
    expect(new Float64Array(kernel.memory.buffer)[1]).toBe(-2);
    const saved = Object.getOwnPropertyDescriptor(globalThis, "WebAssembly")!;
    Object.defineProperty(globalThis, "WebAssembly", { value: undefined, configurable: true });
    try {
      expect(instantiateKernel(bytes)).toBeNull();
    } finally {
      Object.defineProperty(globalThis, "WebAssembly", saved);
    }
    expect(instantiateKernel(new Uint8Array([0, 1, 2]))).toBeNull(); // rejected bytes
  });
});
