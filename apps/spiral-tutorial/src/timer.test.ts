import { describe, expect, it } from "vitest";

import { Timer } from "./timer.js";

describe("Timer", () => {
  it("keeps how long each piece of work took, 0 for work that did not run", async () => {
    const timer = new Timer<"sync" | "async" | "measured" | "skipped">();
    expect(timer.time("sync", () => 42)).toBe(42);
    const waited = await timer.timeAsync("async", () => new Promise((r) => setTimeout(() => r("done"), 25)));
    timer.record("measured", 12.5);
    expect(waited).toBe("done");
    expect(timer.ms("async")).toBeGreaterThanOrEqual(20); // a timer may fire a little early
    expect(timer.ms("sync")).toBeLessThan(timer.ms("async"));
    expect([timer.ms("measured"), timer.ms("skipped")]).toEqual([12.5, 0]);
    expect(timer.sinceStart()).toBeGreaterThanOrEqual(timer.ms("async"));
  });
});
