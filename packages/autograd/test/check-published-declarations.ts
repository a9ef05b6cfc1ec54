/**
 * `pnpm check-exports` (after the build): the declarations published in `dist/` export no class or
 * interface with an internal member. Exits 1, listing them, if one leaked.
 */
import { join } from "node:path";

import { internalMembers, packageRoot } from "./public-declarations.js";

let leaked = 0;
for (const file of ["dist/index.d.ts", "dist/index.d.cts"]) {
  const found = internalMembers(join(packageRoot, file));
  for (const member of found) console.error(`${file}: internal member ${member} is published`);
  leaked += found.length;
}
if (leaked > 0) process.exit(1);
console.log("published declarations: no internal members in dist/index.d.ts or dist/index.d.cts");
