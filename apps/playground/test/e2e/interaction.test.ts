import { readFileSync } from "node:fs";

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { epochLines, openApp, waitDone, waitIdle } from "./app.js";
import { canvasPixels, classPixels } from "./pixels.js";
import { useBrowser, useServer } from "./suite.js";

const browser = useBrowser();
const server = useServer();

const trainingPoints = async (page: Page) =>
  Number(/^(\d+) training points/.exec((await page.locator(".counts").textContent()) ?? "")?.[1]);

describe("the playground", () => {
  it("trains the framework engine to ≥ 95 % on the spirals and shades one region per class", async () => {
    const page = await browser().newPage();
    await openApp(
      page,
      server().url,
      "?preset=tutorial&engine=framework&optimizer=adam&lr=0.01&epochs=150&autoplay=1",
    );
    await waitDone(page);
    const accuracy = Number.parseFloat((await page.getByTestId("train-accuracy").textContent())!);
    expect(accuracy).toBeGreaterThanOrEqual(95);
    const { perClass, distinct, total } = await classPixels(page.getByTestId("decision-canvas"), 3);
    expect(distinct).toBeGreaterThan(100); // shaded, not blank
    for (const count of perClass) expect(count / total).toBeGreaterThan(0.05); // every class has its colour
    await page.close();
  });

  it("keeps every setting in the URL: the same URL gives the same run", async () => {
    const page = await browser().newPage();
    await openApp(
      page,
      server().url,
      "?dataset=moons&points=40&noise=0.1&layers=8,4&activation=tanh&engine=framework&optimizer=sgd&lr=0.3&batch=10&epochs=8&seed=11&rng=seedrandom",
    );
    expect(await page.getByTestId("architecture").textContent()).toBe("2 → 8 → 4 → 2");
    expect(await page.getByTestId("engine").inputValue()).toBe("framework");
    await page.getByTestId("activation").selectOption("sigmoid");
    await page.getByTestId("input-seed").fill("12");
    await page.getByTestId("input-seed").press("Enter");
    await waitIdle(page);
    const url = page.url();
    expect(url).toContain("activation=sigmoid");
    expect(url).toContain("seed=12");
    await page.getByTestId("play").click();
    await waitDone(page);
    const lines = await epochLines(page);
    expect(lines).toHaveLength(3); // epochs 0, 5 and the last
    const second = await browser().newPage();
    await openApp(second, url);
    expect(await second.getByTestId("activation").inputValue()).toBe("sigmoid");
    expect(await second.getByTestId("input-lr").inputValue()).toBe("0.3");
    await second.getByTestId("play").click();
    await waitDone(second);
    expect(await epochLines(second)).toEqual(lines);
    expect(await canvasPixels(second.getByTestId("decision-canvas"))).toBe(
      await canvasPixels(page.getByTestId("decision-canvas")),
    );
    await page.close();
    await second.close();
  });

  it("adds a point of the chosen class where the plane is clicked", async () => {
    const page = await browser().newPage();
    await openApp(page, server().url, "?preset=tutorial");
    const before = await trainingPoints(page);
    await page.getByTestId("add-class-2").click();
    const canvas = page.getByTestId("decision-canvas");
    await canvas.click({ position: { x: 110, y: 330 } });
    await waitIdle(page);
    await canvas.click({ position: { x: 300, y: 60 } });
    await waitIdle(page);
    expect(await trainingPoints(page)).toBe(before + 2);
    const added = new URL(page.url()).searchParams.get("add")!.split(",");
    expect(added).toHaveLength(2);
    expect(added.every((p) => p.endsWith(":2"))).toBe(true);
    await page.getByTestId("step").click();
    await page.getByTestId("epoch").filter({ hasText: /^1/ }).waitFor();
    await page.close();
  });

  it("shows a readable error for a malformed CSV and keeps the data; a good one replaces it", async () => {
    const page = await browser().newPage();
    await openApp(page, server().url, "?preset=tutorial");
    const before = await canvasPixels(page.getByTestId("decision-canvas"));
    await page.getByTestId("csv-input").setInputFiles({
      name: "bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("x,y,label\n0.1,0.2,0\n0.3,oops,1\n"),
    });
    const error = page.getByTestId("error");
    await error.waitFor();
    expect(await error.textContent()).toBe('bad.csv: line 3: expected y to be a number, got "oops"');
    expect(await error.isVisible()).toBe(true);
    expect(await page.getByTestId("dataset").inputValue()).toBe("spirals");
    expect(await trainingPoints(page)).toBe(240);
    expect(await canvasPixels(page.getByTestId("decision-canvas"))).toBe(before);
    const rows = [
      "x,y,label",
      ...Array.from({ length: 50 }, (_, i) => `${Math.cos(i)},${Math.sin(i)},${i % 2}`),
    ];
    await page
      .getByTestId("csv-input")
      .setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
    await page
      .getByTestId("dataset")
      .filter({ has: page.locator("option[value=csv]") })
      .waitFor();
    await waitIdle(page);
    expect(await page.getByTestId("error").count()).toBe(0);
    expect(await page.getByTestId("dataset").inputValue()).toBe("csv");
    expect(await trainingPoints(page)).toBe(40);
    await page.close();
  });

  it("exports the model, and importing it gives the same predictions", async () => {
    const page = await browser().newPage();
    await openApp(page, server().url, "?preset=tutorial&epochs=8&autoplay=1");
    await waitDone(page);
    const trained = await canvasPixels(page.getByTestId("decision-canvas"));
    const accuracy = await page.getByTestId("test-accuracy").textContent();
    const download = page.waitForEvent("download");
    await page.getByTestId("model-export").click();
    const file = await (await download).path();
    const state = JSON.parse(readFileSync(file, "utf8")) as Record<string, { shape: number[] }>;
    expect(Object.keys(state)).toEqual([
      "layers.0.weight",
      "layers.0.bias",
      "layers.1.weight",
      "layers.1.bias",
      "layers.2.weight",
      "layers.2.bias",
    ]);
    expect(state["layers.0.weight"]!.shape).toEqual([16, 2]);
    await page.getByTestId("reset").click();
    await waitIdle(page);
    expect(await canvasPixels(page.getByTestId("decision-canvas"))).not.toBe(trained);
    await page.getByTestId("model-input").setInputFiles(file);
    await page.getByTestId("test-accuracy").filter({ hasText: accuracy! }).waitFor();
    expect(await canvasPixels(page.getByTestId("decision-canvas"))).toBe(trained);
    await page.getByTestId("model-input").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"layers.0.weight": 3}'),
    });
    await page.getByTestId("model-error").waitFor();
    expect(await page.getByTestId("model-error").textContent()).toMatch(
      /^broken\.json: model file: not a state dict/,
    );
    const png = page.waitForEvent("download");
    await page.getByTestId("png-export").click();
    const image = readFileSync(await (await png).path());
    expect(image.subarray(1, 4).toString()).toBe("PNG");
    expect(image.length).toBeGreaterThan(20_000);
    await page.close();
  });

  it("says why a diverged network cannot be exported, and keeps running", async () => {
    const page = await browser().newPage();
    await openApp(page, server().url, "?preset=tutorial&lr=10&epochs=3&autoplay=1");
    await waitDone(page);
    expect((await epochLines(page))[0]).toMatch(/Loss = nan/); // Python prints f"{nan:.4f}" as nan too
    await page.getByTestId("model-export").click();
    await page.getByTestId("model-error").waitFor();
    expect(await page.getByTestId("model-error").textContent()).toMatch(/^model export: .*(NaN|finite)/);
    await page.close();
  });

  it("pauses, steps and resets; shows a neuron's formula and expanded autograd graph", async () => {
    const page = await browser().newPage();
    await openApp(page, server().url, "?preset=tutorial&epochs=5000");
    await page.getByTestId("play").click();
    await page.getByTestId("status").filter({ hasText: "training" }).waitFor();
    await page.waitForTimeout(300);
    await page.getByTestId("pause").click();
    await page.getByTestId("status").filter({ hasText: "paused" }).waitFor();
    const epoch = Number.parseInt((await page.getByTestId("epoch").textContent())!, 10);
    expect(epoch).toBeGreaterThan(0);
    await page.getByTestId("step").click();
    await page
      .getByTestId("epoch")
      .filter({ hasText: new RegExp(`^${epoch + 1}`) })
      .waitFor();
    await page.getByTestId("neuron-1-3").hover();
    const formula = page.getByTestId("neuron-formula");
    await formula.waitFor();
    expect(await formula.locator(".katex").count()).toBe(3);
    const mermaid = (await page.getByTestId("neuron-mermaid").textContent())!;
    expect(mermaid.match(/\(\("\*"\)\)/g)).toHaveLength(2);
    expect(mermaid).toContain('(("relu"))');
    expect(mermaid).not.toContain('(("dot"))');
    expect(await page.getByTestId("autograd-graph").locator("g.op").count()).toBe(5);
    await page.getByTestId("neuron-3-2").click(); // an output neuron
    await page.getByTestId("inspector").getByText("output 2 (class 2)").waitFor();
    await page.getByTestId("reset").click();
    await page.getByTestId("epoch").filter({ hasText: /^0/ }).waitFor();
    expect(await epochLines(page)).toEqual([]);
    await page.close();
  });
});
