// The shared extractor and comparer (scripts/doc-examples) on small examples: what they check, and
// that a drifted output, a shown value without `→` and a missing throw each fail.
import { describe, expect, it } from "vitest";
import { tsBlocks } from "../../scripts/doc-examples/markdown-blocks.mjs";
import { createRecorder } from "../../scripts/doc-examples/recorder.mjs";
import { compareOutputs, instrument, shownOutputs } from "../../scripts/doc-examples/shown-outputs.mjs";

/** Runs an example's instrumented body (no imports) with a fresh recorder; returns the differences. */
function check(source: string): string[] {
  const outputs = shownOutputs(source);
  const recorder = createRecorder();
  const console = { log: (...args: unknown[]) => void recorder.log(...args) };
  // The example text is the code under test: evaluating it is the point.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function("__example", "console", instrument(source, outputs)) as (
    r: unknown,
    c: unknown,
  ) => void;
  run(recorder, console);
  return compareOutputs(outputs, recorder.seen as Record<string, never>);
}

describe("shown outputs", () => {
  it("accepts what an example prints, evaluates to and throws", () => {
    const source = [
      "console.log([1, 2]); // [ 1, 2 ]",
      "console.log(0.1 + 0.2);",
      "// 0.30000000000000004",
      "[0.5, 'a']; // → [0.5, \"a\"]",
      "new Float64Array([1, 2]); // → Float64Array [1, 2]  (an aside)",
      "Math.PI; // → 3.14159…",
      "[].at(0); // → undefined",
      "null.x; // TypeError: Cannot read properties of null …",
      "[1].forEach(() => {}); // a remark after a call that returns nothing",
      "let a = 1; // a remark on a declaration",
      "a = 2; // a remark on an assignment",
    ].join("\n");
    expect(check(source)).toEqual([]);
  });

  it("fails a drifted printed output, naming the line", () => {
    expect(check("const x = 2;\nconsole.log(x * 2); // 5")).toEqual([
      "line 2 `console.log(x * 2);`: shown\n      5\n    it printed\n      4",
    ]);
  });

  it("fails a drifted → value", () => {
    expect(check("1 / 3; // → 0.3333333333333334")[0]).toMatch(
      /^line 1 .*its value is\n\s+0.3333333333333333$/s,
    );
  });

  it("fails a value shown without →, and a remark after a call that returns something", () => {
    expect(check("[1, 2].length; // 2")[0]).toMatch(/follows an expression; show its value as/);
    expect(check("[1, 2].map((v) => v); // doubles nothing")[0]).toMatch(/follows a value \(\[ 1, 2 \]\)/);
  });

  it("fails a throw that does not happen, and a different message", () => {
    expect(check("[].at(0); // TypeError: nope")[0]).toMatch(/shown throwing, but it did not throw/);
    expect(check("null.x; // TypeError: something else")[0]).toMatch(/it threw\n\s+TypeError: Cannot read/);
  });

  it("wants a reason for a no-run block and rejects an unknown info string", () => {
    expect(tsBlocks("```ts no-run: a fragment\nx\n```\n")).toEqual([
      { line: 2, source: "x\n", noRun: "a fragment" },
    ]);
    expect(() => tsBlocks("```ts no-run\nx\n```\n", "R.md")).toThrow(/R.md:1: `no-run` needs a reason/);
    expect(() => tsBlocks("```ts skip\nx\n```\n", "R.md")).toThrow(/unknown/);
  });
});
