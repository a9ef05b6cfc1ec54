import { describe, expect, it } from "vitest";

import { sizesOfState, stateWithKeys } from "./state-keys.js";

const t = (shape: number[]) => ({ shape, data: new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(0) });

describe("state-dict keys of the two engines", () => {
  it("renames layer i between layers.i.* and (2i).*", () => {
    const scratch = {
      "layers.0.weight": t([4, 2]),
      "layers.0.bias": t([4]),
      "layers.1.weight": t([3, 4]),
      "layers.1.bias": t([3]),
    };
    const framework = stateWithKeys(scratch, "framework", 2);
    expect(Object.keys(framework as object)).toEqual(["0.weight", "0.bias", "2.weight", "2.bias"]);
    expect(stateWithKeys(framework, "scratch", 2)).toEqual(scratch);
    expect(sizesOfState(scratch)).toEqual([2, 4, 3]);
    expect(sizesOfState(framework)).toEqual([2, 4, 3]);
  });

  it("leaves unknown keys for the loader to name, and finds no sizes in what is not a chain from 2 inputs", () => {
    expect(stateWithKeys({ "1.weight": 1, extra: 2 }, "scratch", 2)).toEqual({ "1.weight": 1, extra: 2 });
    expect(sizesOfState({ "layers.0.weight": t([4, 3]) })).toBeNull();
    expect(sizesOfState({ "layers.0.weight": t([4, 2]), "layers.1.weight": t([3, 5]) })).toBeNull();
    expect(sizesOfState([1, 2])).toBeNull();
    expect(sizesOfState(null)).toBeNull();
  });
});
