import { describe, expect, it } from "vitest";

import {
  F64,
  I32,
  assembleModule,
  f64Add,
  f64Mul,
  i32,
  sleb,
  uleb,
  whileNot,
  add32,
  ge32,
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
});
