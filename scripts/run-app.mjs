// Builds an app (and what it depends on) quietly through turbo, then runs it with the given arguments.
// Usage: node scripts/run-app.mjs <workspace-package> <entry.js> [args…]   (used by `pnpm demo`, `pnpm bench`)
import { spawnSync } from "node:child_process";

const [pkg, entry, ...args] = process.argv.slice(2);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const build = spawnSync(
  "pnpm",
  ["exec", "turbo", "run", "build", `--filter=${pkg}...`, "--output-logs=errors-only"],
  {
    encoding: "utf8",
    env,
  },
);
if (build.status !== 0) {
  process.stderr.write(build.stdout + build.stderr);
  process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, [entry, ...args], { stdio: "inherit", env });
process.exit(run.status ?? 1);
