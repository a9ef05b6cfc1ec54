import { describe, expect, it } from "vitest";

import { kinks } from "./kinks.js";
import { parse } from "./parse.js";

const k = (src: string): string[] => kinks(parse(src)).map(String);

describe("kinks", () => {
  it("finds the non-smooth points of Abs, Max/Min, steps and Piecewise", () => {
    expect(k("Max(0, x)")).toEqual(["x"]);
    expect(k("Abs(x - 1) + sign(y)")).toEqual(["x - 1", "y"]);
    expect(k("Piecewise((x, x > a), (0, True))")).toEqual(["-a + x"]);
    expect(k("floor(x/2)")).toEqual(["sin(pi*x/2)"]);
    expect(k("Max(x, y, 0)")).toEqual(["x", "y", "-x + y"]);
  });

  it("returns nothing for smooth formulas and ignores constant kinks", () => {
    expect(k("exp(x)*sin(x)")).toEqual([]);
    expect(k("Abs(2)*x")).toEqual([]);
  });
});
