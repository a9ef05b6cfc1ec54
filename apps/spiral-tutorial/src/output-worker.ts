// Entry of the output worker thread: draws figures and writes the report off the main thread.
import { parentPort } from "node:worker_threads";

import type { DrawnFigure, FigureRequest } from "./output-jobs.js";
import { drawFigure, preloadOutputModules, writeReport } from "./output-jobs.js";
import type { ReportInput } from "./report/report-html.js";

/** A job for the output worker. */
export type OutputJobBody =
  | { type: "figure"; name: string; dir: string; request: FigureRequest }
  | { type: "report"; dir: string; input: ReportInput };

/** A job as posted, with its id. */
export type OutputJob = OutputJobBody & { id: number };

/** The worker's answer to a job: the drawn figure, nothing (report), or the error. */
export interface OutputJobResult {
  id: number;
  drawn?: DrawnFigure;
  error?: string;
}

const port = parentPort;
if (port === null) throw new Error("output-worker: must run in a worker thread");
preloadOutputModules().catch(() => {}); // a failing import surfaces in the job that needs it
port.on("message", (job: OutputJob) => {
  const run = async (): Promise<OutputJobResult> => {
    if (job.type === "figure") return { id: job.id, drawn: await drawFigure(job.request, job.name, job.dir) };
    await writeReport(job.input, job.dir);
    return { id: job.id };
  };
  run().then(
    (result) => port.postMessage(result),
    (error: unknown) =>
      port.postMessage({
        id: job.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
