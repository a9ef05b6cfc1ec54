import { describe, expect, it } from "vitest";

import { toDot } from "./to-dot.js";
import { Value } from "./value.js";

describe("toDot", () => {
  it("draws value records and op nodes like micrograd's draw_dot", () => {
    const x = new Value(2, "x");
    const y = x.mul(x);
    y.backward();
    expect(toDot(y)).toBe(
      [
        "digraph G {",
        "  rankdir=LR;",
        "  node [shape=record];",
        '  n0 [label="{ x | data 2.0000 | grad 4.0000 }"];',
        '  n1 [label="{  | data 4.0000 | grad 1.0000 }"];',
        '  n1_op [label="*", shape=circle];',
        "  n1_op -> n1;",
        "  n0 -> n1_op;",
        "  n0 -> n1_op;",
        "}",
      ].join("\n"),
    );
  });

  it("has one record per value, one op node per computed value and one edge per operand", () => {
    const a = new Value(-1.5, "a");
    const b = new Value(0.25, "b");
    const out = a.mul(b).add(a.pow(2)).relu().tanh();
    const dot = toDot(out, { rankdir: "TB", digits: 2 });
    expect(dot).toContain("rankdir=TB;");
    expect(dot.match(/\[label="\{/g)).toHaveLength(7); // a, b, mul, pow, add, relu, tanh
    expect(dot.match(/shape=circle/g)).toHaveLength(5);
    expect(dot.match(/ -> n\d+_op;/g)).toHaveLength(7); // mul 2, pow 1, add 2, relu 1, tanh 1
    expect(dot).toContain('[label="**2", shape=circle]');
    expect(dot).toContain("data -1.50");
  });

  it("escapes record metacharacters in labels and shows non-finite numbers", () => {
    const v = new Value(Infinity, 'a|b{c}"d"');
    expect(toDot(v)).toContain('label="{ a\\|b\\{c\\}\\"d\\" | data Infinity | grad 0.0000 }"');
  });

  it("rejects bad input", () => {
    expect(() => toDot({} as Value)).toThrow(TypeError);
    expect(() => toDot(new Value(1), { rankdir: "RL" as "LR" })).toThrow(/toDot: expected options.rankdir/);
    expect(() => toDot(new Value(1), { digits: -1 })).toThrow(RangeError);
  });
});
