// Records what an instrumented example (shown-outputs.mjs `instrument`) prints, evaluates to or throws,
// per marked statement: the `__example` object its markers call.
import { format, inspect } from "node:util";

/** A fresh recorder; `print` is called with what a marked (or any) `console.log` prints. */
export function createRecorder() {
  const seen = {};
  let current = -1;
  return {
    seen,
    /** What console.log(...args) printed, as Node formats it. */
    log(...args) {
      const text = format(...args);
      if (current >= 0) (seen[current] ??= {}).printed = [...(seen[current].printed ?? []), text];
      return text;
    },
    at(id) {
      current = id;
    },
    threw(id, error) {
      (seen[id] ??= {}).threw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    },
    value(id, value) {
      const inspected = inspect(value, { depth: Infinity, maxArrayLength: Infinity, breakLength: Infinity });
      (seen[id] ??= {}).value = {
        inspected,
        ...(typeof value === "string" ? { json: JSON.stringify(value) } : {}),
      };
      return value;
    },
  };
}
