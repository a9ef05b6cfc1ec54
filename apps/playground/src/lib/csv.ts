import type { PointSet } from "./point-set.js";

/** A CSV file the playground cannot use, with the line that shows why (1-based; 0 for the whole file). */
export class CsvError extends Error {
  override readonly name = "CsvError";
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(line > 0 ? `line ${line}: ${message}` : message);
  }
}

/** Largest file the page reads: beyond, training would stall the page. */
export const MAX_CSV_POINTS = 20000;
const MAX_CLASSES = 5;

/** Points read from a CSV file, and how many classes their labels use. */
export interface ImportedPoints extends PointSet {
  nClasses: number;
}

/**
 * Reads `x,y,label` rows (an optional header line `x,y,label`; blank lines skipped; `,` or `;` as the
 * separator). Labels are integers 0 to 4, at least two classes. Any problem throws a `CsvError` that
 * names the line and what was wrong — nothing is half-read.
 *
 * @example
 * ```ts
 * parseCsv("x,y,label\n0.5,-1,0\n1,2,1").nClasses; // 2
 * ```
 */
export function parseCsv(text: string): ImportedPoints {
  if (typeof text !== "string") throw new CsvError(`expected text, got ${typeof text}`, 0);
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const xs: number[] = [];
  const labels: number[] = [];
  let sawData = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    const cells = line.split(/[,;]/).map((c) => c.trim());
    if (!sawData && cells.length >= 1 && cells.some((c) => c !== "" && Number.isNaN(Number(c)))) {
      if (cells.length === 3 && cells[0]!.toLowerCase() === "x" && cells[1]!.toLowerCase() === "y") {
        sawData = true; // the header
        continue;
      }
    }
    sawData = true;
    if (cells.length !== 3) {
      throw new CsvError(`expected 3 values x,y,label, got ${cells.length}: "${shorten(line)}"`, i + 1);
    }
    const [xText, yText, labelText] = cells as [string, string, string];
    const x = Number(xText);
    const y = Number(yText);
    const label = Number(labelText);
    if (xText === "" || !Number.isFinite(x))
      throw new CsvError(`expected x to be a number, got "${shorten(xText)}"`, i + 1);
    if (yText === "" || !Number.isFinite(y))
      throw new CsvError(`expected y to be a number, got "${shorten(yText)}"`, i + 1);
    if (labelText === "" || !Number.isInteger(label) || label < 0 || label >= MAX_CLASSES) {
      throw new CsvError(
        `expected label to be a whole number from 0 to ${MAX_CLASSES - 1}, got "${shorten(labelText)}"`,
        i + 1,
      );
    }
    if (labels.length === MAX_CSV_POINTS) {
      throw new CsvError(
        `the file has more than ${MAX_CSV_POINTS} points; the playground takes at most that many`,
        0,
      );
    }
    xs.push(x, y);
    labels.push(label);
  }
  if (labels.length === 0) throw new CsvError("the file has no points: expected rows x,y,label", 0);
  const nClasses = Math.max(...labels) + 1;
  const used = new Set(labels);
  if (used.size < 2)
    throw new CsvError(`every point has label ${labels[0]}: expected at least two classes`, 0);
  if (labels.length < 4) throw new CsvError(`the file has ${labels.length} points: expected at least 4`, 0);
  return { X: Float64Array.from(xs), y: Int32Array.from(labels), nClasses };
}

/**
 * The points as CSV with a header, every number written so it reads back to the same double.
 *
 * @example
 * ```ts
 * formatCsv({ X: new Float64Array([0.5, -1]), y: new Int32Array([2]) }); // "x,y,label\n0.5,-1,2\n"
 * ```
 */
export function formatCsv(points: PointSet): string {
  const rows = ["x,y,label"];
  for (let i = 0; i < points.y.length; i++)
    rows.push(`${points.X[2 * i]},${points.X[2 * i + 1]},${points.y[i]}`);
  return `${rows.join("\n")}\n`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
