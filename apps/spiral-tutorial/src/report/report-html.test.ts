import { describe, expect, it } from "vitest";

import { formatTextTable } from "../text-table.js";
import { escapeHtml, renderReport } from "./report-html.js";

describe("renderReport", () => {
  const html = renderReport({
    title: "Spiral <tutorial>",
    summary: ["seed 42"],
    sections: [
      {
        id: "step-3",
        title: "Step 3: Softmax",
        paragraphs: ["Uses `softmaxCrossEntropy` and **bold** text."],
        formulas: [{ latex: "p_i = \\frac{e^{s_i}}{\\sum_j e^{s_j}}", caption: "softmax" }],
        output: ["Loss: 0.4170 <ok>"],
        tables: [{ title: "T", headers: ["a", "b"], rows: [["1", "✅"]], boldRows: [0], note: "measured" }],
        figures: [
          { file: "dataset.svg", svg: "<svg xmlns='http://www.w3.org/2000/svg'></svg>", alt: "data" },
        ],
      },
    ],
  });

  it("is one self-contained page: KaTeX CSS and fonts inline, no external URLs", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("font-family:KaTeX_Main");
    expect(html).toContain("data:font/woff2;base64,");
    expect(html).not.toMatch(/url\(fonts\//);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it("typesets formulas with KaTeX at write time", () => {
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('class="mfrac"');
  });

  it("escapes text, keeps output verbatim, embeds figures as data URIs", () => {
    expect(html).toContain("<title>Spiral &lt;tutorial&gt;</title>");
    expect(html).toContain("<code>softmaxCrossEntropy</code>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("Loss: 0.4170 &lt;ok&gt;");
    expect(html).toContain('<tr class="total"><td>1</td><td><span class="yes">✓</span></td></tr>');
    expect(html).toContain('src="data:image/svg+xml;base64,');
    expect(html).toContain('<a href="#step-3">');
  });
});

it("escapeHtml escapes the five special characters", () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
});

it("formatTextTable aligns columns, counting emoji as two columns", () => {
  const text = formatTextTable({
    title: "T",
    headers: ["What", "Ours"],
    rows: [
      ["a", "✅ yes"],
      ["longer", "no"],
    ],
  });
  expect(text.split("\n")).toEqual([
    "T",
    "| What   | Ours   |",
    "|--------|--------|",
    "| a      | ✅ yes |",
    "| longer | no     |",
  ]);
});
