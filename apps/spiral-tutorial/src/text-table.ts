/** A small table printed in the terminal and rendered in report.html. */
export interface TextTable {
  title: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  /** Rows to emphasise (e.g. a total), by index. */
  boldRows?: readonly number[];
  /** A line printed under the table (e.g. how the numbers were measured). */
  note?: string;
}

/** Terminal width of a string: code points, with the common wide emoji counted as 2 columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0xfe0f) continue; // variation selector: no width of its own
    width += code >= 0x2600 && code !== 0x2192 ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Formats a table as aligned Markdown, readable in a terminal and pasteable into a README.
 *
 * @example
 * ```ts
 * formatTextTable({ title: "T", headers: ["a", "b"], rows: [["1", "2"]] });
 * // "T\n| a | b |\n|---|---|\n| 1 | 2 |"
 * ```
 */
export function formatTextTable(table: TextTable): string {
  const widths = table.headers.map((header, column) =>
    Math.max(displayWidth(header), ...table.rows.map((row) => displayWidth(row[column] ?? ""))),
  );
  const line = (cells: readonly string[]): string =>
    `| ${widths.map((width, column) => pad(cells[column] ?? "", width)).join(" | ")} |`;
  const lines = [
    table.title,
    line(table.headers),
    `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`,
    ...table.rows.map(line),
  ];
  if (table.note !== undefined) lines.push(table.note);
  return lines.join("\n");
}
