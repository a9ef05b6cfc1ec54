import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { epochLines, openApp, percentOf, runCli, waitDone } from "./app.js";
import { useBrowser, useServer } from "./suite.js";

const browser = useBrowser();
const server = useServer({ prefix: "some/folder" }); // relative paths: the app works from any folder

describe("the tutorial preset in the browser", () => {
  for (const seed of [42, 7]) {
    it(`prints the epoch lines and the test accuracy pnpm demo prints (seed ${seed})`, async () => {
      const cli = await runCli(["--only", "from-scratch", "--seed", String(seed)]);
      const page = await browser().newPage();
      await openApp(page, server().url, `?preset=tutorial&seed=${seed}&autoplay=1`);
      await waitDone(page);
      expect(await epochLines(page)).toEqual(cli.fromScratch!.epochLines);
      expect(await page.getByTestId("test-accuracy").textContent()).toBe(
        percentOf(cli.fromScratch!.testAccuracyLine),
      );
      if (seed === 42) {
        expect(cli.fromScratch!.epochLines.at(-1)).toBe("  Epoch  29/30: Loss = 5.7885, Accuracy = 87.1%"); // Python's
        await page.screenshot({ path: join(tmpdir(), "playground-tutorial-preset.png"), fullPage: true });
      }
      await page.close();
    });
  }

  it("matches the CLI's other settings too: epochs, lr, batch, points and noise", async () => {
    const flags = [
      "--epochs",
      "12",
      "--lr",
      "0.1",
      "--batch-size",
      "8",
      "--points",
      "60",
      "--noise",
      "0.2",
      "--seed",
      "3",
    ];
    const cli = await runCli(["--only", "from-scratch", ...flags]);
    const page = await browser().newPage();
    await openApp(
      page,
      server().url,
      "?preset=tutorial&seed=3&epochs=12&lr=0.1&batch=8&points=60&noise=0.2&rng=numpy&autoplay=1",
    );
    await waitDone(page);
    expect(await epochLines(page)).toEqual(cli.fromScratch!.epochLines);
    expect(await page.getByTestId("test-accuracy").textContent()).toBe(
      percentOf(cli.fromScratch!.testAccuracyLine),
    );
    await page.close();
  });

  it("gives the CLI's framework half with the framework engine and Adam (lr 0.01)", async () => {
    const cli = await runCli(["--only", "framework", "--seed", "42"]);
    const page = await browser().newPage();
    await openApp(page, server().url, "?preset=tutorial&engine=framework&optimizer=adam&lr=0.01&autoplay=1");
    await waitDone(page);
    expect(await epochLines(page)).toEqual(cli.framework!.epochLines);
    expect(await page.getByTestId("test-accuracy").textContent()).toBe(
      percentOf(cli.framework!.testAccuracyLine),
    );
    await page.close();
  });
});
