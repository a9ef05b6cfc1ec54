import type { ReportFigure, ReportFormula, ReportSection } from "./report/report-html.js";
import type { TextTable } from "./text-table.js";
import { formatTextTable } from "./text-table.js";

/** A section while it is being filled (the report only reads it). */
type OpenSection = ReportSection & {
  output: string[];
  tables: TextTable[];
  figures: ReportFigure[];
  formulas: ReportFormula[];
};

/**
 * What the run prints, kept by tutorial step: every line goes to the terminal (unless silenced, as
 * with `--json`) and into the step's section of report.html, with the step's tables, figures and
 * formulas.
 *
 * @example
 * ```ts
 * const transcript = new Transcript((line) => console.log(line));
 * transcript.section("step-1", "Step 1: Generate the spiral dataset");
 * transcript.line("Training: 240 samples");
 * ```
 */
export class Transcript {
  readonly sections: ReportSection[] = [];
  readonly #write: (line: string) => void;

  constructor(write: (line: string) => void) {
    this.#write = write;
  }

  /** Starts a step: a heading in the terminal, a new section in the report. */
  section(id: string, title: string, paragraphs: readonly string[] = []): void {
    if (this.sections.length > 0) this.#write("");
    this.#write(`━━ ${title} ━━`);
    this.sections.push({
      id,
      title,
      paragraphs: [...paragraphs],
      output: [],
      tables: [],
      figures: [],
      formulas: [],
    });
  }

  #current(): OpenSection {
    const section = this.sections.at(-1);
    if (section === undefined) throw new Error("Transcript: call section() before adding content");
    return section as OpenSection;
  }

  /** Prints a line and keeps it in the current step's output. */
  line(text = ""): void {
    this.#write(text);
    this.#current().output.push(text);
  }

  /** Keeps a line in the report only (the terminal got it another way, e.g. above a progress bar). */
  record(text: string): void {
    this.#current().output.push(text);
  }

  /** Prints a line to the terminal only (e.g. where a file was written). */
  note(text: string): void {
    this.#write(text);
  }

  /** Prints a table (aligned Markdown) and adds it to the report as an HTML table. */
  table(table: TextTable): void {
    this.#write("");
    for (const text of formatTextTable(table).split("\n")) this.#write(text);
    this.#current().tables.push(table);
  }

  /** Adds a figure to the current step of the report. */
  figure(figure: ReportFigure): void {
    this.#current().figures.push(figure);
  }

  /** Adds a typeset formula to the current step of the report. */
  formula(formula: ReportFormula): void {
    this.#current().formulas.push(formula);
  }
}
