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
 *
 * Linear in the input: a sum or product is built by one constructor call over all its operands,
 * sign and power chains are read in a loop, and only parentheses and calls recurse — at most
 * MAX_DEPTH deep, beyond which the input is refused with a ParseError.
 */
import { expected } from "@neurogebra/internal";

import { piecewiseOf, relation } from "./piecewise.js";
import { FALSE, TRUE, type Condition, type RelationOperator } from "./condition.js";
import { call, callWith } from "./call.js";
import { addAll, div, float, mulAll, neg, num, pow, rational, sqrt, sym } from "./construct.js";
import { E, NAN, NEG_ONE, PI, ZOO } from "./expr.js";
import type { Expr } from "./expr.js";
import { FUNCTION_ALIASES, FUNCTION_NAMES, isFunctionName } from "./functions.js";
import { LimitExceededError, MAX_DEPTH, MAX_RATIONAL_BITS } from "./limits.js";
import { ParseError } from "./parse-error.js";
import { tokenize } from "./tokenize.js";
import type { Token } from "./tokenize.js";
import { suggest } from "./suggest.js";

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

/** Integer literals longer than this cannot fit in MAX_RATIONAL_BITS (log10(2) ≈ 0.30103). */
const MAX_INTEGER_DIGITS = Math.floor(MAX_RATIONAL_BITS * 0.30103) + 1;

/** A `**` chain read left to right: each operand with the signs written before it. */
interface PowerOperand {
  readonly negate: boolean;
  readonly base: Expr;
}

/** Folds a `**` chain from the right: a ** (b ** c), each operand negated if it had a minus. */
function foldPowers(operands: readonly PowerOperand[]): Expr {
  let result: Expr | undefined;
  for (let i = operands.length - 1; i >= 0; i--) {
    const { negate, base } = operands[i]!;
    const value = result === undefined ? base : pow(base, result);
    result = negate ? neg(value) : value;
  }
  return result!;
}

class Parser {
  private index = 0;
  /** How many parentheses and calls enclose the current token. */
  private nesting = 0;
  constructor(
    private readonly input: string,
    private readonly tokens: readonly Token[],
  ) {}

  get position(): number {
    return this.peek.pos;
  }

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

  /** Consumes an opening parenthesis, refusing nesting deeper than MAX_DEPTH. */
  private open(): void {
    this.enter(this.expect("("));
  }

  /** Counts the opening parenthesis `t` (already read), refusing nesting deeper than MAX_DEPTH. */
  private enter(t: Token): void {
    if (this.nesting >= MAX_DEPTH) {
      this.fail(`parentheses and calls nested deeper than ${MAX_DEPTH} levels (the documented MAX_DEPTH)`, t);
    }
    this.nesting++;
  }

  private close(): void {
    this.expect(")");
    this.nesting--;
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

  // Frames per nesting level matter (MAX_DEPTH must fit the stack of a browser's Web Worker):
  // a parenthesis recurses atom → (sumFrom →) productFactors → powerChain → atom, nothing more.
  private sum(): Expr {
    return this.sumFrom(mulAll(this.productFactors()));
  }

  /** The rest of a sum whose first term is `first`, built by one `add` over all terms. */
  private sumFrom(first: Expr): Expr {
    const terms = [first];
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.next().text;
      const right = mulAll(this.productFactors());
      terms.push(op === "+" ? right : neg(right));
    }
    return terms.length === 1 ? first : addAll(terms);
  }

  /**
   * The factors of a `*`/`/` chain, for a single `mul` call (leading minus signs become factors
   * −1); a parenthesised product in a denominator is inverted factor by factor. This keeps
   * `2*(x + 1)/y` and `x/(2*(x + 1))` as written — building `2*(x + 1)` first would distribute the
   * 2 — so that printed text parses back to the same tree.
   */
  private productFactors(): Expr[] {
    const factors: Expr[] = [];
    while (this.isOp("-") || this.isOp("+")) {
      if (this.next().text === "-") factors.push(NEG_ONE);
    }
    factors.push(this.powerChain(undefined));
    while (this.isOp("*") || this.isOp("/")) {
      const op = this.next();
      if (op.text === "*") {
        factors.push(this.powerChain(undefined));
        continue;
      }
      for (const d of this.isOp("(") ? this.denominatorGroup() : [this.powerChain(undefined)]) {
        if (d.kind === "rational" && d.p === 0n) this.fail("division by zero", op);
        factors.push(pow(d, NEG_ONE));
      }
    }
    return factors;
  }

  /**
   * `/( … )`: the factors of the group when it is a bare product not raised to a power (each is
   * inverted on its own), else the group as one operand. Read once, without backtracking.
   */
  private denominatorGroup(): Expr[] {
    this.open();
    const factors = this.productFactors();
    const bare = !this.isOp("+") && !this.isOp("-");
    const group = bare ? undefined : this.sumFrom(mulAll(factors));
    if (this.isOp(",")) this.fail("a tuple is only allowed as a Piecewise branch (value, condition)");
    this.close();
    if (bare && !this.isOp("**") && !this.isOp("^")) return factors;
    return [this.powerChain(group ?? mulAll(factors))];
  }

  /**
   * `unary := ("-" | "+")* power` with `power := atom (("**" | "^") unary)?`: a right-associative
   * chain such as `-a**-b**c` = −(a^(−(b^c))), read left to right into a list and folded from the
   * right, so a long chain never recurses. `first` is an already-read base (a parenthesised group)
   * with no signs before it.
   */
  private powerChain(first: Expr | undefined): Expr {
    const operands: PowerOperand[] = [];
    if (first !== undefined) operands.push({ negate: false, base: first });
    for (;;) {
      if (operands.length > 0) {
        if (!this.isOp("**") && !this.isOp("^")) break;
        this.next();
      }
      let negate = false;
      while (this.isOp("-") || this.isOp("+")) {
        if (this.next().text === "-") negate = !negate;
      }
      operands.push({ negate, base: this.atom() });
    }
    return foldPowers(operands);
  }

  /** Small on purpose: its frame is repeated once per nesting level (the rest is in helpers). */
  private atom(): Expr {
    const t = this.next();
    if (t.kind === "number") return this.number(t);
    if (t.kind === "name") {
      if (!this.isOp("(")) return this.name(t);
      if (t.text === "Piecewise") return this.piecewise(t);
      this.notACondition(t);
      return this.application(t, this.args()); // args read here: one frame less per nesting level
    }
    if (t.kind !== "op" || t.text !== "(") return this.unexpected(t);
    this.enter(t);
    const e = this.sumFrom(mulAll(this.productFactors())); // this.sum(), one frame less
    if (this.isOp(",")) this.fail("a tuple is only allowed as a Piecewise branch (value, condition)");
    this.close();
    return e;
  }

  private number(t: Token): Expr {
    if (/[.eE]/.test(t.text)) return float(Number(t.text));
    if (t.text.length > MAX_INTEGER_DIGITS) {
      this.fail(
        `integer literal with more than ${MAX_RATIONAL_BITS} bits (the documented MAX_RATIONAL_BITS)`,
        t,
      );
    }
    return num(BigInt(t.text));
  }

  private notACondition(t: Token): void {
    if (t.text === "Eq" || t.text === "Ne")
      this.fail(`${t.text}(…) is only allowed as a Piecewise condition`, t);
  }

  private unexpected(t: Token): never {
    if (t.kind === "end") this.fail('unexpected end of input, expected a number, a name or "("', t);
    return this.fail(`unexpected ${JSON.stringify(t.text)}`, t);
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
        return NAN;
      case "zoo":
        return ZOO;
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
    this.open();
    const args: Expr[] = [];
    if (!this.isOp(")")) {
      args.push(this.sumFrom(mulAll(this.productFactors())));
      while (this.isOp(",")) {
        this.next();
        args.push(this.sumFrom(mulAll(this.productFactors())));
      }
    }
    this.close();
    return args;
  }

  private arity(t: Token, args: readonly Expr[], min: number, max = min): void {
    if (args.length < min || args.length > max) {
      const expected = min === max ? String(min) : `${min} to ${max}`;
      this.fail(`${t.text} expects ${expected} argument${max === 1 ? "" : "s"}, got ${args.length}`, t);
    }
  }

  private application(t: Token, args: readonly Expr[]): Expr {
    const name = t.text;
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
    // Own properties only: "constructor(1)" must not find Object.prototype.constructor.
    const fn = isFunctionName(name)
      ? name
      : Object.hasOwn(FUNCTION_ALIASES, name)
        ? FUNCTION_ALIASES[name]
        : undefined;
    if (fn === undefined) {
      const hint = suggest(name, KNOWN_NAMES);
      this.fail(
        `unknown function "${name}"${hint.length > 0 ? ` (did you mean ${hint.join(", ")}?)` : ""}`,
        t,
      );
    }
    try {
      return callWith(fn, args);
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) {
        this.fail(error.message.replace(/^call: /, ""), t);
      }
      throw error;
    }
  }

  private piecewise(t: Token): Expr {
    this.open();
    const branches: [Expr, Condition][] = [];
    do {
      if (branches.length > 0) this.next(); // the ","
      if (!this.isOp("(")) this.fail('expected a Piecewise branch "(value, condition)"');
      this.next(); // a branch's parentheses are part of the Piecewise level: no nesting of their own
      const value = this.sumFrom(mulAll(this.productFactors())); // this.sum(), one frame less
      this.expect(",");
      const condition = this.condition();
      this.expect(")");
      branches.push([value, condition]);
    } while (this.isOp(","));
    this.close();
    try {
      return piecewiseOf(branches);
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
 * `E`, `oo`, `nan`, `zoo`, and relations inside `Piecewise`. Integer literals are exact; decimals
 * are floats. Time and memory are linear in the length of the input.
 *
 * @throws ParseError with the position and a caret line — also for input past a documented limit
 *   (nesting deeper than MAX_DEPTH, exact numbers beyond MAX_RATIONAL_BITS).
 * @example
 * ```ts
 * parse("Max(0, x)").toString(); // → "Max(0, x)"
 * parse("x^2/2").toString();     // → "x**2/2"
 * ```
 */
export function parse(input: string): Expr {
  if (typeof input !== "string") {
    throw new TypeError(expected("parse", "a string", input));
  }
  const parser = new Parser(input, tokenize(input));
  try {
    return parser.parseAll();
  } catch (error) {
    // A tree past a documented limit (a 1001-level power chain, a too-large exact number).
    if (error instanceof LimitExceededError) throw new ParseError(error.message, input, parser.position);
    throw error;
  }
}
