// A fresh npm project, as a user starts one (`npm init -y`, then `npm install <names>`), and what
// arrived in it, read from npm's own record of the tree (node_modules/.package-lock.json).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * @returns {Promise<{ dir: string, installed: { name: string, path: string, version: string,
 *   resolved: string }[] }>}
 */
export async function npmProject(sandbox, name, specs, env) {
  const dir = sandbox.dir(`projects/${name}`);
  const manifest = { name: `rehearsal-${name}`, version: "1.0.0", private: true, license: "MIT" };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  // --prefer-online: npm revalidates cached metadata, so a release published a moment ago is seen
  await sandbox.run("npm", ["install", "--prefer-online", "--no-audit", "--no-fund", ...specs], {
    cwd: dir,
    env,
  });
  const lock = JSON.parse(readFileSync(join(dir, "node_modules", ".package-lock.json"), "utf8"));
  const installed = Object.entries(lock.packages)
    .filter(([path]) => path.includes("node_modules/"))
    .map(([path, meta]) => ({
      name: path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length),
      path,
      version: meta.version,
      resolved: meta.resolved,
    }));
  return { dir, installed };
}

/** The installed package.json of `name` in a project (the one from the published tarball). */
export function installedManifest(project, name) {
  return JSON.parse(readFileSync(join(project.dir, "node_modules", name, "package.json"), "utf8"));
}

/**
 * Checks which `@neurogebra/*` packages a project holds: exactly `expected` (name → version), each once,
 * each downloaded from `registry`; with `nothingElse`, no other package either.
 * @returns {string[]} the other packages that arrived, as name@version
 */
export function expectInstalled(project, expected, registry, { nothingElse = false } = {}) {
  const ours = project.installed.filter((p) => p.name.startsWith("@neurogebra/"));
  const got = ours.map((p) => `${p.name}@${p.version}`).sort();
  const want = Object.entries(expected)
    .map(([name, version]) => `${name}@${version}`)
    .sort();
  if (got.join() !== want.join())
    throw new Error(`expected ${want.join(", ")}; got ${got.join(", ") || "none"}`);
  for (const p of ours) {
    if (!p.resolved?.startsWith(registry))
      throw new Error(`${p.name} came from ${p.resolved}, not ${registry}`);
  }
  const others = project.installed.filter((p) => !p.name.startsWith("@neurogebra/"));
  const otherNames = others.map((p) => `${p.name}@${p.version}`);
  if (nothingElse && others.length > 0)
    throw new Error(`other packages arrived too: ${otherNames.join(", ")}`);
  return otherNames;
}
