// Sums the vitest JSON reports of every workspace package, and the release rehearsal's report when there
// is one, into one line: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const group of ["packages", "apps"]) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const report = join(dir, name, "test-results.json");
    if (!existsSync(report)) continue;
    const r = JSON.parse(readFileSync(report, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
  }
}
// The release rehearsal's checks (scripts/release-rehearsal, run by .ci/run with --report)
const rehearsal = join(root, "release-rehearsal-results.json");
if (existsSync(rehearsal)) {
  const r = JSON.parse(readFileSync(rehearsal, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
console.log(`${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : ""));
