import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import type { ReferenceRow, ReferenceRun } from "./report.js";

/** Where `pytorch_reference.py` lives: next to `package.json`, one level above `dist/` and `src/`. */
export const REFERENCE_SCRIPT = fileURLToPath(new URL("../pytorch_reference.py", import.meta.url));

/** The interpreter to use, or why there is none. */
export type PythonProbe = { ok: true; python: string } | { ok: false; note: string };

/**
 * The first interpreter that can `import torch`: `preferred` (from `--python`) alone when given, else
 * `$NEUROGEBRA_PYTHON`, `python3`, then `/usr/bin/python3` (Debian's `python3-torch` installs there, which
 * a pyenv or venv `python3` earlier on the PATH does not see).
 *
 * @example
 * ```ts
 * const probe = findTorchPython();
 * if (!probe.ok) console.log(probe.note);
 * ```
 */
export function findTorchPython(preferred?: string): PythonProbe {
  const candidates =
    preferred !== undefined
      ? [preferred]
      : [process.env.NEUROGEBRA_PYTHON, "python3", "/usr/bin/python3"].filter(
          (c): c is string => c !== undefined && c !== "",
        );
  const tried: string[] = [];
  for (const python of [...new Set(candidates)]) {
    const probe = spawnSync(python, ["-c", "import torch"], { encoding: "utf8", timeout: 60_000 });
    if (probe.status === 0) return { ok: true, python };
    const why =
      probe.error !== undefined ? probe.error.message : (probe.stderr.trim().split("\n").at(-1) ?? "");
    tried.push(`${python}: ${why}`);
  }
  return {
    ok: false,
    note:
      `PyTorch not found (\`python3 -c "import torch"\` failed — ${tried.join("; ")}). ` +
      "Showing our rows only. On Debian/Ubuntu: `apt-get install python3-torch`, or pass --python <interpreter>.",
  };
}

/**
 * The reference process's environment: ours without `OPENBLAS_CORETYPE` and `OPENBLAS_L2_SIZE` (this
 * machine sets them, and they select a slower OpenBLAS kernel on its CPU; OpenBLAS picks its native one
 * without them), and with `OPENBLAS_NUM_THREADS` = the torch thread count when one is given, so that
 * `--torch-threads 1` means one thread in the BLAS too. Only the reference process gets it.
 *
 * @example
 * ```ts
 * referenceEnvironment({ OPENBLAS_CORETYPE: "Haswell", PATH: "/bin" }, 1); // { PATH: "/bin", OPENBLAS_NUM_THREADS: "1" }
 * ```
 */
export function referenceEnvironment(env: NodeJS.ProcessEnv, threads: number | undefined): NodeJS.ProcessEnv {
  const { OPENBLAS_CORETYPE: _core, OPENBLAS_L2_SIZE: _l2, ...rest } = env;
  return threads === undefined ? rest : { ...rest, OPENBLAS_NUM_THREADS: String(threads) };
}

/** Options passed through to `pytorch_reference.py`. */
export interface ReferenceOptions {
  quick: boolean;
  /** Row ids to run (all when empty). */
  only: readonly string[];
  /** `torch.set_num_threads`, when given. */
  threads?: number;
  /** JSON file with the catalogue for the SymPy row. */
  cataloguePath?: string;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/**
 * Runs `pytorch_reference.py` and parses the JSON it prints; throws with the script's stderr when it
 * fails, so the caller can print a note and keep our rows.
 *
 * @example
 * ```ts
 * const run = runReference("/usr/bin/python3", { quick: false, only: [] });
 * run.rows["tensor.decision-grid"]?.float32?.medianMs;
 * ```
 */
export function runReference(python: string, options: ReferenceOptions): ReferenceRun {
  const args = [REFERENCE_SCRIPT];
  if (options.quick) args.push("--quick");
  if (options.threads !== undefined) args.push("--threads", String(options.threads));
  if (options.cataloguePath !== undefined) args.push("--catalogue", options.cataloguePath);
  for (const id of options.only) args.push("--only", id);
  const run = spawnSync(python, args, {
    env: referenceEnvironment(process.env, options.threads),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (run.error !== undefined) throw run.error;
  if (run.status !== 0) {
    throw new Error(`${python} ${REFERENCE_SCRIPT} exited with status ${run.status ?? run.signal}`);
  }
  const parsed: unknown = JSON.parse(run.stdout);
  if (!isRecord(parsed) || !isRecord(parsed.rows) || !isRecord(parsed.versions)) {
    throw new Error(`${REFERENCE_SCRIPT} printed JSON without "rows" and "versions"`);
  }
  return {
    python,
    versions: parsed.versions as Record<string, string>,
    threads: typeof parsed.threads === "number" ? parsed.threads : 0,
    ...(typeof parsed.cpuShare === "number" ? { cpuShare: parsed.cpuShare } : {}),
    ...(typeof parsed.peakRssBytes === "number" ? { peakRssBytes: parsed.peakRssBytes } : {}),
    rows: parsed.rows as Record<string, ReferenceRow>,
    notes: Array.isArray(parsed.notes) ? parsed.notes.map(String) : [],
  };
}
