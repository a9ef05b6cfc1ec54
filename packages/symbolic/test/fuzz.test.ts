/**
 * Fuzz suite of issue #19 (symbolic): random expression strings and random trees up to a size
 * bound. No input may crash (only named errors: ParseError for text, LimitExceededError past a
 * documented limit), hang (each case is bounded by the harness in isolated.ts, not timed here),
 * print a tree that parses back differently, or differentiate away from finite differences.
 */
import { describe, expect, it } from "vitest";

import { runIsolated } from "./isolated.js";

const TASKS = new URL("./fuzz-tasks.ts", import.meta.url);

/** Per case: far above the milliseconds a case takes, even on a busy shared machine. */
const PER_CASE = { timeoutMs: 10_000, heapMb: 512 };

describe("fuzz #19: symbolic", () => {
  it("random expression strings: a ParseError or a tree that prints back, evaluates and compiles alike", async () => {
    const out = await runIsolated(TASKS, "strings", { runs: 600, seed: 19 }, PER_CASE);
    expect(out.kind, JSON.stringify(out)).toBe("value");
    const { parsed, refused } = (out as { value: { parsed: number; refused: number } }).value;
    expect(parsed).toBeGreaterThan(150); // enough valid input to exercise more than the parser
    expect(refused).toBeGreaterThan(50);
  });

  it("random trees: printing round-trips, compile equals evaluate, diff matches finite differences", async () => {
    const out = await runIsolated(TASKS, "trees", { runs: 400, seed: 23 }, PER_CASE);
    expect(out.kind, JSON.stringify(out)).toBe("value");
    const { derivativeChecks } = (out as { value: { derivativeChecks: number } }).value;
    expect(derivativeChecks).toBeGreaterThan(100);
  });
});
