import katex from "katex";

import type { TextTable } from "../text-table.js";
import { katexCss } from "./katex-css.js";

/** A display formula, typeset with KaTeX when the report is written. */
export interface ReportFormula {
  latex: string;
  caption?: string;
}

/** A figure embedded in the report as an SVG data URI. */
export interface ReportFigure {
  /** File name next to the report, e.g. `dataset.svg` (linked under the figure). */
  file: string;
  svg: string;
  alt: string;
}

/** One step of the tutorial in the report. */
export interface ReportSection {
  id: string;
  title: string;
  /** Plain-text paragraphs; `code` in backticks is set in monospace. */
  paragraphs?: readonly string[];
  formulas?: readonly ReportFormula[];
  /** The step's terminal output, verbatim. */
  output?: readonly string[];
  tables?: readonly TextTable[];
  figures?: readonly ReportFigure[];
}

/** Everything report.html shows. */
export interface ReportInput {
  title: string;
  /** Lines under the title: the configuration and headline numbers. */
  summary: readonly string[];
  sections: readonly ReportSection[];
}

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * ```ts
 * escapeHtml("a < b"); // "a &lt; b"
 * ```
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * Escapes text and sets `code` spans (backticks) and **bold** spans. The tables' ✅ and ⚠️ become ✓
 * and ⚠ in colour: text glyphs every font has, where an emoji font may be missing.
 */
function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replaceAll("✅", '<span class="yes">✓</span>')
    .replaceAll("⚠️", '<span class="warn">⚠</span>');
}

function renderTable(table: TextTable): string {
  const bold = new Set(table.boldRows ?? []);
  const head = table.headers.map((header) => `<th>${inline(header)}</th>`).join("");
  const body = table.rows
    .map((row, index) => {
      const cells = row.map((cell) => `<td>${inline(cell)}</td>`).join("");
      return `<tr${bold.has(index) ? ' class="total"' : ""}>${cells}</tr>`;
    })
    .join("\n");
  const note = table.note === undefined ? "" : `<p class="note">${inline(table.note)}</p>`;
  return `<figure class="table"><figcaption>${inline(table.title)}</figcaption><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${note}</figure>`;
}

function renderFormula(formula: ReportFormula): string {
  const math = katex.renderToString(formula.latex, { displayMode: true, throwOnError: true, output: "html" });
  const caption = formula.caption === undefined ? "" : `<p class="caption">${inline(formula.caption)}</p>`;
  return `<div class="formula">${math}${caption}</div>`;
}

function renderFigure(figure: ReportFigure): string {
  const uri = `data:image/svg+xml;base64,${Buffer.from(figure.svg).toString("base64")}`;
  return `<figure class="plot"><img src="${uri}" alt="${escapeHtml(figure.alt)}"><figcaption><a href="${escapeHtml(figure.file)}">${escapeHtml(figure.file)}</a></figcaption></figure>`;
}

function renderSection(section: ReportSection): string {
  const parts = [`<section id="${escapeHtml(section.id)}"><h2>${inline(section.title)}</h2>`];
  for (const paragraph of section.paragraphs ?? []) parts.push(`<p>${inline(paragraph)}</p>`);
  for (const formula of section.formulas ?? []) parts.push(renderFormula(formula));
  if (section.output !== undefined && section.output.length > 0) {
    parts.push(`<pre class="output">${escapeHtml(section.output.join("\n"))}</pre>`);
  }
  for (const table of section.tables ?? []) parts.push(renderTable(table));
  for (const figure of section.figures ?? []) parts.push(renderFigure(figure));
  parts.push("</section>");
  return parts.join("\n");
}

const pageCss = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --accent: #FF6B6B; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1080px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { font-size: 30px; margin: 0 0 8px; }
h2 { font-size: 22px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--rule); }
.summary { color: var(--muted); margin: 0 0 4px; }
nav { margin: 16px 0 0; font-size: 14px; }
nav a { margin-right: 14px; color: #0969da; text-decoration: none; }
code { font: 0.9em ui-monospace, "DejaVu Sans Mono", monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
pre.output { font: 13.5px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; background: #0d1117; color: #e6edf3; padding: 14px 16px; border-radius: 8px; overflow-x: auto; }
.formula { margin: 10px 0; }
.formula .katex-display { margin: 0.4em 0; }
.caption { text-align: center; color: var(--muted); font-size: 14px; margin: 0 0 8px; }
figure { margin: 18px 0; }
figure.plot { text-align: center; }
figure.plot img { max-width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 8px; }
figure.plot figcaption { font-size: 13px; color: var(--muted); text-align: right; }
figure.table figcaption { font-weight: 600; margin-bottom: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 15px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--rule); }
th { background: #f6f8fa; }
tr.total td { font-weight: 700; }
.yes { color: #1a7f37; font-weight: 700; }
.warn { color: #9a6700; }
.note { color: var(--muted); font-size: 13px; margin: 6px 0 0; }
`;

/**
 * Renders the self-contained report.html: inline CSS (KaTeX's with its fonts), formulas typeset now,
 * figures as data URIs — one file that opens offline from anywhere.
 *
 * @example
 * ```ts
 * writeFileSync("report.html", renderReport({ title: "Spiral tutorial", summary: [], sections: [] }));
 * ```
 */
export function renderReport(input: ReportInput): string {
  const nav = input.sections
    .map((section) => `<a href="#${escapeHtml(section.id)}">${inline(section.title)}</a>`)
    .join("");
  const summary = input.summary.map((line) => `<p class="summary">${inline(line)}</p>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${katexCss()}</style>
<style>${pageCss}</style>
</head>
<body>
<main>
<h1>${inline(input.title)}</h1>
${summary}
<nav>${nav}</nav>
${input.sections.map(renderSection).join("\n")}
</main>
</body>
</html>
`;
}
