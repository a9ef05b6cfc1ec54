import { describe, expect, it } from "vitest";

import { ParseError } from "./parse-error.js";
import { parse } from "./parse.js";

const s = (src: string): string => parse(src).toString();

describe("parse", () => {
  it("follows Python's operator precedence", () => {
    expect(parse("-x**2").evaluate({ x: 3 })).toBe(-9);
    expect(parse("2**3**2").evaluate()).toBe(512);
    expect(parse("2**-1").evaluate()).toBe(0.5);
    expect(parse("2*-x").evaluate({ x: 4 })).toBe(-8);
    expect(parse("1 - 2 - 3").evaluate()).toBe(-4);
    expect(parse("12/3/2").evaluate()).toBe(2);
  });

  it("accepts ^ as a power, like SymPy's convert_xor", () => {
    expect(parse("x^2").equals(parse("x**2"))).toBe(true);
  });

  it("keeps integers and fractions exact and decimals as floats", () => {
    expect(s("1/3 + 1/6")).toBe("1/2");
    expect(s("0.5 + 0.25")).toBe("0.75");
    expect(s("2.0")).toBe("2.0");
    expect(s("1e-8")).toBe("1.0e-8");
    expect(s("123456789012345678901234567890 + 1")).toBe("123456789012345678901234567891");
  });

  it("knows pi and E and maps E**x to exp(x)", () => {
    expect(parse("pi").evaluate()).toBe(Math.PI);
    expect(s("E**x")).toBe("exp(x)");
  });

  it("accepts common aliases for function names", () => {
    expect(s("abs(x) + ln(y)")).toBe("Abs(x) + log(y)");
    expect(s("arctan(x)")).toBe("atan(x)");
    expect(s("max(0, x)")).toBe("Max(0, x)");
    expect(s("sqrt(x)")).toBe("sqrt(x)");
    expect(s("cbrt(x)")).toBe("x**(1/3)");
    expect(s("digamma(x)")).toBe("polygamma(0, x)");
    expect(s("gamma_func(x)")).toBe("gamma(x)");
    expect(s("log(x, 2)")).toBe("log(x)/log(2)");
  });

  it("parses Piecewise with relations, Eq/Ne and True", () => {
    const e = parse("Piecewise((-1, x < 0), (0, Eq(x, 0)), (1, True))");
    expect(e.toString()).toBe("Piecewise((-1, x < 0), (0, Eq(x, 0)), (1, True))");
    expect([-2, 0, 3].map((x) => e.evaluate({ x }))).toEqual([-1, 0, 1]);
    expect(s("Piecewise((x, x >= 1), (0, x != 0), (2, True))")).toBe(
      "Piecewise((x, x >= 1), (0, Ne(x, 0)), (2, True))",
    );
    expect(s("Piecewise((x, x == 1), (0, True))")).toBe("Piecewise((x, Eq(x, 1)), (0, True))");
  });

  it("reports syntax errors with the position and a caret", () => {
    try {
      parse("Max(0, x))");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      expect(error).toBeInstanceOf(SyntaxError);
      const e = error as ParseError;
      expect(e.position).toBe(9);
      expect(e.message).toBe('parse: unexpected ")" at position 9\n  Max(0, x))\n           ^');
    }
  });

  it.each([
    ["x +", /unexpected end of input/],
    ["(x + 1", /expected "\)" but found end of input at position 6/],
    ["x $ y", /unexpected character "\$" at position 2/],
    ["tanhh(x)", /unknown function "tanhh" \(did you mean tanh/],
    ["exp(x, y)", /exp expects 1 argument, got 2/],
    ["atan2(x)", /atan2 expects 2 arguments, got 1/],
    ["x > 0", /relations are only allowed as Piecewise conditions/],
    ["Piecewise((x, x))", /expected a relation/],
    ["2*I", /imaginary unit I is not supported/],
    ["1/0", /division by zero at position 1/],
    ["(x, y)", /tuple is only allowed as a Piecewise branch/],
    ["polygamma(1/2, x)", /non-negative integer order/],
  ])("rejects %j", (src, message) => {
    expect(() => parse(src)).toThrow(message);
  });

  it("rejects a non-string", () => {
    expect(() => parse(42 as unknown as string)).toThrow(/parse: expected a string, got number 42$/);
  });
});
