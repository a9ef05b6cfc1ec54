// Sums the vitest JSON reports of every workspace package, and the release rehearsal's report when there
// is one, into one line: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
let passed = 0;
let failed = 0;
let skipped = 0;
const packageDirs = ["packages", "apps"].flatMap((group) =>
  existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(root, group, name)) : [],
);
// docs/: the documentation examples (README blocks and TSDoc @example), a workspace package of its own
for (const dir of [...packageDirs, join(root, "docs")]) {
  const report = join(dir, "test-results.json");
  if (!existsSync(report)) continue;
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
// The release rehearsal's checks (scripts/release-rehearsal, run by .ci/run with --report)
const rehearsal = join(root, "release-rehearsal-results.json");
if (existsSync(rehearsal)) {
  const r = JSON.parse(readFileSync(rehearsal, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
console.log(`${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : ""));
