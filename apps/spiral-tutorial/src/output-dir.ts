import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** `--out` cannot be used: not a directory, cannot be created, or not writable. */
export class OutputDirError extends Error {
  override name = "OutputDirError";
}

/**
 * Creates `dir` and its missing parents one level at a time. (Node's `mkdirSync(dir, { recursive:
 * true })` never returns for some paths, e.g. under `/proc` on Linux.)
 */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  while (!existsSync(current)) {
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of missing.reverse()) mkdirSync(path);
}

/**
 * Makes sure `--out` exists and is writable before any training: creates it (with parents) and writes
 * then removes a probe file. Returns the absolute path.
 *
 * @throws OutputDirError with the path and the system's reason.
 * @example
 * ```ts
 * const dir = prepareOutputDir("./tutorial-output");
 * ```
 */
export function prepareOutputDir(out: string): string {
  const dir = resolve(out);
  try {
    makeDirectories(dir);
    if (!statSync(dir).isDirectory()) throw new Error("not a directory");
    accessSync(dir, constants.W_OK);
    const probe = join(dir, `.spiral-tutorial-probe-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OutputDirError(`--out "${out}" is not a writable directory (${reason})`);
  }
  return dir;
}
