// What the rehearsal tells: one line per step or check as it goes (✓ or ✗, with the time it took), the
// reason of each failure, a closing summary of what was published and installed, and (with --report)
// a small JSON file that scripts/test-summary.mjs adds to the CI's "N passed, N failed" line.
import { writeFileSync } from "node:fs";

/** "name version, name version" for a map of package name → version. */
export const listVersions = (versions) =>
  Object.entries(versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(", ");

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const indent = (text, by) => text.replace(/\n/g, `\n${by}`);

export function createReport() {
  const started = performance.now();
  let passed = 0;
  let failed = 0;
  const summary = [];

  const line = (ok, name, ms, detail) => {
    process.stdout.write(`  ${ok ? "✓" : "✗"} ${name}${ms === undefined ? "" : ` (${seconds(ms)})`}\n`);
    if (detail) process.stdout.write(`      ${indent(detail, "      ")}\n`);
  };

  return {
    /** A step the rest depends on: its failure is counted and ends the rehearsal (rethrown). */
    async step(name, fn) {
      const t = performance.now();
      try {
        const value = await fn();
        passed++;
        line(true, name, performance.now() - t);
        return value;
      } catch (error) {
        failed++;
        line(false, name, performance.now() - t, error.message);
        error.reported = true;
        throw error;
      }
    },

    /**
     * A check the rest does not depend on: its failure is counted and the rehearsal goes on. When `fn`
     * returns a string, it is printed after the name (what was found).
     */
    async check(name, fn) {
      const t = performance.now();
      try {
        const found = await fn();
        passed++;
        line(true, typeof found === "string" ? `${name}: ${found}` : name, performance.now() - t);
        return true;
      } catch (error) {
        failed++;
        line(false, name, performance.now() - t, error.message);
        return false;
      }
    },

    /** An error that happened outside any step or check (counted once). */
    crash(error) {
      if (error.reported) return;
      failed++;
      line(false, "release rehearsal stopped", undefined, error.stack ?? String(error));
    },

    /** Adds a line to the closing summary. */
    note(text) {
      summary.push(text);
    },

    get failed() {
      return failed;
    },

    /** Prints the summary and the verdict; writes the counts to `reportPath` when given. */
    finish(reportPath) {
      if (summary.length > 0) process.stdout.write(`\n${summary.join("\n")}\n`);
      const verdict = failed === 0 ? "passed" : "FAILED";
      process.stdout.write(
        `\nrelease rehearsal ${verdict}: ${passed} checks passed, ${failed} failed, in ${seconds(performance.now() - started)}\n`,
      );
      if (reportPath) {
        const counts = {
          numPassedTests: passed,
          numFailedTests: failed,
          numPendingTests: 0,
          numTodoTests: 0,
        };
        writeFileSync(reportPath, JSON.stringify(counts) + "\n");
      }
    },
  };
}
