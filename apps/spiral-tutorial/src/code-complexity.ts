import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Lines of code in TypeScript source: non-blank lines that are not only a comment (`//`, `/* … *\/`,
 * TSDoc). A line with code and a trailing comment counts.
 *
 * @example
 * ```ts
 * countCodeLines("// a comment\nconst x = 1; // one\n\n/** doc *\/\n"); // 1
 * ```
 */
export function countCodeLines(source: string): number {
  let count = 0;
  let inBlockComment = false;
  for (const rawLine of source.split("\n")) {
    let line = rawLine.trim();
    let hasCode = false;
    while (line.length > 0) {
      if (inBlockComment) {
        const end = line.indexOf("*/");
        if (end === -1) {
          line = "";
        } else {
          inBlockComment = false;
          line = line.slice(end + 2).trim();
        }
      } else if (line.startsWith("//")) {
        line = "";
      } else if (line.startsWith("/*")) {
        inBlockComment = true;
        line = line.slice(2);
      } else {
        hasCode = true;
        line = "";
      }
    }
    if (hasCode) count++;
  }
  return count;
}

/**
 * The text between `// #region name` and the next `// #endregion` (exclusive), or undefined.
 *
 * @example
 * ```ts
 * regionText("// #region loop\nfor (;;) {}\n// #endregion", "loop"); // "for (;;) {}"
 * ```
 */
export function regionText(source: string, name: string): string | undefined {
  const lines = source.split("\n");
  const start = lines.findIndex((line) => line.trim() === `// #region ${name}`);
  if (start === -1) return undefined;
  const end = lines.findIndex((line, index) => index > start && line.trim().startsWith("// #endregion"));
  if (end === -1) return undefined;
  return lines.slice(start + 1, end).join("\n");
}

/**
 * The source of a top-level `function name` or `class name` declaration, TSDoc left out, or undefined.
 * Our sources are Prettier-formatted, so a top-level declaration ends at the first line that is
 * exactly `}`.
 *
 * @example
 * ```ts
 * declarationText("export function f(a: { b: number }) {\n  return a.b;\n}", "f"); // the whole function
 * ```
 */
export function declarationText(source: string, name: string): string | undefined {
  const lines = source.split("\n");
  const pattern = new RegExp(`^(export )?(abstract )?(function|class) ${name}\\b`);
  const start = lines.findIndex((line) => pattern.test(line));
  if (start === -1) return undefined;
  const end = lines.findIndex((line, index) => index >= start && line === "}");
  return end === -1 ? undefined : lines.slice(start, end + 1).join("\n");
}

/** Where a component's code lives. */
export type CodeLocation =
  | { kind: "app"; file: string; region: string }
  | { kind: "package"; packageName: string; file: string; declarations: readonly string[] };

/** A measured component: its line count, or null when its source is not on disk. */
export interface MeasuredCode {
  lines: number | null;
  /** Where the lines were read, e.g. `@neurogebra/nn src/neuron.ts: Neuron`. */
  source: string;
}

const appSourceDir = fileURLToPath(new URL("../src/", import.meta.url));

function packageSourceDir(packageName: string): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve(`${packageName}/package.json`)), "src");
  } catch {
    return undefined;
  }
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/**
 * Counts the code lines of a component, reading our own sources from disk at run time: the app's
 * `src/` (next to its `dist/`) and the workspace packages' `src/` (resolved through node_modules).
 *
 * @example
 * ```ts
 * measureCode({ kind: "app", file: "framework-half.ts", region: "training-loop" }).lines; // e.g. 18
 * ```
 */
export function measureCode(location: CodeLocation): MeasuredCode {
  if (location.kind === "app") {
    const source = readIfExists(join(appSourceDir, location.file));
    const region = source === undefined ? undefined : regionText(source, location.region);
    return {
      lines: region === undefined ? null : countCodeLines(region),
      source: `spiral-tutorial src/${location.file} (#region ${location.region})`,
    };
  }
  const dir = packageSourceDir(location.packageName);
  const source = dir === undefined ? undefined : readIfExists(join(dir, location.file));
  let lines: number | null = null;
  if (source !== undefined) {
    const parts = location.declarations.map((name) => declarationText(source, name));
    if (parts.every((part) => part !== undefined)) {
      lines = parts.reduce((sum, part) => sum + countCodeLines(part), 0);
    }
  }
  return {
    lines,
    source: `${location.packageName} src/${location.file}: ${location.declarations.join(", ")}`,
  };
}
