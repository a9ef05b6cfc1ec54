import type { Value } from "./value.js";

/** Options shared by the graph drawings {@link toDot} and {@link toMermaid}. */
export interface GraphDrawingOptions {
  /** Graph direction: `"LR"` (left to right, default, like micrograd's `draw_dot`) or `"TB"` (top to bottom). */
  rankdir?: "LR" | "TB";
  /** Significant digits shown for data and grad, default 4. */
  digits?: number;
}

/** The short symbol an op node shows, e.g. `+`, `*`, `**2`, `relu`. */
export function opText(v: Value): string {
  switch (v.op) {
    case "add":
      return "+";
    case "sub":
      return "-";
    case "mul":
      return "*";
    case "div":
      return "/";
    case "pow":
      return `**${v.param}`;
    case "leakyRelu":
      return `leakyRelu(${v.param})`;
    default:
      return v.op;
  }
}

/** A number as a drawing shows it: fixed point for ordinary magnitudes, scientific otherwise. */
export function numberText(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  const magnitude = Math.abs(x);
  if (x === 0 || (magnitude >= 1e-3 && magnitude < 1e6)) return x.toFixed(digits);
  return x.toExponential(Math.max(0, digits - 1));
}

/** Check the drawing options once, for both drawings. */
export function drawingOptions(
  fn: string,
  options: GraphDrawingOptions | undefined,
): Required<GraphDrawingOptions> {
  const rankdir = options?.rankdir ?? "LR";
  const digits = options?.digits ?? 4;
  if (rankdir !== "LR" && rankdir !== "TB") {
    throw new RangeError(`${fn}: expected options.rankdir to be "LR" or "TB", got ${String(rankdir)}`);
  }
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`${fn}: expected options.digits to be an integer in 0…20, got ${String(digits)}`);
  }
  return { rankdir, digits };
}
