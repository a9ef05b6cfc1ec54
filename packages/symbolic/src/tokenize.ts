/**
 * The tokenizer of `parse`: numbers, names, operators, in one left-to-right pass with sticky
 * regular expressions (linear in the input).
 */
import { ParseError } from "./parse-error.js";

/** What a token is. */
export type TokenKind = "number" | "name" | "op" | "end";

/** One token: its kind, its text and its 0-based position in the input. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly pos: number;
}

const OPERATORS = ["**", "<=", ">=", "==", "!=", "+", "-", "*", "/", "^", "(", ")", ",", "<", ">"];

/** Matches a sticky (`y`) pattern at `i`. */
function matchAt(pattern: RegExp, input: string, i: number): string | undefined {
  pattern.lastIndex = i;
  return pattern.exec(input)?.[0];
}

/** The tokens of `input`, ending with an `end` token. */
export function tokenize(input: string): Token[] {
  // Sticky patterns carry state (lastIndex), so each call makes its own.
  const spacePattern = /\s+/y;
  const numberPattern = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
  const namePattern = /[A-Za-z_][A-Za-z0-9_]*/y;
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const space = matchAt(spacePattern, input, i);
    if (space !== undefined) {
      i += space.length;
      continue;
    }
    const number = matchAt(numberPattern, input, i);
    if (number !== undefined) {
      tokens.push({ kind: "number", text: number, pos: i });
      i += number.length;
      continue;
    }
    const name = matchAt(namePattern, input, i);
    if (name !== undefined) {
      tokens.push({ kind: "name", text: name, pos: i });
      i += name.length;
      continue;
    }
    const op = OPERATORS.find((o) => input.startsWith(o, i));
    if (op === undefined) {
      const ch = String.fromCodePoint(input.codePointAt(i)!);
      throw new ParseError(`unexpected character ${JSON.stringify(ch)}`, input, i);
    }
    tokens.push({ kind: "op", text: op, pos: i });
    i += op.length;
  }
  tokens.push({ kind: "end", text: "end of input", pos: input.length });
  return tokens;
}
