// The repo as a maintainer has it when cutting a release: a clone of the current commit in the sandbox
// (its objects shared with the repo, read-only; its tags, commits and files its own), installed offline
// from the pnpm store. Releasing runs the repo's own scripts there: `pnpm version-packages`, a commit,
// `pnpm release`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// --trust-lockfile: this lockfile is the repo's own, which the repo's install verified against pnpm's
// supply-chain policies; verifying it again offline would need the user's metadata cache.
const INSTALL_OFFLINE = ["install", "--frozen-lockfile", "--offline", "--trust-lockfile"];

/**
 * Clones `root`'s HEAD into the sandbox and installs it offline; returns the copy's folder and commit.
 * Reading `root` uses the user's own git settings; everything in the copy runs in `env`.
 */
export async function copyRepo(sandbox, root, env) {
  const dir = join(sandbox.root, "repo");
  const { stdout: head } = await sandbox.run("git", ["rev-parse", "HEAD"], { cwd: root });
  const sha = head.trim();
  await sandbox.run("git", ["clone", "--quiet", "--shared", "--no-tags", "--no-checkout", root, dir]);
  await sandbox.run("git", ["checkout", "--quiet", "--detach", sha], { cwd: dir, env });
  await sandbox.run("pnpm", INSTALL_OFFLINE, { cwd: dir, env });
  return { dir, sha };
}

/** True when `root` has changes that are not committed (they are not part of the rehearsal). */
export async function hasUncommittedChanges(sandbox, root) {
  const { stdout } = await sandbox.run("git", ["status", "--porcelain"], { cwd: root });
  return stdout.trim() !== "";
}

/**
 * The packages changesets publishes: every packages/* with a package.json that is not private, found on
 * disk rather than listed, so a new package is rehearsed the day it lands.
 * @returns {{ name: string, version: string, dir: string, manifest: Record<string, any> }[]}
 */
export function publicPackages(copyDir) {
  const packagesDir = join(copyDir, "packages");
  return readdirSync(packagesDir)
    .map((entry) => join(packagesDir, entry))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version, dir, manifest }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Package name → version, for a list from publicPackages. */
export const versionsOf = (packages) => Object.fromEntries(packages.map((p) => [p.name, p.version]));

/** Writes a changeset file as `pnpm changeset` does, and commits it as the change's pull request would. */
export async function addChangeset(sandbox, copyDir, env, fileName, bumps, summary) {
  const front = Object.entries(bumps).map(([name, bump]) => `"${name}": ${bump}`);
  const file = join(".changeset", `${fileName}.md`);
  writeFileSync(join(copyDir, file), `---\n${front.join("\n")}\n---\n\n${summary}\n`);
  await sandbox.run("git", ["add", file], { cwd: copyDir, env });
  await sandbox.run("git", ["commit", "--quiet", "--no-verify", "--message", summary], { cwd: copyDir, env });
}

/**
 * Cuts a release the maintainer's way: `pnpm version-packages`, install, commit, `pnpm release` (build +
 * `changeset publish`, which also tags). `beforePublish` runs between the commit and the release (the
 * registry guard).
 */
export async function cutRelease(sandbox, copyDir, env, message, beforePublish) {
  await sandbox.run("pnpm", ["version-packages"], { cwd: copyDir, env });
  // The versions changed, so pnpm 12 would install before running `pnpm release` (verifyDepsBeforeRun),
  // asking the registry; installing here, offline and frozen, also proves the lockfile needs no change.
  await sandbox.run("pnpm", INSTALL_OFFLINE, { cwd: copyDir, env });
  await sandbox.run("git", ["add", "--all"], { cwd: copyDir, env });
  await sandbox.run("git", ["commit", "--quiet", "--no-verify", "--message", message], { cwd: copyDir, env });
  await beforePublish();
  await sandbox.run("pnpm", ["release"], { cwd: copyDir, env });
}

/** The git tags in the copy. */
export async function tags(sandbox, copyDir, env) {
  const { stdout } = await sandbox.run("git", ["tag", "--list"], { cwd: copyDir, env });
  return stdout.split("\n").filter(Boolean);
}
