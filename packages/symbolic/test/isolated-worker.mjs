// The worker side of isolated.ts: loads the tasks (TypeScript, through tsx), reports "ready", runs
// one task and posts its value or its error. Progress reports restart the caller's time bound.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { TASKS } = await tsImport(workerData.tasks, import.meta.url);
parentPort.postMessage({ type: "ready" });
const progress = (info) => parentPort.postMessage({ type: "progress", info });
try {
  const value = await TASKS[workerData.task](workerData.args, progress);
  parentPort.postMessage({ type: "value", value });
} catch (error) {
  parentPort.postMessage({
    type: "error",
    name: error?.name ?? "Error",
    message: String(error?.message ?? error),
  });
}
