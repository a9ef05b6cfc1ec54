/**
 * The README's screenshot: the tutorial preset after training, a neuron of the first layer selected.
 * Needs the built app (`pnpm playground:build`). Writes docs/playground.png.
 *
 *   pnpm --filter @neurogebra/playground screenshot
 */
import { fileURLToPath } from "node:url";

import { launch } from "../test/e2e/browser.js";
import { serveDist } from "../test/e2e/serve.js";

const out = fileURLToPath(new URL("../docs/playground.png", import.meta.url));
const server = await serveDist();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}?preset=tutorial&autoplay=1`);
  await page
    .getByTestId("status")
    .filter({ hasText: /^done$/ })
    .waitFor({ timeout: 120_000 });
  await page.getByTestId("neuron-1-4").click();
  await page.getByTestId("autograd-graph").waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: out, fullPage: true });
  if (browser.problems.length > 0) throw new Error(browser.problems.join("\n"));
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
