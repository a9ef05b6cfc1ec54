import { describe, expect, it } from "vitest";

import type { FigureWriter } from "./figure-queue.js";
import { FigureQueue } from "./figure-queue.js";
import type { FigureRequest } from "./output-jobs.js";
import { Transcript } from "./transcript.js";

const request: FigureRequest = { kind: "training", curves: [] };

describe("FigureQueue", () => {
  it("without a writer (--no-plots) builds no figure data and prints nothing", async () => {
    const lines: string[] = [];
    const transcript = new Transcript((line) => lines.push(line));
    transcript.section("step-5", "Step 5");
    const figures = new FigureQueue(null, transcript, "out");
    figures.add("training", "alt", () => {
      throw new Error("the figure's data was built");
    });
    await figures.settle();
    expect([figures.enabled, figures.drawingMs]).toEqual([false, 0]);
    expect(lines).toEqual(["━━ Step 5 ━━"]);
    expect(transcript.sections[0]!.figures).toEqual([]);
  });

  it("hands each figure to the writer at once, fills in its SVG, lists files in request order, rethrows a failure", async () => {
    const asked: string[] = [];
    const writer: FigureWriter = {
      inWorker: true,
      figure: (name) => {
        asked.push(name);
        return name === "broken"
          ? Promise.reject(new Error("resvg failed"))
          : Promise.resolve({ svg: `<svg id="${name}"/>`, ms: 1 });
      },
    };
    const lines: string[] = [];
    const transcript = new Transcript((line) => lines.push(line));
    transcript.section("step-5", "Step 5");
    const figures = new FigureQueue(writer, transcript, "some/dir");
    figures.add("training", "Loss and accuracy", () => request);
    expect(asked).toEqual(["training"]);
    expect(lines.at(-1)).toBe("  → some/dir/training.svg / .png");
    await figures.settle();
    expect(transcript.sections[0]!.figures).toEqual([
      { file: "training.svg", svg: '<svg id="training"/>', alt: "Loss and accuracy" },
    ]);
    expect(figures.drawingMs).toBeGreaterThanOrEqual(0);

    // Files are listed in the order asked for, whichever is drawn first.
    const slow: FigureWriter = {
      inWorker: true,
      figure: (name) =>
        new Promise((resolve) => setTimeout(() => resolve({ svg: name, ms: 0 }), name === "first" ? 30 : 0)),
    };
    const ordered = new FigureQueue(slow, transcript, "some/dir");
    ordered.add("first", "alt", () => request);
    ordered.add("second", "alt", () => request);
    await ordered.settle();
    expect(ordered.files).toEqual(["first.svg", "first.png", "second.svg", "second.png"]);

    figures.add("broken", "alt", () => request);
    await expect(figures.settle()).rejects.toThrow("resvg failed");
  });
});
