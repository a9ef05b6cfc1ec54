/**
 * The error `parse` throws for text it cannot read: where, what, and the text around it.
 */

/** How much input the caret line shows on each side of the error position. */
const CONTEXT = 40;

function excerpt(input: string, position: number): { line: string; caret: number } {
  if (input.length <= 2 * CONTEXT) return { line: input, caret: position };
  const from = Math.max(0, position - CONTEXT);
  const to = Math.min(input.length, position + CONTEXT);
  const before = from > 0 ? "…" : "";
  return {
    line: `${before}${input.slice(from, to)}${to < input.length ? "…" : ""}`,
    caret: position - from + before.length,
  };
}

/**
 * A syntax error in `parse`'s input, with the 0-based `position` and a caret line (long input is
 * shown as an excerpt around the position).
 *
 * @example
 * ```ts
 * try { parse("Max(0, x))"); } catch (e) { (e as ParseError).position; } // 9
 * ```
 */
export class ParseError extends SyntaxError {
  /** 0-based character offset of the problem in `input`. */
  readonly position: number;
  /** The text that was parsed. */
  readonly input: string;
  constructor(message: string, input: string, position: number) {
    const { line, caret } = excerpt(input, position);
    super(`parse: ${message} at position ${position}\n  ${line}\n  ${" ".repeat(caret)}^`);
    this.name = "ParseError";
    this.position = position;
    this.input = input;
  }
}
