import { describe, expect, it } from "vitest";

import { Value } from "./value.js";

describe("Value", () => {
  it("differentiates x*x + 1", () => {
    const x = new Value(3);
    x.mul(x).add(1).backward();
    expect(x.grad).toBe(6);
  });
});
