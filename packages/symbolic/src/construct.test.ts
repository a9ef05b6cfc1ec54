import { describe, expect, it } from "vitest";

import { piecewise, relation } from "./piecewise.js";
import { FALSE, TRUE } from "./condition.js";
import { call } from "./call.js";
import { add, div, float, mul, neg, num, pow, rational, sqrt, sub, sym } from "./construct.js";
import { parse } from "./parse.js";

const x = sym("x");
const y = sym("y");

describe("automatic simplification (as SymPy does on construction)", () => {
  it("combines like terms and equal bases", () => {
    expect(add(x, x, 1, 2).toString()).toBe("2*x + 3");
    expect(sub(x, x).toString()).toBe("0");
    expect(mul(x, x, 3).toString()).toBe("3*x**2");
    expect(div(mul(x, y), x).toString()).toBe("y");
    expect(mul(pow(x, sym("n")), pow(x, -1)).toString()).toBe("x**(n - 1)");
    expect(mul(sqrt(2), sqrt(2)).toString()).toBe("2");
    expect(mul(call("exp", x), call("exp", y)).toString()).toBe("exp(x + y)");
  });

  it("distributes a number over a sum and powers over products", () => {
    expect(mul(2, add(x, 1)).toString()).toBe("2*x + 2");
    expect(neg(sub(x, 1)).toString()).toBe("1 - x");
    expect(pow(mul(2, x), 2).toString()).toBe("4*x**2");
    expect(pow(pow(x, 2), 3).toString()).toBe("x**6");
    // (x**2)**(1/2) is |x|, not x: left alone.
    expect(pow(pow(x, 2), rational(1, 2)).toString()).toBe("sqrt(x**2)");
  });

  it("computes exactly with rationals and approximately with floats", () => {
    expect(add(rational(1, 3), rational(1, 6)).toString()).toBe("1/2");
    expect(pow(rational(4, 9), rational(1, 2)).toString()).toBe("2/3");
    expect(pow(rational(8), rational(2, 3)).toString()).toBe("4");
    expect(sqrt(2).toString()).toBe("sqrt(2)");
    expect(add(float(0.5), rational(1, 2)).toString()).toBe("1.0");
    expect(num(3).kind).toBe("rational");
    expect(num(0.1).kind).toBe("float");
  });

  it("evaluates functions at exact special values and uses symmetries", () => {
    expect(call("exp", 0).toString()).toBe("1");
    expect(call("log", 1).toString()).toBe("0");
    expect(call("cos", parse("pi")).toString()).toBe("-1");
    expect(call("exp", call("log", x)).toString()).toBe("x");
    expect(call("Abs", -3).toString()).toBe("3");
    expect(call("Abs", neg(x)).toString()).toBe("Abs(x)");
    expect(call("Abs", pow(x, 2)).toString()).toBe("x**2");
    expect(call("sin", neg(x)).toString()).toBe("-sin(x)");
    expect(call("cos", neg(x)).toString()).toBe("cos(x)");
    expect(call("Heaviside", 0).toString()).toBe("1/2");
    expect(call("floor", rational(-7, 2)).toString()).toBe("-4");
    expect(call("gamma", 5).toString()).toBe("24");
    expect(call("sin", float(0.5)).toString()).toBe(String(Math.sin(0.5)));
  });

  it("flattens Max/Min, folds their numbers and drops duplicates", () => {
    expect(call("Max", x, call("Max", 0, x, 3)).toString()).toBe("Max(3, x)");
    expect(call("Min", 2, 1, y).toString()).toBe("Min(1, y)");
    expect(call("Max", x).toString()).toBe("x");
  });

  it("decides numeric relations and prunes Piecewise branches", () => {
    expect(relation("<", 1, 2)).toBe(TRUE);
    expect(relation(">=", x, x)).toBe(TRUE);
    expect(relation("!=", x, x)).toBe(FALSE);
    expect(piecewise([x, relation("<", 1, 0)], [y, true]).toString()).toBe("y");
    expect(piecewise([x, relation(">", x, 0)], [x, true]).toString()).toBe("x");
    expect(piecewise([x, relation(">", x, 0)], [0, true], [y, true]).toString()).toBe(
      "Piecewise((x, x > 0), (0, True))",
    );
  });

  it("rejects bad operands with a TypeError naming the function", () => {
    expect(() => add(x, "y" as unknown as number)).toThrow(
      /add: expected an expression or a number, got the string "y"$/,
    );
    expect(() => sym("2x")).toThrow(/sym: expected an identifier/);
    expect(() => sym("pi")).toThrow(/reserved/);
    expect(() => call("Max")).toThrow(/Max expects at least 1 argument, got 0/);
    expect(() => call("nope" as "exp", x)).toThrow(/call: expected a function name/);
    expect(() => rational(1, 0)).toThrow(RangeError);
    expect(() => rational(0.5, 2)).toThrow(/rational: expected p to be an integer/);
    expect(() => piecewise([x, relation("<", 1, 0)])).toThrow(/at least one branch/);
  });
});
