// Imported first by an instrumented README example (readme-example.mjs): records what each marked
// statement prints (console.log, formatted as Node prints it) or throws, and writes it as JSON to the
// file named by EXAMPLE_REPORT when the process exits.
import { writeFileSync } from "node:fs";
import { format } from "node:util";

const seen = {};
let current = -1;
const print = console.log.bind(console);

console.log = (...args) => {
  if (current >= 0) (seen[current] ??= {}).printed = [...(seen[current].printed ?? []), format(...args)];
  print(...args);
};

globalThis.__example = {
  at(id) {
    current = id;
  },
  threw(id, error) {
    (seen[id] ??= {}).threw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  },
};

process.on("exit", () => writeFileSync(process.env.EXAMPLE_REPORT, JSON.stringify(seen)));
