import { expect, it } from "vitest";

import { summary } from "./summary.js";

it("prints the gradient of x*x + 1", () => {
  expect(summary({ seed: 1 })).toMatch(/dy\/dx = \d\.\d{4}/);
});
