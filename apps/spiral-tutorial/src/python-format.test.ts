import { expect, it } from "vitest";

import { formatStringList } from "./python-format.js";

it("formatStringList prints a Python list of strings", () => {
  expect(formatStringList(["relu", "relu", "linear"])).toBe("['relu', 'relu', 'linear']");
});
