/**
 * The types users see: the package's declarations, emitted as the build emits them, hold no internal
 * member, so TypeScript's messages about a `Value` or a `Tensor` name only public API.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { emitDeclarations, internalMembers, programFor } from "./public-declarations.js";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "autograd-declarations-"));
  emitDeclarations(dir);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Type-check `code` (a module importing `./index.js`) against the emitted declarations. */
function typeErrors(code: string): string[] {
  const file = join(dir, "consumer.ts");
  writeFileSync(file, code);
  return ts
    .getPreEmitDiagnostics(programFor(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("published declarations", () => {
  it("export Value, Tensor and every other class or interface with no _-prefixed, private or #private member", () => {
    expect(readFileSync(join(dir, "value.d.ts"), "utf8")).toMatch(/declare class Value\b/);
    expect(readFileSync(join(dir, "tensor.d.ts"), "utf8")).toMatch(/declare class Tensor\b/);
    expect(internalMembers(join(dir, "index.d.ts"))).toEqual([]);
  });

  it("would show internal members that were not stripped (the check has teeth)", () => {
    const file = join(dir, "leaky.d.ts");
    writeFileSync(
      file,
      "export declare class A { _a: number; private b; #c; ok(): void }\n" +
        "export interface B { _d: number }\nexport declare namespace N { class C { _e: number } }\n",
    );
    expect(internalMembers(file).sort()).toEqual(["A.#c", "A._a", "A.b", "B._d", "N.C._e"]);
  });

  it("type-check a user's code: messages name only public members; ValueOp is the op names; operands are checked", () => {
    const errors = typeErrors(
      [
        `import { Value, tensor, type ValueOp } from "./index.js";`,
        `type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;`,
        `type Names = "leaf" | "add" | "sub" | "mul" | "div" | "pow" | "neg" | "relu" | "leakyRelu" | "tanh"`,
        `  | "sigmoid" | "exp" | "log" | "abs" | "softplus" | "output" | "sum" | "dot" | "traced";`,
        `export const same: Equal<ValueOp, Names> = true;`,
        `export const op: ValueOp = new Value(2).mul(3).op;`,
        `export const y = tensor([1, 2]).add(1).sum().item() + new Value(1).add(2).data;`,
        `// @ts-expect-error a string is not an operand`,
        `new Value(1).add("2");`,
        `// @ts-expect-error internal fields are not part of the type`,
        `new Value(1)._key;`,
        `export const v: Value = tensor([1]);`,
      ].join("\n"),
    );
    // before: "Type 'Tensor' is missing the following properties from type 'Value': _a, _b, _key, _prev, and 3 more"
    expect(errors).toEqual([
      "Type 'Tensor' is missing the following properties from type 'Value': parents, param, label",
    ]);
  });
});
