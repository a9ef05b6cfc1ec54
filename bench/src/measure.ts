import { Bench } from "tinybench";

/**
 * How often a workload runs: untimed warm-up runs (at least `warmup`, and for at least `warmupMs`), then
 * timed runs (at least `runs`, and for at least `timeMs`).
 */
export interface Repeats {
  warmup: number;
  warmupMs: number;
  runs: number;
  timeMs: number;
}

/** The timed runs of one workload. */
export interface Measurement {
  /** Median of the timed runs, in milliseconds. */
  medianMs: number;
  /** Fastest and slowest timed run, in milliseconds. */
  minMs: number;
  maxMs: number;
  /** Number of timed runs. */
  runs: number;
}

/**
 * Runs `fn` untimed to warm up, then timed (tinybench, one call per sample; see {@link Repeats}), and
 * returns the median. When `fn` returns a number, that number is taken as the sample in milliseconds instead of
 * the wall time of the call — for workloads that time their own inner loop and leave setup out.
 *
 * @example
 * ```ts
 * const m = measure("sum", () => void xs.reduce((a, b) => a + b, 0), { warmup: 5, warmupMs: 100, runs: 50, timeMs: 500 });
 * console.log(m.medianMs);
 * ```
 */
export function measure(name: string, fn: () => number | void, repeats: Repeats): Measurement {
  const bench = new Bench({
    name,
    iterations: repeats.runs,
    time: repeats.timeMs,
    warmup: repeats.warmup > 0 || repeats.warmupMs > 0,
    warmupIterations: repeats.warmup,
    warmupTime: repeats.warmupMs,
    retainSamples: true,
    throws: true,
  });
  bench.add(name, () => {
    const ms = fn();
    return typeof ms === "number" ? { overriddenDuration: ms } : undefined;
  });
  const [task] = bench.runSync();
  const result = task?.result;
  if (result === undefined || !("latency" in result)) {
    throw new Error(
      `measure: the benchmark "${name}" produced no samples (state ${result?.state ?? "missing"})`,
    );
  }
  return {
    medianMs: result.latency.p50,
    minMs: result.latency.min,
    maxMs: result.latency.max,
    runs: result.latency.samplesCount,
  };
}
