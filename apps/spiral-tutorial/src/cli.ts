import { parseArgs } from "node:util";

import { summary } from "./summary.js";

const { values } = parseArgs({
  options: { seed: { type: "string", default: "42" }, epochs: { type: "string", default: "30" } },
  strict: true,
});
console.log(summary({ seed: Number(values.seed) }));
