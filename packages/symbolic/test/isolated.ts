/**
 * Runs a task in a worker thread with bounds the test enforces from outside: a time bound that
 * restarts whenever the task reports progress (so a fuzz suite bounds each case, not the whole
 * run), a heap size and a stack size. A task that hangs, runs out of memory or overflows the stack
 * becomes an outcome the test can assert on, instead of freezing or killing the test run.
 *
 * A task is a named export of a `TASKS` record in a TypeScript module; the worker loads it (and
 * the package's source) with tsx.
 */
import { Worker } from "node:worker_threads";

/** What became of an isolated task. */
export type Outcome =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "error"; readonly name: string; readonly message: string }
  | { readonly kind: "timeout"; readonly lastProgress: unknown }
  | { readonly kind: "crash"; readonly message: string };

export interface Bounds {
  /** Longest time between two progress reports (or from start to result) before the task is stopped. */
  readonly timeoutMs: number;
  /** Heap limit of the worker (V8 old generation), in MB. */
  readonly heapMb?: number;
  /** Stack size of the worker, in MB. */
  readonly stackSizeMb?: number;
}

/** Loading the package's source with tsx is not part of any bound (it can be slow on a busy machine). */
const STARTUP_MS = 120_000;

/** Runs `TASKS[task](args, progress)` of the module `tasks` in a fresh worker. */
export function runIsolated(tasks: URL, task: string, args: unknown, bounds: Bounds): Promise<Outcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./isolated-worker.mjs", import.meta.url), {
      workerData: { tasks: tasks.href, task, args },
      resourceLimits: {
        ...(bounds.heapMb === undefined ? {} : { maxOldGenerationSizeMb: bounds.heapMb }),
        ...(bounds.stackSizeMb === undefined ? {} : { stackSizeMb: bounds.stackSizeMb }),
      },
    });
    let lastProgress: unknown;
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: Outcome): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const arm = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ kind: "timeout", lastProgress }), ms);
    };
    arm(STARTUP_MS);
    worker.on(
      "message",
      (m: { type: string; info?: unknown; value?: unknown; name?: string; message?: string }) => {
        if (m.type === "ready") arm(bounds.timeoutMs);
        else if (m.type === "progress") {
          lastProgress = m.info;
          arm(bounds.timeoutMs);
        } else if (m.type === "value") finish({ kind: "value", value: m.value });
        else finish({ kind: "error", name: m.name ?? "Error", message: m.message ?? "" });
      },
    );
    worker.on("error", (error) => finish({ kind: "crash", message: `${error.name}: ${error.message}` }));
    worker.on("exit", (code) => finish({ kind: "crash", message: `worker exited with code ${code}` }));
  });
}
