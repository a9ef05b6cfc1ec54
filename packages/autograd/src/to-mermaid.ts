import { drawingOptions, drawnNodes, numberText } from "./node-text.js";
import type { GraphDrawingOptions } from "./node-text.js";
import { Value } from "./value.js";

/**
 * The graph behind `root` as a Mermaid flowchart (renders on GitHub, in many Markdown viewers and in
 * mermaid.live): one box per value showing `label | data | grad`, and for each computed value a round op
 * node (`+`, `*`, `relu`, …) feeding it.
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
 * console.log(toMermaid(y));
 * // flowchart LR
 * //   n0["x | data 2.0000 | grad 4.0000"]
 * //   n1["data 4.0000 | grad 1.0000"]
 * //   n1_op(("*"))
 * //   n1_op --> n1
 * //   n0 --> n1_op
 * //   n0 --> n1_op
 * ```
 */
export function toMermaid(root: Value, options?: GraphDrawingOptions): string {
  if (!(root instanceof Value)) {
    throw new TypeError(`toMermaid: expected root to be a Value, got ${typeof root}`);
  }
  const { rankdir, digits, expandFused } = drawingOptions("toMermaid", options);
  const lines = [`flowchart ${rankdir}`];
  drawnNodes(root, expandFused).forEach((v, i) => {
    const id = `n${i}`;
    const numbers = `data ${numberText(v.data, digits)} | grad ${numberText(v.grad, digits)}`;
    lines.push(`  ${id}["${v.label === "" ? numbers : `${escapeMermaid(v.label)} | ${numbers}`}"]`);
    if (v.op === null) return;
    lines.push(`  ${id}_op(("${escapeMermaid(v.op)}"))`);
    lines.push(`  ${id}_op --> ${id}`);
    for (const p of v.parents) lines.push(`  n${p} --> ${id}_op`);
  });
  return lines.join("\n");
}

/** Mermaid labels in quotes take HTML entities for quotes and angle brackets. */
function escapeMermaid(text: string): string {
  return text.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;").replace(/\n/g, " ");
}
