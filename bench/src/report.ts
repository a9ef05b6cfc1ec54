import type { Measurement } from "./measure.js";

/** The parts of the table. */
export type Section = "scalar" | "tensor" | "scaling" | "matmul" | "memory" | "symbolic";

/** A performance goal a row is held to. */
export type Target =
  | { kind: "below"; ms: number; inclusive: boolean }
  | { kind: "ratio"; atMost: number; dtype: "float32" | "float64" };

/** One measured row of our side. Times are milliseconds per unit of work named in `label`. */
export interface OurRow {
  /** Stable key shared with `pytorch_reference.py`, e.g. `"scaling.tensor-step.w256.b16"`. */
  id: string;
  section: Section;
  /** What one unit of work is, e.g. `"tutorial training, Adam, 30 epochs"`. */
  label: string;
  ours: Measurement;
  /** Extra numbers for tracking (nodes/s, peak RSS, accuracy, …). */
  metrics: Record<string, number>;
  /** The same extras as short text for the table. */
  detail: string;
  target?: Target;
  /**
   * The reference row that measures the same work, when it is another row's: the lean port's row is
   * compared with PyTorch's run of the tutorial training.
   */
  referenceId?: string;
}

/** The PyTorch reference's time for one row, per dtype (missing when it has no counterpart). */
export interface ReferenceRow {
  float32?: Measurement;
  float64?: Measurement;
  /** Which Python library measured it when it is not PyTorch (SymPy for the catalogue). */
  library?: string;
}

/** What `pytorch_reference.py` printed. */
export interface ReferenceRun {
  python: string;
  versions: Record<string, string>;
  threads: number;
  /** CPU time ÷ wall time of the reference process while it measured (about 1 when it had a core alone). */
  cpuShare?: number;
  /** Peak RSS of the reference process (PyTorch's libraries included), in bytes. */
  peakRssBytes?: number;
  rows: Record<string, ReferenceRow>;
  notes: string[];
}

/** A row of the final table: ours, the reference, ratios and the target verdict. */
export interface ReportRow extends OurRow {
  reference?: ReferenceRow;
  /** `ours.medianMs / reference.medianMs` per dtype: below 1 means we are faster. */
  ratio: { float32?: number; float64?: number };
  /** `true` met, `false` missed, `null` cannot tell (ratio target without a reference). */
  targetMet?: boolean | null;
}

/** Everything `--json` prints. */
export interface Report {
  schema: 1;
  date: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; loadAverage: number[] };
  /** Load averages when the run ended (the machine may be shared). */
  loadAverageAfter: number[];
  quick: boolean;
  /** Fresh processes per side (`--rounds`); with more than 1, times are medians of per-process medians. */
  rounds: number;
  /** CPU time ÷ wall time of our process while it measured: well below 1 means others took the CPU. */
  cpuShare: number;
  pytorch: { requested: boolean; available: boolean; note?: string; run?: Omit<ReferenceRun, "rows"> };
  rows: ReportRow[];
}

/**
 * The ratio and target verdict of a row given the reference run (if any).
 *
 * @example
 * ```ts
 * const row = combine(ourRow, referenceRun?.rows[ourRow.id]);
 * ```
 */
export function combine(row: OurRow, reference: ReferenceRow | undefined): ReportRow {
  const ratio: ReportRow["ratio"] = {};
  if (reference?.float32 !== undefined) ratio.float32 = row.ours.medianMs / reference.float32.medianMs;
  if (reference?.float64 !== undefined) ratio.float64 = row.ours.medianMs / reference.float64.medianMs;
  const out: ReportRow = { ...row, ratio, ...(reference === undefined ? {} : { reference }) };
  const target = row.target;
  if (target === undefined) return out;
  if (target.kind === "below") {
    out.targetMet = target.inclusive ? row.ours.medianMs <= target.ms : row.ours.medianMs < target.ms;
  } else {
    const r = ratio[target.dtype];
    out.targetMet = r === undefined ? null : r <= target.atMost;
  }
  return out;
}
