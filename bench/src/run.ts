// `pnpm bench`: measures every row of ROWS, optionally runs the PyTorch reference in the same invocation,
// and prints one table (or JSON with --json). See README.md for what each row means.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";

import { USAGE, UsageError, parseBenchArgs } from "./cli-args.js";
import type { BenchArgs } from "./cli-args.js";
import type { Repeats } from "./measure.js";
import { findTorchPython, runReference } from "./pytorch.js";
import { combine } from "./report.js";
import type { OurRow, ReferenceRun, Report } from "./report.js";
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
    const repeats = { ...base, runs: args.quick ? base.runs : (spec.minRuns ?? base.runs) };
    progress(`measuring ${spec.id} …`);
    const measured = spec.measure(repeats);
    progress(`  ${formatTime(measured.ours.medianMs)} (median of ${measured.ours.runs})`);
    return {
      id: spec.id,
      section: spec.section,
      label: spec.label,
      ...(spec.target === undefined ? {} : { target: spec.target }),
      ...measured,
    };
  });
}

function measureReference(args: BenchArgs, ids: readonly string[]): { run?: ReferenceRun; note?: string } {
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
      only: ids.length === ROWS.length ? [] : ids,
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
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const ours = measureOurs(args);
  const cpu = process.cpuUsage(cpuStart);
  const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wallStart);
  const reference = args.pytorch
    ? measureReference(
        args,
        ours.map((r) => r.id),
      )
    : {};
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
    cpuShare,
    pytorch: {
      requested: args.pytorch,
      available: reference.run !== undefined,
      ...(reference.note === undefined ? {} : { note: reference.note }),
      ...(run === undefined ? {} : { run }),
    },
    rows: ours.map((row) => combine(row, reference.run?.rows[row.id])),
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
