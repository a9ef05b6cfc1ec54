import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The KaTeX fonts our formulas use (upright and italic math, bold, the big delimiters, AMS symbols). */
const inlinedFonts = new Set([
  "KaTeX_Main-Regular",
  "KaTeX_Main-Bold",
  "KaTeX_Math-Italic",
  "KaTeX_AMS-Regular",
  "KaTeX_Size1-Regular",
  "KaTeX_Size2-Regular",
  "KaTeX_Size3-Regular",
  "KaTeX_Size4-Regular",
]);

/**
 * KaTeX's stylesheet with the fonts our formulas need inlined as woff2 data URIs (about 180 kB) and
 * the other `@font-face` rules dropped, so report.html renders the same offline, from any folder.
 *
 * @example
 * ```ts
 * const html = `<style>${katexCss()}</style>${katex.renderToString("x^2")}`;
 * ```
 */
export function katexCss(): string {
  const require = createRequire(import.meta.url);
  const cssPath = require.resolve("katex/dist/katex.min.css");
  const fontsDir = join(dirname(cssPath), "fonts");
  const css = readFileSync(cssPath, "utf8");
  return css.replace(/@font-face\{[^}]*\}/g, (rule) => {
    const font = /url\(fonts\/(KaTeX_[A-Za-z0-9-]+)\.woff2\)/.exec(rule)?.[1];
    if (font === undefined || !inlinedFonts.has(font)) return "";
    const data = readFileSync(join(fontsDir, `${font}.woff2`)).toString("base64");
    return rule.replace(/src:[^;}]*/, `src:url(data:font/woff2;base64,${data}) format("woff2")`);
  });
}
