/**
 * The child side of isolated.ts: loads the tasks module, reports "ready", runs one task and sends
 * its value or its error. Progress reports restart the parent's time bound.
 */
type Task = (args: unknown, progress: (info: unknown) => void) => unknown;

const send = (message: unknown): void => {
  process.send?.(message);
};

const { tasks, task, args } = JSON.parse(process.argv[2]!) as { tasks: string; task: string; args: unknown };
const { TASKS } = (await import(tasks)) as { TASKS: Record<string, Task> };
send({ type: "ready" });
try {
  const value = await TASKS[task]!(args, (info) => send({ type: "progress", info }));
  send({ type: "value", value });
} catch (error) {
  send({ type: "error", name: (error as Error).name, message: String((error as Error).message) });
}
