/**
 * A recursive-descent parser for SymPy's expression syntax (Python operator precedence):
 *
 *   sum     := product (("+" | "-") product)*
 *   product := unary (("*" | "/") unary)*
 *   unary   := ("-" | "+") unary | power
 *   power   := atom (("**" | "^") unary)?          right-associative, so 2**-1 and 2**3**2 work
 *   atom    := number | name | name "(" args ")" | "(" sum ")"
 *
 * Relations (`<`, `<=`, `>`, `>=`, `==`, `!=`, `Eq(a, b)`, `Ne(a, b)`, `True`, `False`) are
 * allowed as Piecewise conditions: `Piecewise((x, x > 0), (0, True))`.
 */
import {
  add,
  call,
  div,
  float,
  mul,
  neg,
  num,
  piecewise,
  pow,
  rational,
  relation,
  sqrt,
  sym,
} from "./construct.js";
import { E, FALSE, NEG_ONE, PI, TRUE } from "./expr.js";
import type { Condition, Expr, RelationOperator } from "./expr.js";
import { FUNCTION_ALIASES, FUNCTION_NAMES, isFunctionName } from "./functions.js";
import { suggest } from "./suggest.js";

/**
 * A syntax error in {@link parse}'s input, with the 0-based `position` and a caret line.
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
    super(`parse: ${message} at position ${position}\n  ${input}\n  ${" ".repeat(position)}^`);
    this.name = "ParseError";
    this.position = position;
    this.input = input;
  }
}

type TokenKind = "number" | "name" | "op" | "end";

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly pos: number;
}

const OPERATORS = ["**", "<=", ">=", "==", "!=", "+", "-", "*", "/", "^", "(", ")", ",", "<", ">"];

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(input.slice(i));
    if (number !== null) {
      tokens.push({ kind: "number", text: number[0], pos: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(i));
    if (name !== null) {
      tokens.push({ kind: "name", text: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => input.startsWith(o, i));
    if (op === undefined) throw new ParseError(`unexpected character ${JSON.stringify(ch)}`, input, i);
    tokens.push({ kind: "op", text: op, pos: i });
    i += op.length;
  }
  tokens.push({ kind: "end", text: "end of input", pos: input.length });
  return tokens;
}

const RELATIONS = new Set(["<", "<=", ">", ">=", "==", "!="]);
const KNOWN_NAMES = [
  ...FUNCTION_NAMES,
  ...Object.keys(FUNCTION_ALIASES),
  "sqrt",
  "cbrt",
  "digamma",
  "Piecewise",
  "Eq",
  "Ne",
];

class Parser {
  private index = 0;
  constructor(
    private readonly input: string,
    private readonly tokens: readonly Token[],
  ) {}

  private get peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const t = this.tokens[this.index]!;
    if (t.kind !== "end") this.index++;
    return t;
  }

  private fail(message: string, token: Token = this.peek): never {
    throw new ParseError(message, this.input, token.pos);
  }

  private isOp(text: string): boolean {
    return this.peek.kind === "op" && this.peek.text === text;
  }

  private expect(text: string): Token {
    if (!this.isOp(text)) {
      const found = this.peek.kind === "end" ? "end of input" : JSON.stringify(this.peek.text);
      this.fail(`expected "${text}" but found ${found}`);
    }
    return this.next();
  }

  parseAll(): Expr {
    const e = this.sum();
    if (this.peek.kind !== "end") {
      if (this.peek.kind === "op" && RELATIONS.has(this.peek.text)) {
        this.fail("relations are only allowed as Piecewise conditions");
      }
      this.fail(`unexpected ${JSON.stringify(this.peek.text)}`);
    }
    return e;
  }

  private sum(): Expr {
    let left = this.product();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.next().text;
      const right = this.product();
      left = op === "+" ? add(left, right) : add(left, neg(right));
    }
    return left;
  }

  /**
   * A `*`/`/` chain is built with a single `mul` call (leading minus signs become factors −1), and a
   * parenthesised product in a denominator is inverted factor by factor. This keeps `2*(x + 1)/y`
   * and `x/(2*(x + 1))` as written — building `2*(x + 1)` first would distribute the 2 — so that
   * printed text parses back to the same tree.
   */
  private product(): Expr {
    return mul(...this.productFactors());
  }

  private productFactors(): Expr[] {
    const factors: Expr[] = [];
    while (this.isOp("-") || this.isOp("+")) {
      if (this.next().text === "-") factors.push(NEG_ONE);
    }
    factors.push(this.unary());
    while (this.isOp("*") || this.isOp("/")) {
      const op = this.next();
      if (op.text === "*") {
        factors.push(this.unary());
        continue;
      }
      const grouped = this.parenthesisedProduct();
      const denominators = grouped ?? [this.unary()];
      for (const d of denominators) {
        if (d.kind === "rational" && d.p === 0n) this.fail("division by zero", op);
        factors.push(pow(d, NEG_ONE));
      }
    }
    return factors;
  }

  /** The factors of `( a*b*… )` when that group is a bare product not raised to a power; else nothing. */
  private parenthesisedProduct(): Expr[] | undefined {
    if (!this.isOp("(")) return undefined;
    const start = this.index;
    this.next();
    try {
      const factors = this.productFactors();
      if (this.isOp(")")) {
        this.next();
        if (!this.isOp("**") && !this.isOp("^")) return factors;
      }
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
    }
    this.index = start; // not a bare product: parse it again as an ordinary operand
    return undefined;
  }

  private unary(): Expr {
    if (this.isOp("-")) {
      this.next();
      return neg(this.unary());
    }
    if (this.isOp("+")) {
      this.next();
      return this.unary();
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.atom();
    if (this.isOp("**") || this.isOp("^")) {
      this.next();
      return pow(base, this.unary());
    }
    return base;
  }

  private atom(): Expr {
    const t = this.peek;
    if (t.kind === "number") {
      this.next();
      return /[.eE]/.test(t.text) ? float(Number(t.text)) : num(BigInt(t.text));
    }
    if (t.kind === "name") {
      this.next();
      if (this.isOp("(")) return this.application(t);
      return this.name(t);
    }
    if (this.isOp("(")) {
      this.next();
      const e = this.sum();
      if (this.isOp(",")) this.fail("a tuple is only allowed as a Piecewise branch (value, condition)");
      this.expect(")");
      return e;
    }
    if (t.kind === "end") this.fail('unexpected end of input, expected a number, a name or "("');
    return this.fail(`unexpected ${JSON.stringify(t.text)}`);
  }

  private name(t: Token): Expr {
    switch (t.text) {
      case "pi":
        return PI;
      case "E":
        return E;
      case "oo":
        return float(Infinity);
      case "nan":
        return float(NaN);
      case "I":
        return this.fail("the imaginary unit I is not supported (this CAS is real-valued)", t);
      case "True":
      case "False":
        return this.fail(`${t.text} is only allowed as a Piecewise condition`, t);
      default:
        return sym(t.text);
    }
  }

  private args(): Expr[] {
    this.expect("(");
    const args: Expr[] = [];
    if (!this.isOp(")")) {
      args.push(this.sum());
      while (this.isOp(",")) {
        this.next();
        args.push(this.sum());
      }
    }
    this.expect(")");
    return args;
  }

  private arity(t: Token, args: readonly Expr[], min: number, max = min): void {
    if (args.length < min || args.length > max) {
      const expected = min === max ? String(min) : `${min} to ${max}`;
      this.fail(`${t.text} expects ${expected} argument${max === 1 ? "" : "s"}, received ${args.length}`, t);
    }
  }

  private application(t: Token): Expr {
    const name = t.text;
    if (name === "Piecewise") return this.piecewise(t);
    if (name === "Eq" || name === "Ne") this.fail(`${name}(…) is only allowed as a Piecewise condition`, t);
    const args = this.args();
    switch (name) {
      case "sqrt":
        this.arity(t, args, 1);
        return sqrt(args[0]!);
      case "cbrt":
        this.arity(t, args, 1);
        return pow(args[0]!, rational(1, 3));
      case "digamma":
        this.arity(t, args, 1);
        return call("polygamma", 0, args[0]!);
      case "exp":
        this.arity(t, args, 1);
        return call("exp", args[0]!);
      case "log":
      case "ln":
        // SymPy's log(x, b) is log(x)/log(b).
        this.arity(t, args, 1, 2);
        return args.length === 2 ? div(call("log", args[0]!), call("log", args[1]!)) : call("log", args[0]!);
      default:
        break;
    }
    const fn = isFunctionName(name) ? name : FUNCTION_ALIASES[name];
    if (fn === undefined) {
      const hint = suggest(name, KNOWN_NAMES);
      this.fail(
        `unknown function "${name}"${hint.length > 0 ? ` (did you mean ${hint.join(", ")}?)` : ""}`,
        t,
      );
    }
    try {
      return call(fn, ...args);
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) {
        this.fail(error.message.replace(/^call: /, ""), t);
      }
      throw error;
    }
  }

  private piecewise(t: Token): Expr {
    this.expect("(");
    const branches: [Expr, Condition][] = [];
    do {
      if (branches.length > 0) this.next(); // the ","
      if (!this.isOp("(")) this.fail('expected a Piecewise branch "(value, condition)"');
      this.next();
      const value = this.sum();
      this.expect(",");
      const condition = this.condition();
      this.expect(")");
      branches.push([value, condition]);
    } while (this.isOp(","));
    this.expect(")");
    try {
      return piecewise(...branches);
    } catch (error) {
      if (error instanceof RangeError) this.fail(error.message.replace(/^piecewise: /, ""), t);
      throw error;
    }
  }

  private condition(): Condition {
    const t = this.peek;
    if (t.kind === "name" && (t.text === "True" || t.text === "False")) {
      this.next();
      return t.text === "True" ? TRUE : FALSE;
    }
    if (t.kind === "name" && (t.text === "Eq" || t.text === "Ne")) {
      this.next();
      const args = this.args();
      this.arity(t, args, 2);
      return relation(t.text === "Eq" ? "==" : "!=", args[0]!, args[1]!);
    }
    const lhs = this.sum();
    const op = this.peek;
    if (op.kind !== "op" || !RELATIONS.has(op.text)) {
      this.fail("expected a relation (<, <=, >, >=, ==, !=) in the Piecewise condition");
    }
    this.next();
    return relation(op.text as RelationOperator, lhs, this.sum());
  }
}

/**
 * Parses SymPy syntax into a canonical tree. Accepts `**` and `^` for powers, SymPy's function
 * names plus common aliases (`abs`, `ln`, `arctan`, `max`, `sqrt`, `cbrt`, `digamma`, …), `pi`,
 * `E`, and relations inside `Piecewise`. Integer literals are exact; decimals are floats.
 *
 * @throws ParseError with the position and a caret line.
 * @example
 * ```ts
 * parse("Max(0, x)").toString(); // "Max(0, x)"
 * parse("x^2/2").toString();     // "x**2/2"
 * ```
 */
export function parse(input: string): Expr {
  if (typeof input !== "string") {
    throw new TypeError(`parse: expected a string, received ${input === null ? "null" : typeof input}`);
  }
  return new Parser(input, tokenize(input)).parseAll();
}
