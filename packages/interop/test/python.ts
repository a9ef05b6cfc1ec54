/** Debian's Python with PyTorch (and python3-onnx), which the engine tests drive; required, never skipped. */
import { execFileSync } from "node:child_process";

/** Debian's interpreter: the `python3` first on the PATH may be another one, without torch. */
export const PYTHON = "/usr/bin/python3";

/**
 * Throws a clear error when `/usr/bin/python3` cannot import `modules`: these tests are required (CI
 * installs the packages with scripts/system-packages.sh), so a missing engine is a failure, not a skip.
 */
export function requirePython(modules: readonly string[], debianPackages: string): void {
  try {
    execFileSync(PYTHON, ["-c", `import ${modules.join(", ")}`], { stdio: "pipe" });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n").slice(-3).join(" ") : String(error);
    throw new Error(
      `${PYTHON} cannot import ${modules.join(", ")}: these tests need it. Install it with ` +
        `\`bash scripts/system-packages.sh\` (as root: apt-get install -y ${debianPackages}). (${detail})`,
      { cause: error },
    );
  }
}

/** Runs `/usr/bin/python3 args…` with one thread per process; returns stdout, throws with stderr on failure. */
export function runPython(
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): string {
  try {
    return execFileSync(PYTHON, [...args], {
      cwd: options.cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 120_000,
      env: { ...process.env, OMP_NUM_THREADS: "1", PYTHONDONTWRITEBYTECODE: "1" },
    });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(
      `${PYTHON} ${args.join(" ")} failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`,
      {
        cause: error,
      },
    );
  }
}
