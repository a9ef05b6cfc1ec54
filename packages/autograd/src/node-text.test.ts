import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { drawnNodes } from "./node-text.js";
import { toDot } from "./to-dot.js";
import { toMermaid } from "./to-mermaid.js";
import { Value } from "./value.js";
import { dot, sum } from "./value-sums.js";

/** The same neuron twice: with the fused `dot` node, and spelled out as micrograd's `*`/`+` chain. */
function neuronPair(ws: number[], xs: number[], bias: number | null, squareIt: boolean) {
  const leaves = () => ({
    w: ws.map((v, i) => new Value(v, `w${i + 1}`)),
    x: xs.map((v, i) => new Value(v, `x${i + 1}`)),
    b: bias === null ? null : new Value(bias, "b"),
  });
  const finish = (z: Value) => {
    const out = squareIt ? z.mul(z) : z.relu(); // squaring uses the fused node twice
    out.backward();
    return out;
  };
  const f = leaves();
  const fused = finish(dot(f.w, f.x, f.b ?? undefined));
  const u = leaves();
  let acc = u.b ?? new Value(0); // Python's sum(…) starts from 0
  u.w.forEach((w, i) => (acc = acc.add(w.mul(u.x[i]!))));
  return { fused, unfused: finish(acc) };
}

describe("drawings with expandFused", () => {
  it("draw a neuron's dot exactly as the unfused micrograd graph: same nodes, order, data and grads", () => {
    const { fused, unfused } = neuronPair([0.41, -1.2], [0.5, -0.3], 0.3, false);
    expect(toDot(fused, { expandFused: true })).toBe(toDot(unfused));
    expect(toMermaid(fused, { expandFused: true })).toBe(toMermaid(unfused));
    expect(toMermaid(fused, { expandFused: true })).toBe(
      [
        "flowchart LR",
        '  n0["b | data 0.3000 | grad 1.0000"]',
        '  n1["w1 | data 0.4100 | grad 0.5000"]',
        '  n2["x1 | data 0.5000 | grad 0.4100"]',
        '  n3["data 0.2050 | grad 1.0000"]',
        '  n3_op(("*"))',
        "  n3_op --> n3",
        "  n1 --> n3_op",
        "  n2 --> n3_op",
        '  n4["data 0.5050 | grad 1.0000"]',
        '  n4_op(("+"))',
        "  n4_op --> n4",
        "  n0 --> n4_op",
        "  n3 --> n4_op",
        '  n5["w2 | data -1.2000 | grad -0.3000"]',
        '  n6["x2 | data -0.3000 | grad -1.2000"]',
        '  n7["data 0.3600 | grad 1.0000"]',
        '  n7_op(("*"))',
        "  n7_op --> n7",
        "  n5 --> n7_op",
        "  n6 --> n7_op",
        '  n8["data 0.8650 | grad 1.0000"]',
        '  n8_op(("+"))',
        "  n8_op --> n8",
        "  n4 --> n8_op",
        "  n7 --> n8_op",
        '  n9["data 0.8650 | grad 1.0000"]',
        '  n9_op(("relu"))',
        "  n9_op --> n9",
        "  n8 --> n9_op",
      ].join("\n"),
    );
  });

  it("give every node the unfused graph's bits, for any weights, inputs, bias or none (property)", () => {
    const num = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 9 })
          .chain((n) =>
            fc.tuple(
              fc.array(num, { minLength: n, maxLength: n }),
              fc.array(num, { minLength: n, maxLength: n }),
            ),
          ),
        fc.option(num),
        fc.boolean(),
        ([ws, xs], bias, squareIt) => {
          const { fused, unfused } = neuronPair(ws, xs, bias, squareIt);
          expect(drawnNodes(fused, true)).toEqual(drawnNodes(unfused, false));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("expand sum(values, start) into its + chain", () => {
    const make = () =>
      [new Value(1.5, "a"), new Value(-2, "b"), new Value(0.25, "c"), new Value(4, "s")] as const;
    const [a, b, c, s] = make();
    const fused = sum([a, b, c], s).mul(3);
    fused.backward();
    const [a2, b2, c2, s2] = make();
    const unfused = s2.add(a2).add(b2).add(c2).mul(3);
    unfused.backward();
    expect(drawnNodes(fused, true)).toEqual(drawnNodes(unfused, false));
    expect(toDot(fused, { expandFused: true })).toBe(toDot(unfused));
  });

  it("leave fused nodes whole by default, and check the option", () => {
    const { fused } = neuronPair([1, 2, 3], [4, 5, 6], 0.5, false);
    expect(toDot(fused)).toContain('[label="dot", shape=circle]');
    expect(toDot(fused)).not.toContain('[label="*"');
    expect(drawnNodes(fused, false)).toHaveLength(9); // 7 leaves, dot, relu
    expect(drawnNodes(fused, true)).toHaveLength(9 + 3 + 2); // + 3 products, 2 partial sums
    expect(() => toDot(fused, { expandFused: "yes" as unknown as boolean })).toThrow(
      /toDot: expected options.expandFused to be a boolean, got the string "yes"$/,
    );
    expect(() => toMermaid(fused, { expandFused: 1 as unknown as boolean })).toThrow(TypeError);
  });
});
