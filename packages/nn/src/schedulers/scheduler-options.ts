import { expected } from "@neurogebra/internal";
import type { Check } from "./lr-scheduler.js";

/** The options object of a scheduler's constructor (a missing one fails here with the scheduler's name). */
export function schedulerOptions<T extends object>(fn: string, options: T): Partial<T> {
  if (options === null || typeof options !== "object") {
    throw new TypeError(expected(fn, "an options object", options));
  }
  return options;
}

/** A constructor option checked like its state-dict entry; the error names the option. */
export function checkSchedulerOption(fn: string, name: string, value: unknown, check: Check): number {
  const what = check(value);
  if (what !== null) {
    const message = expected(fn, `${name} to be ${what}`, value);
    throw typeof value === "number" ? new RangeError(message) : new TypeError(message);
  }
  return value as number;
}
