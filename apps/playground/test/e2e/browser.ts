import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";

/** Debian's Chromium (installed by scripts/system-packages.sh); never a downloaded browser. */
export const CHROMIUM = "/usr/bin/chromium";

/** The flags that work here (root, no GPU, no network): toolchain.md's list. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  /** A new page whose uncaught errors and console errors are collected in `problems`. */
  newPage(): Promise<Page>;
  /** Every uncaught page error and console error seen so far (page and workers). */
  problems: string[];
  close(): Promise<void>;
}

/** Headless Chromium in a fresh profile, with downloads allowed. */
export async function launch(extraArgs: string[] = []): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "playground-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    acceptDownloads: true,
    viewport: { width: 1400, height: 1100 },
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("worker", (worker) => worker.on("close", () => undefined));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  return {
    context,
    problems,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
