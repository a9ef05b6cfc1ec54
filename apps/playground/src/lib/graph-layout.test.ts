import { Value, dot, toMermaid } from "@neurogebra/autograd";
import { describe, expect, it } from "vitest";

import { layoutMermaid, parseMermaid } from "./graph-layout.js";

function neuronChart(n: number): string {
  const w = Array.from({ length: n }, (_, i) => new Value(0.1 * (i + 1), `w${i + 1}`));
  const x = Array.from({ length: n }, (_, i) => new Value(i - 1, `x${i + 1}`));
  const a = dot(w, x, new Value(0.3, "b")).tanh();
  a.label = 'a "out"';
  a.backward();
  return toMermaid(a, { expandFused: true });
}

describe("graph layout of toMermaid's charts", () => {
  it("reads every value box, op circle and edge", () => {
    const { nodes, edges } = parseMermaid(neuronChart(2));
    expect(nodes.filter((n) => n.kind === "value")).toHaveLength(10); // 5 leaves, 2 products, 2 sums (b + w1·x1, z), a
    expect(nodes.filter((n) => n.kind === "op").map((n) => n.title)).toEqual(["*", "+", "*", "+", "tanh"]);
    expect(edges).toHaveLength(5 + 2 * 5 - 1); // op → value for 5 ops, 2 operands each except tanh's 1
    const a = nodes.at(-2)!;
    expect([a.title, a.data]).toEqual(['a "out"', "data 0.1974"]); // tanh(0.3 + 0.1·(−1) + 0.2·0)
  });

  it("places every node, left to right along the edges, without overlaps", () => {
    for (const n of [1, 2, 5, 16]) {
      const layout = layoutMermaid(neuronChart(n));
      const at = new Map(layout.nodes.map((node) => [node.id, node]));
      for (const e of layout.edges)
        expect(at.get(e.from)!.x + at.get(e.from)!.width).toBeLessThan(at.get(e.to)!.x);
      for (const p of layout.nodes) {
        for (const q of layout.nodes) {
          if (p === q) continue;
          const apart =
            p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
          expect(apart, `${p.id} and ${q.id}`).toBe(true);
        }
      }
      expect(layout.width).toBeGreaterThan(0);
    }
  });

  it("rejects text that is not a toMermaid chart", () => {
    expect(() => parseMermaid("flowchart LR\n  what is this")).toThrow(/unexpected line "what is this"/);
  });
});
