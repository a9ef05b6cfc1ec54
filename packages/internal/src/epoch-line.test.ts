import { describe, expect, it } from "vitest";

import { readSharedFixture } from "../fixtures/read-fixture.js";
import { accuracyText, divergedEpoch, formatEpochLine, isPrintedEpoch } from "./epoch-line.js";

const transcript = readSharedFixture("python-run-seed42.txt").split("\n");

describe("the tutorial's epoch line", () => {
  it("prints what the Python run printed (f-string widths, .4f loss, .1% accuracy with ties to even)", () => {
    const line = formatEpochLine(0, 30, 15.378512, 111 / 240);
    expect(line).toBe("  Epoch   0/30: Loss = 15.3785, Accuracy = 46.2%");
    expect(transcript).toContain(line); // the real transcript's first epoch line
    expect(formatEpochLine(29, 30, 5.78849, 0.871)).toBe("  Epoch  29/30: Loss = 5.7885, Accuracy = 87.1%");
  });

  it("prints every fifth epoch and the last, as the tutorial does", () => {
    const printed = Array.from({ length: 30 }, (_, e) => e).filter((e) => isPrintedEpoch(e, 30));
    expect(printed).toEqual([0, 5, 10, 15, 20, 25, 29]);
  });

  it("finds the first diverged epoch, and writes a dash for a missing accuracy", () => {
    expect(divergedEpoch({ loss: [2.1, NaN, Infinity], accuracy: [0.4, 0.3, 0.3] })).toBe(1);
    expect(divergedEpoch({ loss: [2.1], accuracy: [0.4] })).toBeNull();
    expect(accuracyText(NaN)).toBe("—");
    expect(accuracyText(0.9333333333333333)).toBe("93.3%");
  });
});
