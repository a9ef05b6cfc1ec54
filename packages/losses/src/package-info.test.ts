import { expect, it } from "vitest";

import { packageName } from "./package-info.js";

it("names itself", () => {
  expect(packageName).toBe("@neurogebra/losses");
});
