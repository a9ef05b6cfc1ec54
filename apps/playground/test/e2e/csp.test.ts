import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { epochLines, openApp, percentOf, runCli, waitDone } from "./app.js";
import { classPixels } from "./pixels.js";
import { STRICT_CSP } from "./serve.js";
import { useBrowser, useServer } from "./suite.js";

const browser = useBrowser();
const strict = useServer({ headers: { "Content-Security-Policy": STRICT_CSP } });
const plain = useServer();

/** Whether the page's training worker may compile WebAssembly (what its CSP allows). */
async function workerCompiles(page: Page): Promise<string> {
  const worker = page.workers()[0] ?? (await page.waitForEvent("worker"));
  return worker.evaluate(() => {
    try {
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return "compiled";
    } catch (error) {
      return (error as Error).name;
    }
  });
}

describe("served with a Content-Security-Policy that forbids WebAssembly (no 'wasm-unsafe-eval')", () => {
  it("refuses to compile in the worker there, and compiles without the policy", async () => {
    const page = await browser().newPage();
    await openApp(page, strict().url, "?preset=tutorial");
    expect(await workerCompiles(page)).toBe("CompileError");
    const other = await browser().newPage();
    await openApp(other, plain().url, "?preset=tutorial");
    expect(await workerCompiles(other)).toBe("compiled");
    await page.close();
    await other.close();
  });

  it("still gives the CLI's numbers: matmul and Adam on their JavaScript paths", async () => {
    const cli = await runCli(["--only", "framework", "--seed", "42"]);
    const page = await browser().newPage();
    await openApp(page, strict().url, "?preset=tutorial&engine=framework&optimizer=adam&lr=0.01&autoplay=1");
    await waitDone(page);
    expect(await epochLines(page)).toEqual(cli.framework!.epochLines);
    expect(await page.getByTestId("test-accuracy").textContent()).toBe(
      percentOf(cli.framework!.testAccuracyLine),
    );
    const { perClass, total } = await classPixels(page.getByTestId("decision-canvas"), 3);
    for (const count of perClass) expect(count / total).toBeGreaterThan(0.05);
    await page.close();
  });

  it("reproduces the tutorial preset", async () => {
    const cli = await runCli(["--only", "from-scratch", "--seed", "42"]);
    const page = await browser().newPage();
    await openApp(page, strict().url, "?preset=tutorial&autoplay=1");
    await waitDone(page);
    expect(await epochLines(page)).toEqual(cli.fromScratch!.epochLines);
    await page.getByTestId("neuron-2-5").click();
    await page.getByTestId("neuron-formula").waitFor(); // KaTeX's styles and fonts load under the policy
    await page.close();
  });
});
