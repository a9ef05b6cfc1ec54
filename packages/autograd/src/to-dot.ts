import { drawingOptions, drawnNodes, numberText } from "./node-text.js";
import type { GraphDrawingOptions } from "./node-text.js";
import { Value } from "./value.js";

/**
 * The graph behind `root` in Graphviz DOT, like micrograd's `draw_dot`: one record per value showing
 * `label | data | grad`, and for each computed value a small op node (`+`, `*`, `relu`, …) feeding it.
 * Render it with `dot -Tsvg graph.dot > graph.svg` or any online Graphviz viewer.
 *
 * @param root - the output node (call `backward()` first to see gradients).
 * @param options - `rankdir` (`"LR"` default or `"TB"`), `digits` shown (default 4), `expandFused` (draw
 *   a neuron's fused `dot` — or a `sum` — as its `*` and `+` steps, like micrograd's graph).
 * @throws TypeError if `root` is not a `Value`; RangeError for bad options.
 * @example
 * ```ts
 * const x = new Value(2, "x");
 * const y = x.mul(x);
 * y.backward();
 * console.log(toDot(y));
 * // digraph G {
 * //   rankdir=LR;
 * //   node [shape=record];
 * //   n0 [label="{ x | data 2.0000 | grad 4.0000 }"];
 * //   n1 [label="{  | data 4.0000 | grad 1.0000 }"];
 * //   n1_op [label="*", shape=circle];
 * //   n1_op -> n1;
 * //   n0 -> n1_op;
 * //   n0 -> n1_op;
 * // }
 * ```
 */
export function toDot(root: Value, options?: GraphDrawingOptions): string {
  if (!(root instanceof Value)) {
    throw new TypeError(`toDot: expected root to be a Value, got ${typeof root}`);
  }
  const { rankdir, digits, expandFused } = drawingOptions("toDot", options);
  const lines = ["digraph G {", `  rankdir=${rankdir};`, "  node [shape=record];"];
  drawnNodes(root, expandFused).forEach((v, i) => {
    const id = `n${i}`;
    const text = `{ ${escapeRecord(v.label)} | data ${numberText(v.data, digits)} | grad ${numberText(v.grad, digits)} }`;
    lines.push(`  ${id} [label="${text}"];`);
    if (v.op === null) return;
    lines.push(`  ${id}_op [label="${escapeRecord(v.op)}", shape=circle];`);
    lines.push(`  ${id}_op -> ${id};`);
    for (const p of v.parents) lines.push(`  n${p} -> ${id}_op;`);
  });
  lines.push("}");
  return lines.join("\n");
}

/** Escape the characters that are special inside a DOT record label or a quoted string. */
function escapeRecord(text: string): string {
  return text.replace(/[\\"{}|<>]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");
}
