import type { Measurement } from "./measure.js";
import type { Report, ReportRow, Target } from "./report.js";

/**
 * A duration in milliseconds with a readable unit and three significant digits.
 *
 * @example
 * ```ts
 * formatTime(0.0000213); // "21.3 ns"
 * formatTime(142.4);     // "142 ms"
 * ```
 */
export function formatTime(ms: number): string {
  const [value, unit] =
    ms >= 1000 ? [ms / 1000, "s"] : ms >= 1 ? [ms, "ms"] : ms >= 1e-3 ? [ms * 1e3, "µs"] : [ms * 1e6, "ns"];
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

function formatRatio(r: number | undefined): string {
  if (r === undefined) return "—";
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`;
}

function formatReference(m: Measurement | undefined): string {
  return m === undefined ? "—" : formatTime(m.medianMs);
}

function formatTarget(target: Target | undefined, met: boolean | null | undefined): string {
  if (target === undefined) return "";
  const text =
    target.kind === "below"
      ? `${target.inclusive ? "≤" : "<"} ${formatTime(target.ms)}`
      : `≤ ${target.atMost}× torch ${target.dtype === "float32" ? "f32" : "f64"}`;
  const verdict = met === true ? "met" : met === false ? "MISSED" : "n/a";
  return `${text} ${verdict}`;
}

function pad(text: string, width: number, right: boolean): string {
  const gap = " ".repeat(Math.max(0, width - [...text].length));
  return right ? gap + text : text + gap;
}

/**
 * The report as a plain-text table (one line per row, sections separated by a blank line), with a
 * header naming the machine and its load and a footer with notes.
 *
 * @example
 * ```ts
 * console.log(formatTable(report));
 * ```
 */
export function formatTable(report: Report): string {
  const withTorch = report.rows.some((r) => r.reference !== undefined);
  const header = withTorch
    ? ["workload", "ours", "torch f32", "torch f64", "ours/f32", "ours/f64", "target", "detail"]
    : ["workload", "ours", "target", "detail"];
  const rightAligned = withTorch
    ? [false, true, true, true, true, true, false, false]
    : [false, true, false, false];
  const cells = (r: ReportRow): string[] => {
    const label = r.reference?.library !== undefined ? `${r.label} [vs ${r.reference.library}]` : r.label;
    const target = formatTarget(r.target, r.targetMet);
    return withTorch
      ? [
          label,
          formatTime(r.ours.medianMs),
          formatReference(r.reference?.float32),
          formatReference(r.reference?.float64),
          formatRatio(r.ratio.float32),
          formatRatio(r.ratio.float64),
          target,
          r.detail,
        ]
      : [label, formatTime(r.ours.medianMs), target, r.detail];
  };
  const body = report.rows.map(cells);
  const widths = header.map((h, c) => Math.max([...h].length, ...body.map((row) => [...row[c]!].length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => pad(cell, c === row.length - 1 ? 0 : widths[c]!, rightAligned[c]!))
      .join("  ")
      .trimEnd();

  const m = report.machine;
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(" / ");
  const out: string[] = [
    `Neurogebra bench — Node ${m.node}, ${m.platform}, ${m.cpus} CPUs (${m.cpuModel})`,
    `load average (1 / 5 / 15 min): ${load(m.loadAverage)} at start, ${load(report.loadAverageAfter)} at end` +
      (report.quick ? " — --quick: fewer runs" : ""),
  ];
  const torch = report.pytorch.run;
  const share = (x: number): string => `${(100 * x).toFixed(0)}%`;
  let cpuLine = `CPU time ÷ wall time while measuring: ours ${share(report.cpuShare)}`;
  if (torch?.cpuShare !== undefined) cpuLine += `, reference ${share(torch.cpuShare)}`;
  out.push(`${cpuLine} (about 100% per busy thread when the machine is otherwise idle)`);
  if (report.rounds > 1) {
    out.push(
      `${report.rounds} rounds: each side measured in ${report.rounds} fresh processes, alternating ours and the ` +
        `reference; times are medians of the per-process medians (ours per process in the detail column)`,
    );
  }
  if (torch !== undefined) {
    const versions = Object.entries(torch.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    out.push(
      `reference: ${versions}; ${torch.threads} thread${torch.threads === 1 ? "" : "s"}; ${torch.python}`,
    );
  }
  out.push(
    "medians after warm-up, per unit of work named in the row" +
      (withTorch ? "; ours/f32 = ours ÷ torch float32 median (below 1× = we are faster)" : ""),
    "",
    line(header),
  );
  let section = report.rows[0]?.section;
  for (let i = 0; i < report.rows.length; i++) {
    if (report.rows[i]!.section !== section) {
      out.push("");
      section = report.rows[i]!.section;
    }
    out.push(line(body[i]!));
  }
  const notes = [
    ...(report.pytorch.note === undefined ? [] : [report.pytorch.note]),
    ...(torch?.notes ?? []),
    ...(withTorch && report.rounds === 1
      ? [
          "each side ran in one process, and a process can run 1.5–2× slower than the next (see bench/README.md); " +
            "quote ratios from --rounds 3",
        ]
      : []),
  ];
  if (notes.length > 0) out.push("", ...notes.map((n) => `note: ${n}`));
  return out.join("\n");
}
