/**
 * Runs a task in a child process with bounds the test enforces from outside: a time bound that
 * restarts whenever the task reports progress (so a fuzz suite bounds each case, not the whole
 * run), a heap size and a stack size. A task that hangs, runs out of memory or overflows the stack
 * becomes an outcome the test can assert on, instead of freezing or killing the test run (a
 * process, not a worker thread: V8 may abort the whole process when a heap limit is reached).
 *
 * A task is a named entry of a `TASKS` record in a TypeScript module; the child loads it (and
 * the package's source) with tsx.
 */
import { fork } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

/** What became of an isolated task. */
export type Outcome =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "error"; readonly name: string; readonly message: string }
  | { readonly kind: "timeout"; readonly lastProgress: unknown }
  | { readonly kind: "crash"; readonly message: string };

export interface Bounds {
  /** Longest time between two progress reports (or from start to result) before the task is stopped. */
  readonly timeoutMs: number;
  /** Heap limit of the child (V8's old generation), in MB. */
  readonly heapMb?: number;
  /** Stack size of the child (V8's --stack-size), in KB. Node's default is 984. */
  readonly stackSizeKb?: number;
}

/** Loading the package's source with tsx is not part of any bound (it can be slow on a busy machine). */
const STARTUP_MS = 120_000;

const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

interface Message {
  readonly type: "ready" | "progress" | "value" | "error";
  readonly info?: unknown;
  readonly value?: unknown;
  readonly name?: string;
  readonly message?: string;
}

/** Runs `TASKS[task](args, progress)` of the module `tasks` in a fresh child process. */
export function runIsolated(tasks: URL, task: string, args: unknown, bounds: Bounds): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = fork(
      new URL("./isolated-child.ts", import.meta.url),
      [JSON.stringify({ tasks: tasks.href, task, args })],
      {
        execArgv: [
          "--import",
          TSX,
          ...(bounds.heapMb === undefined ? [] : [`--max-old-space-size=${bounds.heapMb}`]),
          ...(bounds.stackSizeKb === undefined ? [] : [`--stack-size=${bounds.stackSizeKb}`]),
        ],
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      },
    );
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    let lastProgress: unknown;
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: Outcome): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      resolve(outcome);
    };
    const arm = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ kind: "timeout", lastProgress }), ms);
    };
    arm(STARTUP_MS);
    child.on("message", (m: Message) => {
      if (m.type === "ready") arm(bounds.timeoutMs);
      else if (m.type === "progress") {
        lastProgress = m.info;
        arm(bounds.timeoutMs);
      } else if (m.type === "value") finish({ kind: "value", value: m.value });
      else finish({ kind: "error", name: m.name ?? "Error", message: m.message ?? "" });
    });
    child.on("error", (error) => finish({ kind: "crash", message: `${error.name}: ${error.message}` }));
    child.on("exit", (code, signal) => {
      const why = /FATAL ERROR[^\n]*/.exec(stderr)?.[0] ?? stderr.trim().split("\n").slice(-3).join(" | ");
      finish({ kind: "crash", message: `child exited (${signal ?? `code ${code}`}): ${why}` });
    });
  });
}
