/**
 * The playground's performance, measured in Debian's Chromium against the built app (`pnpm
 * playground:build` first): bundle size, training wall time, long tasks on the main thread, the
 * decision map's time and the JS heap after 100 and 1,000 epochs. Prints a Markdown table.
 *
 *   pnpm --filter @neurogebra/playground measure [--runs 3]
 *
 * The machine is shared, so each time is reported as median and best of `--runs` runs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

import { chromium } from "playwright-core";
import type { Page } from "playwright-core";

import { CHROMIUM, CHROMIUM_ARGS } from "../test/e2e/browser.js";
import { DIST, serveDist } from "../test/e2e/serve.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const best = (xs: number[]) => Math.min(...xs);
const fmt = (xs: number[], unit = "ms") => `${median(xs).toFixed(0)} ${unit} (best ${best(xs).toFixed(0)})`;

// ── Bundle ──
const assets = join(DIST, "assets");
const gz = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
const js = readdirSync(assets).filter((f) => f.endsWith(".js"));
const jsGzip = js.map((f) => [f, gz(f)] as const);
const css = readdirSync(assets).filter((f) => f.endsWith(".css"));
const fonts = readdirSync(assets).filter((f) => /\.(woff2?|ttf)$/.test(f));
const fontBytes = fonts.reduce((s, f) => s + readFileSync(join(assets, f)).length, 0);

// ── Browser ──
// Cross-origin isolation lets the page call performance.measureUserAgentSpecificMemory(), which counts the
// worker's heap too; --expose-gc gives gc() in page and worker, so heaps are measured after a collection.
const server = await serveDist({
  headers: { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" },
});
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc", "--enable-blink-features=ForceEagerMeasureMemory"],
});

async function open(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe(
      {
        type: "longtask",
        buffered: true,
      },
    );
  });
  await page.goto(`${server.url}${query}`);
  await page
    .getByTestId("status")
    .filter({ hasText: /^(ready|paused|done)$/ })
    .waitFor();
  return page;
}

/** Clicks play and waits for `done` inside the page; the wall time and the long tasks meanwhile. */
async function train(page: Page): Promise<{ ms: number; longTasks: number[] }> {
  return page.evaluate(
    () =>
      new Promise<{ ms: number; longTasks: number[] }>((resolve) => {
        const w = window as unknown as { longTasks: number[]; trainStart: number };
        w.longTasks = [];
        const status = document.querySelector("[data-testid=status]")!;
        const start = performance.now();
        w.trainStart = start;
        const watch = new MutationObserver(() => {
          if (status.textContent === "done") {
            watch.disconnect();
            resolve({ ms: performance.now() - start, longTasks: [...w.longTasks] });
          }
        });
        watch.observe(status, { childList: true, characterData: true, subtree: true });
        (document.querySelector("[data-testid=play]") as HTMLButtonElement).click();
      }),
  );
}

/** JS bytes of the page and its worker after a garbage collection in both. */
async function heap(page: Page): Promise<{ page: number; worker: number }> {
  await page.workers()[0]!.evaluate(() => (globalThis as unknown as { gc(): void }).gc());
  await page.evaluate(() => (globalThis as unknown as { gc(): void }).gc());
  const result = await page.evaluate(() =>
    (
      performance as unknown as {
        measureUserAgentSpecificMemory(): Promise<{
          breakdown: { bytes: number; types: string[]; attribution: { scope: string }[] }[];
        }>;
      }
    ).measureUserAgentSpecificMemory(),
  );
  const js = (scope: string) =>
    result.breakdown
      .filter((b) => b.types.includes("JavaScript") && b.attribution.some((a) => a.scope === scope))
      .reduce((s, b) => s + b.bytes, 0);
  return { page: js("Window"), worker: js("DedicatedWorkerGlobalScope") };
}

const results: string[][] = [];
/** Long tasks while training: duration and start (ms after play), with the run they happened in. */
const longTaskList: string[] = [];
const noteLongTasks = (run: string, pairs: number[]) => {
  for (let i = 0; i < pairs.length; i += 2) {
    allLongTasks.push(pairs[i]!);
    longTaskList.push(`${pairs[i]!.toFixed(0)} ms at +${pairs[i + 1]!.toFixed(0)} ms (${run})`);
  }
};
const loadBefore = loadavg()[0]!;
const allLongTasks: number[] = [];
for (const [name, query] of [
  ["from scratch (Value), SGD", "?preset=tutorial"],
  ["framework (Tensor), Adam lr 0.01", "?preset=tutorial&engine=framework&optimizer=adam&lr=0.01"],
] as const) {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const page = await open(query);
    const { ms, longTasks } = await train(page);
    times.push(ms);
    noteLongTasks(`${name}, run ${r + 1}`, longTasks);
    await page.close();
  }
  results.push([`tutorial preset, 30 epochs, ${name}: wall time in the browser`, fmt(times)]);
}

// Decision map: each step redraws it; the worker reports the time of the forward pass and the colouring.
{
  const page = await open("?preset=tutorial&epochs=1000");
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    await page.getByTestId("step").click();
    await page
      .getByTestId("epoch")
      .filter({ hasText: new RegExp(`^${i + 1}\\b`) })
      .waitFor();
    if (i >= 5) times.push(Number.parseFloat((await page.getByTestId("decision-ms").textContent())!));
  }
  const points = (await page.getByTestId("grid-size").textContent())!;
  results.push([
    `decision map of the 0.02 grid (${points}), forward + colours, 35 redraws`,
    `${median(times).toFixed(1)} ms (best ${best(times).toFixed(1)})`,
  ]);
  await page.close();
}

// Memory: the tutorial preset trained for 1,000 epochs, heap after epoch 100 and after epoch 1,000.
{
  const page = await open("?preset=tutorial&epochs=1000");
  await page.getByTestId("play").click();
  await page
    .getByTestId("epoch")
    .filter({ hasText: /^(1\d\d|[2-9]\d\d)\b/ })
    .waitFor({ timeout: 300_000 });
  await page.getByTestId("pause").click();
  await page.getByTestId("status").filter({ hasText: "paused" }).waitFor();
  const epochA = Number.parseInt((await page.getByTestId("epoch").textContent())!, 10);
  const a = await heap(page);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; trainStart: number };
    w.longTasks = [];
    w.trainStart = performance.now();
  });
  await page.getByTestId("play").click();
  await page
    .getByTestId("status")
    .filter({ hasText: /^done$/ })
    .waitFor({ timeout: 600_000 });
  noteLongTasks(
    "epochs 100 → 1,000",
    await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks),
  );
  const b = await heap(page);
  const mb = (x: number) => `${(x / 1048576).toFixed(1)} MB`;
  const total = (h: { page: number; worker: number }) => h.page + h.worker;
  results.push([
    `JS heap after ${epochA} epochs (page + worker, after GC)`,
    `${mb(total(a))} (page ${mb(a.page)}, worker ${mb(a.worker)})`,
  ]);
  results.push([
    `JS heap after 1,000 epochs`,
    `${mb(total(b))} (page ${mb(b.page)}, worker ${mb(b.worker)}); ${((total(b) / total(a) - 1) * 100).toFixed(1)} % vs epoch ${epochA}`,
  ]);
  await page.close();
}

results.push([
  "long tasks (> 50 ms) on the main thread while training (all runs above)",
  allLongTasks.length === 0
    ? "none"
    : `${allLongTasks.length}, longest ${best(allLongTasks.map((x) => -x)) * -1} ms`,
]);
results.push([
  "JavaScript, gzip -9 (without KaTeX's fonts)",
  `${(jsGzip.reduce((s, [, n]) => s + n, 0) / 1024).toFixed(1)} kB: ${jsGzip.map(([f, n]) => `${f.replace(/-[\w-]+\.js$/, ".js")} ${(n / 1024).toFixed(1)} kB`).join(", ")}`,
]);
results.push([
  "CSS, gzip -9",
  `${(css.reduce((s, f) => s + gz(f), 0) / 1024).toFixed(1)} kB (+ ${fonts.length} KaTeX font files, ${(fontBytes / 1024).toFixed(0)} kB, loaded only as needed)`,
]);

await browser.close();
await server.close();
results.push([
  "machine load (1-minute load average, 2 cores) at start / end",
  `${loadBefore.toFixed(1)} / ${loadavg()[0]!.toFixed(1)}`,
]);
console.log("| measurement | result |\n| --- | --- |");
for (const [what, value] of results) console.log(`| ${what} | ${value} |`);
