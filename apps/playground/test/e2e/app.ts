import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

import type { Page } from "playwright-core";

/** Opens the app at `query` and waits until the first run is set up (the decision map is drawn). */
export async function openApp(page: Page, baseUrl: string, query = ""): Promise<void> {
  await page.goto(`${baseUrl}${query}`);
  await page.getByTestId("status").filter({ hasNotText: "loading" }).waitFor();
}

/** Waits for the `status` hook to read `done` (every configured epoch trained). */
export async function waitDone(page: Page, timeout = 120_000): Promise<void> {
  await page
    .getByTestId("status")
    .filter({ hasText: /^done$/ })
    .waitFor({ timeout });
}

/** The CLI-style lines in the `epoch-log` hook. */
export async function epochLines(page: Page): Promise<string[]> {
  const text = (await page.getByTestId("epoch-log").textContent()) ?? "";
  return text.split("\n").filter((line) => line !== "");
}

/** Waits until the app's status is neither loading nor training (a run set up and idle). */
export async function waitIdle(page: Page): Promise<void> {
  await page
    .getByTestId("status")
    .filter({ hasText: /^(ready|paused|done)$/ })
    .waitFor();
}

/** What `pnpm demo --json` reports of one half. */
export interface CliHalf {
  epochLines: string[];
  testAccuracyLine: string;
}

const cliPath = join(
  dirname(createRequire(import.meta.url).resolve("@neurogebra/spiral-tutorial/package.json")),
  "dist/cli.js",
);

/** Runs the built tutorial CLI (what `pnpm demo` runs) with `--json --no-plots` and the given flags. */
export async function runCli(
  args: string[],
): Promise<{ fromScratch: CliHalf | null; framework: CliHalf | null }> {
  const { stdout } = await promisify(execFile)(process.execPath, [cliPath, "--json", "--no-plots", ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as { fromScratch: CliHalf | null; framework: CliHalf | null };
}

/** The percentage in a CLI line such as `Neurogebra Test Accuracy: 93.3%`. */
export function percentOf(line: string): string {
  const match = /(\d+(?:\.\d+)?%)$/.exec(line);
  if (match === null) throw new Error(`no percentage at the end of "${line}"`);
  return match[1]!;
}
