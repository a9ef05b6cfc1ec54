import { describe, expect, it } from "vitest";

import { toMermaid } from "./to-mermaid.js";
import { Value } from "./value.js";

describe("toMermaid", () => {
  it("draws value boxes and round op nodes", () => {
    const x = new Value(2, "x");
    const y = x.mul(x);
    y.backward();
    expect(toMermaid(y)).toBe(
      [
        "flowchart LR",
        '  n0["x | data 2.0000 | grad 4.0000"]',
        '  n1["data 4.0000 | grad 1.0000"]',
        '  n1_op(("*"))',
        "  n1_op --> n1",
        "  n0 --> n1_op",
        "  n0 --> n1_op",
      ].join("\n"),
    );
  });

  it("has one box per value and one edge per operand; escapes quotes", () => {
    const a = new Value(3, 'say "hi" <b>');
    const out = a.sub(1).log().exp();
    out.backward();
    const chart = toMermaid(out, { rankdir: "TB", digits: 1 });
    expect(chart.startsWith("flowchart TB\n")).toBe(true);
    expect(chart.match(/^ {2}n\d+\["/gm)).toHaveLength(5); // a, 1, sub, log, exp
    expect(chart.match(/ --> n\d+_op$/gm)).toHaveLength(4);
    expect(chart).toContain('n0["say #quot;hi#quot; #lt;b#gt; | data 3.0 | grad 1.0"]');
  });

  it("shows tiny and huge numbers in scientific notation", () => {
    expect(toMermaid(new Value(1.5e-9))).toContain("data 1.500e-9");
    expect(toMermaid(new Value(-2.5e12))).toContain("data -2.500e+12");
  });

  it("rejects bad input", () => {
    expect(() => toMermaid(null as unknown as Value)).toThrow(/toMermaid: expected root to be a Value/);
    expect(() => toMermaid(new Value(1), { digits: 1.5 })).toThrow(RangeError);
  });
});
