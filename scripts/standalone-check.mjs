// "Depend on just autograd": pack @neurogebra/autograd, install the tarball with plain npm into an
// empty project outside the workspace, then import it from ESM and require it from CJS.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "neurogebra-standalone-"));
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

try {
  run("pnpm", ["pack", "--pack-destination", work], join(root, "packages/autograd"));
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error("pnpm pack produced no tarball");
  const app = join(work, "app");
  run("mkdir", ["-p", app], work);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "standalone-check", private: true }));
  run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", join(work, tarball)], app);

  const body = `const x = new Value(3);
const y = x.mul(x).add(x);
y.backward();
if (x.grad !== 7) throw new Error("expected dy/dx = 7, got " + x.grad);
console.log(FORMAT + ": d(x*x + x)/dx at 3 = " + x.grad);`;
  writeFileSync(
    join(app, "esm.mjs"),
    `import { Value } from "@neurogebra/autograd";\nconst FORMAT = "ESM";\n${body}\n`,
  );
  writeFileSync(
    join(app, "cjs.cjs"),
    `const { Value } = require("@neurogebra/autograd");\nconst FORMAT = "CJS";\n${body}\n`,
  );
  process.stdout.write(run(process.execPath, ["esm.mjs"], app));
  process.stdout.write(run(process.execPath, ["cjs.cjs"], app));
  const deps = JSON.parse(run("npm", ["ls", "--all", "--json"], app)).dependencies;
  const nested = deps["@neurogebra/autograd"].dependencies ?? {};
  if (Object.keys(nested).length > 0) throw new Error(`autograd pulled runtime deps: ${Object.keys(nested)}`);
  console.log("standalone check: @neurogebra/autograd installs alone and works from ESM and CJS");
} finally {
  rmSync(work, { recursive: true, force: true });
}
