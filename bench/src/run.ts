// `pnpm bench`: measures every row of ROWS, optionally runs the PyTorch reference in the same invocation,
// and prints one table (or JSON with --json). See README.md for what each row means.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";

import { USAGE, UsageError, parseBenchArgs } from "./cli-args.js";
import type { BenchArgs } from "./cli-args.js";
import type { Measurement, Repeats } from "./measure.js";
import { findTorchPython, runReference } from "./pytorch.js";
import { combine } from "./report.js";
import type { OurRow, ReferenceRow, ReferenceRun, Report } from "./report.js";
import { ROWS } from "./rows.js";
import { formatTable, formatTime } from "./table.js";
import { catalogueEntries } from "./workloads/symbolic-catalogue.js";

const REPEATS: Repeats = { warmup: 3, warmupMs: 300, runs: 9, timeMs: 1000 };
const QUICK: Repeats = { warmup: 1, warmupMs: 50, runs: 3, timeMs: 150 };

function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}

function measureOurs(args: BenchArgs): OurRow[] {
  const base = args.quick ? QUICK : REPEATS;
  const rows = ROWS.filter((r) => args.only.length === 0 || args.only.some((o) => r.id.includes(o)));
  if (rows.length === 0) {
    throw new UsageError(
      `--only ${args.only.join(", ")} matches no row; rows are: ${ROWS.map((r) => r.id).join(", ")}`,
    );
  }
  return rows.map((spec) => {
    const runs = spec.minRuns ?? base.runs;
    const repeats = { ...base, ...(spec.repeats ?? {}), runs: args.quick ? Math.min(base.runs, runs) : runs };
    progress(`measuring ${spec.id} …`);
    const measured = spec.measure(repeats);
    progress(`  ${formatTime(measured.ours.medianMs)} (median of ${measured.ours.runs})`);
    return {
      id: spec.id,
      section: spec.section,
      label: spec.label,
      ...(spec.target === undefined ? {} : { target: spec.target }),
      ...(spec.referenceId === undefined ? {} : { referenceId: spec.referenceId }),
      ...measured,
    };
  });
}

function measureReference(args: BenchArgs, rows: readonly OurRow[]): { run?: ReferenceRun; note?: string } {
  const ids = [...new Set(rows.map((r) => r.referenceId ?? r.id))];
  const probe = findTorchPython(args.python);
  if (!probe.ok) return { note: probe.note };
  const dir = mkdtempSync(join(tmpdir(), "neurogebra-bench-"));
  try {
    const cataloguePath = join(dir, "catalogue.json");
    if (ids.some((id) => id === "symbolic.catalogue")) {
      writeFileSync(cataloguePath, JSON.stringify(catalogueEntries()));
    }
    progress(`running the PyTorch reference with ${probe.python} …`);
    const run = runReference(probe.python, {
      quick: args.quick,
      only: rows.length === ROWS.length ? [] : ids,
      ...(args.torchThreads === undefined ? {} : { threads: args.torchThreads }),
      cataloguePath,
    });
    return { run };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { note: `the PyTorch reference failed (${message}); showing our rows only.` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Our rows measured in a fresh process: this script again, with --json and one round. */
function measureOursInChild(args: BenchArgs): { rows: OurRow[]; cpuShare: number } {
  const script = process.argv[1];
  if (script === undefined) throw new Error("bench: cannot tell which script to run in a child process");
  const childArgs = [script, "--json", "--rounds", "1", ...(args.quick ? ["--quick"] : [])];
  for (const only of args.only) childArgs.push("--only", only);
  const child = spawnSync(process.execPath, [...process.execArgv, ...childArgs], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    throw new Error(`bench: the child process measuring our rows failed (exit ${String(child.status)})`);
  }
  const report = JSON.parse(child.stdout) as Report;
  const rows = report.rows.map(
    ({ id, section, label, ours, metrics, detail, target, referenceId }): OurRow => ({
      id,
      section,
      label,
      ours,
      metrics,
      detail,
      ...(target === undefined ? {} : { target }),
      ...(referenceId === undefined ? {} : { referenceId }),
    }),
  );
  return { rows, cpuShare: report.cpuShare };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Several processes' measurements of one workload: the median of their medians, all their extremes. */
function mergeMeasurements(ms: readonly Measurement[]): Measurement {
  return {
    medianMs: median(ms.map((m) => m.medianMs)),
    minMs: Math.min(...ms.map((m) => m.minMs)),
    maxMs: Math.max(...ms.map((m) => m.maxMs)),
    runs: ms.reduce((n, m) => n + m.runs, 0),
  };
}

/** Our rows of every round merged row by row; the detail starts with each process's median. */
function mergeOurRows(rounds: readonly OurRow[][]): OurRow[] {
  return rounds[0]!.map((first) => {
    const same = rounds.map((rows) => rows.find((r) => r.id === first.id)!);
    const perProcess = same.map((r) => formatTime(r.ours.medianMs)).join(" / ");
    return {
      ...first,
      ours: mergeMeasurements(same.map((r) => r.ours)),
      detail: `processes ${perProcess}; ${first.detail}`,
    };
  });
}

/** The reference runs of every round merged row by row and dtype by dtype. */
function mergeReferenceRuns(runs: readonly ReferenceRun[]): ReferenceRun {
  const rows: Record<string, ReferenceRow> = {};
  for (const id of Object.keys(runs[0]!.rows)) {
    const same = runs.map((run) => run.rows[id]).filter((r): r is ReferenceRow => r !== undefined);
    const row: ReferenceRow = { ...(same[0]?.library === undefined ? {} : { library: same[0].library }) };
    for (const dtype of ["float32", "float64"] as const) {
      const ms = same.map((r) => r[dtype]).filter((m): m is Measurement => m !== undefined);
      if (ms.length > 0) row[dtype] = mergeMeasurements(ms);
    }
    rows[id] = row;
  }
  const shares = runs.map((run) => run.cpuShare).filter((x): x is number => x !== undefined);
  const { cpuShare: _first, ...rest } = runs[0]!;
  return { ...rest, ...(shares.length > 0 ? { cpuShare: median(shares) } : {}), rows };
}

/** `--rounds n`: ours in n fresh processes, each followed by the reference (when asked for). */
function measureInRounds(args: BenchArgs): {
  ours: OurRow[];
  cpuShare: number;
  reference: { run?: ReferenceRun; note?: string };
} {
  const ourRounds: OurRow[][] = [];
  const shares: number[] = [];
  const referenceRuns: ReferenceRun[] = [];
  let note: string | undefined;
  for (let round = 1; round <= args.rounds; round++) {
    progress(`round ${round} of ${args.rounds}: our rows in a fresh process …`);
    const child = measureOursInChild(args);
    ourRounds.push(child.rows);
    shares.push(child.cpuShare);
    if (args.pytorch) {
      const reference = measureReference(args, child.rows);
      if (reference.run !== undefined) referenceRuns.push(reference.run);
      else note = reference.note;
    }
  }
  const reference =
    referenceRuns.length > 0
      ? { run: mergeReferenceRuns(referenceRuns) }
      : note === undefined
        ? {}
        : { note };
  return { ours: mergeOurRows(ourRounds), cpuShare: median(shares), reference };
}

function main(argv: readonly string[]): number {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const cores = cpus();
  const machine = {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? "unknown",
    loadAverage: loadavg(),
  };
  let ours: OurRow[];
  let cpuShare: number;
  let reference: { run?: ReferenceRun; note?: string };
  if (args.rounds > 1) {
    ({ ours, cpuShare, reference } = measureInRounds(args));
  } else {
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    ours = measureOurs(args);
    const cpu = process.cpuUsage(cpuStart);
    cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wallStart);
    reference = args.pytorch ? measureReference(args, ours) : {};
  }
  let run: Omit<ReferenceRun, "rows"> | undefined;
  if (reference.run !== undefined) {
    const { rows: _rows, ...rest } = reference.run;
    run = rest;
  }
  const report: Report = {
    schema: 1,
    date: new Date().toISOString(),
    machine,
    loadAverageAfter: loadavg(),
    quick: args.quick,
    rounds: args.rounds,
    cpuShare,
    pytorch: {
      requested: args.pytorch,
      available: reference.run !== undefined,
      ...(reference.note === undefined ? {} : { note: reference.note }),
      ...(run === undefined ? {} : { run }),
    },
    rows: ours.map((row) => combine(row, reference.run?.rows[row.referenceId ?? row.id])),
  };
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `\n${formatTable(report)}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
}
