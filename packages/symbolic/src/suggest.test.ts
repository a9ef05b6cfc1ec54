import { describe, expect, it } from "vitest";

import { suggest } from "./suggest.js";

describe("suggest", () => {
  it("finds typos, swaps and case slips, closest first", () => {
    expect(suggest("rellu", ["relu", "elu", "selu", "sigmoid"])).toEqual(["relu", "elu", "selu"]);
    expect(suggest("alpah", ["alpha", "beta"])).toEqual(["alpha"]);
    expect(suggest("MAX", ["Max", "Min"])).toEqual(["Max"]);
  });

  it("offers names that contain the query and nothing when nothing is close", () => {
    expect(suggest("kernel", ["rbf_kernel", "relu"])).toEqual(["rbf_kernel"]);
    expect(suggest("zzzz", ["relu", "tanh"])).toEqual([]);
  });
});
