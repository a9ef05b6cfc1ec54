/**
 * Wall time of named pieces of work, and of the whole run since the timer was made: what the Wall Time
 * table and `--json`'s `timingsMs` show.
 *
 * @example
 * ```ts
 * const timer = new Timer<"data" | "train">();
 * const split = timer.time("data", () => trainTestSplit(dataset, { rng }));
 * timer.ms("data"); // e.g. 12.5
 * ```
 */
export class Timer<Work extends string> {
  readonly #started = performance.now();
  readonly #ms = new Map<Work, number>();

  /** Runs `fn`, keeps how long it took under `work`, and returns what it returned. */
  time<T>(work: Work, fn: () => T): T {
    const started = performance.now();
    const result = fn();
    this.#ms.set(work, performance.now() - started);
    return result;
  }

  /** Like `time`, for work that finishes when its promise settles. */
  async timeAsync<T>(work: Work, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await fn();
    this.#ms.set(work, performance.now() - started);
    return result;
  }

  /** Keeps a duration measured elsewhere (e.g. on the output worker). */
  record(work: Work, ms: number): void {
    this.#ms.set(work, ms);
  }

  /** Milliseconds `work` took; 0 when it did not run (e.g. figures with `--no-plots`). */
  ms(work: Work): number {
    return this.#ms.get(work) ?? 0;
  }

  /** Milliseconds since the timer was made (the start of the run). */
  sinceStart(): number {
    return performance.now() - this.#started;
  }
}
