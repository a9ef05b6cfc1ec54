// Imported first by an instrumented README example (../doc-examples/shown-outputs.mjs): records what each
// marked statement prints (console.log, formatted as Node prints it) or throws, and writes it as JSON to
// the file named by EXAMPLE_REPORT when the process exits.
import { writeFileSync } from "node:fs";
import { createRecorder } from "../doc-examples/recorder.mjs";

const recorder = createRecorder();
const print = console.log.bind(console);

console.log = (...args) => print(recorder.log(...args));
globalThis.__example = recorder;

process.on("exit", () => writeFileSync(process.env.EXAMPLE_REPORT, JSON.stringify(recorder.seen)));
