import { describe, expect, it } from "vitest";

import { countCodeLines, declarationText, measureCode, regionText } from "./code-complexity.js";

describe("countCodeLines", () => {
  it("skips blank lines, line comments and block comments, counts code with trailing comments", () => {
    const source = [
      "/**",
      " * TSDoc",
      " */",
      "export function f(): number {",
      "  // a comment",
      "",
      "  const x = 1; // trailing",
      "  /* inline */ return x;",
      "  /* spans",
      "     lines */",
      "}",
    ].join("\n");
    expect(countCodeLines(source)).toBe(4);
  });

  it("counts nothing in an empty source", () => {
    expect(countCodeLines("")).toBe(0);
  });
});

describe("regionText", () => {
  it("returns the lines between the markers", () => {
    const source = "a\n  // #region loop\nb\nc\n  // #endregion\nd";
    expect(regionText(source, "loop")).toBe("b\nc");
    expect(regionText(source, "other")).toBeUndefined();
  });
});

describe("declarationText", () => {
  const source = [
    "/** doc */",
    "export function f(options: { a: number }): { b: number } {",
    "  if (options.a) {",
    "    return { b: 1 };",
    "  }",
    "  return { b: 2 };",
    "}",
    "",
    "export class C extends Base {",
    "  m() {}",
    "}",
  ].join("\n");

  it("finds a function past object types in its signature", () => {
    expect(declarationText(source, "f")?.split("\n")).toHaveLength(6);
  });

  it("finds a class", () => {
    expect(declarationText(source, "C")).toBe("export class C extends Base {\n  m() {}\n}");
  });

  it("returns undefined for a missing name", () => {
    expect(declarationText(source, "g")).toBeUndefined();
  });
});

describe("measureCode", () => {
  it("reads the app's own source next to this module", () => {
    const measured = measureCode({ kind: "app", file: "code-complexity.ts", region: "does-not-exist" });
    expect(measured.lines).toBeNull();
  });
});
