import { drawingOptions, numberText, opText } from "./node-text.js";
import type { GraphDrawingOptions } from "./node-text.js";
import { topologicalOrder } from "./topological-order.js";
import { Value } from "./value.js";

/**
 * The graph behind `root` as a Mermaid flowchart (renders on GitHub, in many Markdown viewers and in
 * mermaid.live): one box per value showing `label | data | grad`, and for each computed value a round op
 * node (`+`, `*`, `relu`, …) feeding it.
 *
 * @param root - the output node (call `backward()` first to see gradients).
 * @param options - `rankdir` (`"LR"` default or `"TB"`), `digits` shown (default 4).
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
  const { rankdir, digits } = drawingOptions("toMermaid", options);
  const order = topologicalOrder(root);
  const ids = new Map<Value, string>();
  order.forEach((v, i) => ids.set(v, `n${i}`));
  const lines = [`flowchart ${rankdir}`];
  for (const v of order) {
    const id = ids.get(v)!;
    const numbers = `data ${numberText(v.data, digits)} | grad ${numberText(v.grad, digits)}`;
    lines.push(`  ${id}["${v.label === "" ? numbers : `${escapeMermaid(v.label)} | ${numbers}`}"]`);
    if (v.op === "leaf") continue;
    lines.push(`  ${id}_op(("${escapeMermaid(opText(v))}"))`);
    lines.push(`  ${id}_op --> ${id}`);
    for (const p of v.parents) lines.push(`  ${ids.get(p)!} --> ${id}_op`);
  }
  return lines.join("\n");
}

/** Mermaid labels in quotes take HTML entities for quotes and angle brackets. */
function escapeMermaid(text: string): string {
  return text.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;").replace(/\n/g, " ");
}
