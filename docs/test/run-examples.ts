// Runs prepared examples one after another in this worker, each in a fresh temporary working directory,
// and compares what each printed, evaluated to or threw with what it shows.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createRecorder } from "../../scripts/doc-examples/recorder.mjs";
import { compareOutputs } from "../../scripts/doc-examples/shown-outputs.mjs";
import type { DocExample, PreparedExample } from "./doc-examples.ts";
import { typecheck } from "./doc-examples.ts";

async function run(example: PreparedExample): Promise<string[]> {
  const recorder = createRecorder();
  const log = console.log;
  const cwd = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), "neurogebra-example-"));
  (globalThis as { __example?: unknown }).__example = recorder;
  console.log = (...args: unknown[]) => void recorder.log(...args);
  process.chdir(dir);
  try {
    await import(pathToFileURL(example.runFile).href);
  } catch (error) {
    const shown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [`${example.where}: the example threw ${shown}`];
  } finally {
    process.chdir(cwd);
    console.log = log;
    rmSync(dir, { recursive: true, force: true });
  }
  return compareOutputs(example.outputs, recorder.seen as Record<string, never>, example.line - 1).map(
    (d: string) => `${example.file}: ${d}`,
  );
}

/** One test per example (named by file and line), one `it.skip` per `no-run` block with its reason. */
export function exampleSuite(title: string, all: DocExample[], prepared: PreparedExample[]): void {
  const skipped = all.filter((e) => e.noRun !== undefined);
  const counts = { checked: 0 };
  describe(title, () => {
    // One program over every example: ~20 s alone, several minutes while the whole `pnpm test` shares
    // the two cores.
    it(
      `every example typechecks under strict tsc (${prepared.length} examples)`,
      { timeout: 900_000 },
      () => {
        expect(typecheck(prepared).join("\n")).toBe("");
      },
    );
    for (const example of prepared) {
      it(example.where, async () => {
        const differences = await run(example);
        counts.checked += example.outputs.filter((o) => o.kind !== "remark").length;
        expect(differences.join("\n")).toBe("");
      });
    }
    for (const example of skipped) it.skip(`${example.where} — no-run: ${example.noRun}`, () => {});
    afterAll(() => {
      console.log(
        `${title}: ${prepared.length} examples run, ${counts.checked} shown outputs compared; ` +
          `${skipped.length} not run (marked no-run)` +
          skipped.map((e) => `\n  ${e.where}: ${e.noRun}`).join(""),
      );
    });
  });
}
