import { describe, expect, it } from "vitest";

import type { EpochRecord } from "../worker/run-types.js";
import { History } from "./history.js";

const record = (epoch: number): EpochRecord => ({
  epoch,
  loss: 10 - epoch,
  meanLoss: 1 - epoch / 100,
  accuracy: epoch / 100,
  testLoss: 1,
  testAccuracy: 0.5,
  line: epoch % 5 === 0 ? `  Epoch ${String(epoch).padStart(3)}/30` : null,
});
const epochs = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => record(from + i));

describe("History", () => {
  it("keeps epoch order when a progress snapshot arrives after the final one", () => {
    // play(): progress snapshots (epochs 0–14, 15–24) on the callback port, the final one (25–29) on the main port
    const h = new History().with(epochs(0, 15)).with(epochs(25, 30)).with(epochs(15, 25));
    expect(h.epochs).toEqual(epochs(0, 30).map((r) => r.epoch));
    expect(h.lines).toEqual([
      "  Epoch   0/30",
      "  Epoch   5/30",
      "  Epoch  10/30",
      "  Epoch  15/30",
      "  Epoch  20/30",
      "  Epoch  25/30",
    ]);
    expect(h.trainAccuracy).toEqual(epochs(0, 30).map((r) => r.accuracy));
  });

  it("adds an epoch's record once", () => {
    const h = new History().with(epochs(0, 5)).with(epochs(3, 7));
    expect(h.length).toBe(7);
    expect(h.epochs).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(h.trainLoss).toEqual(epochs(0, 7).map((r) => r.meanLoss));
  });
});
