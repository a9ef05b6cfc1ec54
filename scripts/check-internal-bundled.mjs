// The private @neurogebra/internal package must never reach users: each published package bundles what it
// uses (tsup noExternal), so no built file may import it, no published declaration may name it, and no
// published package may list it as anything but a devDependency. Run after the build.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const packagesDir = join(root, "packages");
const problems = [];
let checked = 0;
for (const entry of readdirSync(packagesDir)) {
  const manifestPath = join(packagesDir, entry, "package.json");
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  if (manifest.private === true) continue;
  checked++;
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    if (manifest[field]?.["@neurogebra/internal"] !== undefined) {
      problems.push(`${manifest.name}: lists @neurogebra/internal in ${field} (devDependencies only)`);
    }
  }
  if (!(manifest.files ?? []).every((f) => f === "dist")) {
    problems.push(`${manifest.name}: publishes ${JSON.stringify(manifest.files)} (expected only dist)`);
  }
  const dist = join(packagesDir, entry, "dist");
  if (!existsSync(dist)) {
    problems.push(`${manifest.name}: no dist/ (build first)`);
    continue;
  }
  for (const file of readdirSync(dist).filter((f) => /\.(c?js|d\.c?ts)$/.test(f))) {
    if (readFileSync(join(dist, file), "utf8").includes("@neurogebra/internal")) {
      problems.push(`${manifest.name}: dist/${file} refers to @neurogebra/internal (not bundled)`);
    }
  }
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`internal check: ${checked} published packages bundle @neurogebra/internal and never name it`);
