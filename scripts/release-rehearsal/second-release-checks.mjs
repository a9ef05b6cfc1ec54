// After the second release (one patch changeset): the versions moved as changesets' rules say, the
// CHANGELOGs say why, the registry holds both releases with the new one as latest, and npm installs the
// new versions by default and the old one on request.
//
// The rule for dependents (@changesets/assemble-release-plan): a package that depends on a released one
// gets a patch bump only when the new version leaves the range it depends on (`workspace:^` is
// `^<version before>`), e.g. a minor of a 0.x package; `updateInternalDependencies: "patch"` then
// rewrites its range. A patch within the range leaves dependents as they are: their users get the new
// patch through the range they already have, which check (d) shows.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { fetchPackument } from "./local-registry.mjs";
import { expectInstalled, npmProject } from "./npm-project.mjs";
import { versionsOf } from "./repo-copy.mjs";
import { listVersions } from "./report.mjs";

/** The range a `workspace:` dependency stands for, given the dependency's version before the release. */
function publishedRange(range, version) {
  const bare = range.replace(/^workspace:/, "");
  if (bare === "*") return version;
  if (bare === "^" || bare === "~") return `${bare}${version}`;
  return bare;
}

/**
 * The packages changesets must release after a patch changeset to `patched`, each with the reason.
 * @returns {Map<string, string>} name → why it is released
 */
function expectedReleases(patched, packages, before) {
  const released = new Map([[patched, "the changeset"]]);
  const next = (name) => semver.inc(before[name], "patch");
  for (let grew = true; grew;) {
    grew = false;
    for (const p of packages) {
      if (released.has(p.name)) continue;
      for (const field of ["dependencies", "optionalDependencies"]) {
        for (const [dep, range] of Object.entries(p.manifest[field] ?? {})) {
          const accepted = publishedRange(range, before[dep]);
          if (released.has(dep) && !semver.satisfies(next(dep), accepted) && !released.has(p.name)) {
            released.set(p.name, `${dep} ${next(dep)} is outside ${accepted}`);
            grew = true;
          }
        }
      }
    }
  }
  return released;
}

/** Dependents of `name` that stay, with the range they keep (which admits the new version). */
function dependentsInRange(name, packages, before, released) {
  return packages
    .filter((p) => !released.has(p.name) && name in (p.manifest.dependencies ?? {}))
    .map((p) => `${p.name.split("/")[1]} (${publishedRange(p.manifest.dependencies[name], before[name])})`);
}

/** The text of a CHANGELOG.md between `## <version>` and the next `## ` heading. */
function changelogEntry(dir, version) {
  const text = readFileSync(join(dir, "CHANGELOG.md"), "utf8");
  const start = text.indexOf(`\n## ${version}\n`);
  if (start < 0) return undefined;
  const next = text.indexOf("\n## ", start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

/**
 * @param first the packages after release 1; @param second after release 2
 * @param patched the package the changeset `changesetName` patched, with `summary` as its text
 */
export async function checkSecondRelease(ctx, first, second, { patched, changesetName, summary }) {
  const { sandbox, report, local, consumer, copyDir } = ctx;
  const v1 = versionsOf(first);
  const v2 = versionsOf(second);
  const releases = expectedReleases(patched, first, v1);
  const bumped = new Set(releases.keys());
  const short = (name) => name.split("/")[1];

  await report.check(
    `release 2 versions: a patch for ${short(patched)}, dependents as changesets' range rule says`,
    () => {
      for (const { name } of second) {
        const want = bumped.has(name) ? semver.inc(v1[name], "patch") : v1[name];
        if (v2[name] !== want) {
          const why = releases.get(name) ?? "nothing it depends on left its range";
          throw new Error(`${name}: ${v1[name]} → ${v2[name]}, expected ${want} (${why})`);
        }
      }
      const moved = [...releases].map(([name, why]) => `${short(name)} ${v1[name]} → ${v2[name]} (${why})`);
      const stay = dependentsInRange(patched, first, v1, releases);
      return `${moved.join("; ")}${stay.length > 0 ? `; dependents in range stay: ${stay.join(", ")}` : ""}`;
    },
  );

  await report.check(
    "release 2 CHANGELOG entries: the changeset's summary, and each dependent's updated dependencies",
    () => {
      if (existsSync(join(copyDir, ".changeset", `${changesetName}.md`)))
        throw new Error("the changeset was not consumed");
      for (const p of second.filter((q) => bumped.has(q.name))) {
        const entry = changelogEntry(p.dir, v2[p.name]);
        if (!entry) throw new Error(`${p.name}/CHANGELOG.md has no "## ${v2[p.name]}" entry`);
        if (!entry.includes("### Patch Changes"))
          throw new Error(`${p.name} ${v2[p.name]}: no "### Patch Changes"`);
        if (!changelogEntry(p.dir, v1[p.name])) throw new Error(`${p.name}: the ${v1[p.name]} entry is gone`);
        if (p.name === patched) {
          if (!entry.includes(summary)) throw new Error(`${p.name} ${v2[p.name]}: no summary:\n${entry}`);
          continue;
        }
        const updated = Object.keys(p.manifest.dependencies ?? {}).filter((dep) => bumped.has(dep));
        for (const dep of updated) {
          if (!entry.includes("Updated dependencies") || !entry.includes(`- ${dep}@${v2[dep]}`)) {
            throw new Error(
              `${p.name} ${v2[p.name]} does not list "${dep}@${v2[dep]}" as updated:\n${entry}`,
            );
          }
        }
      }
      const dependents = [...bumped].filter((name) => name !== patched).map(short);
      return `${short(patched)} ${v2[patched]} under "### Patch Changes"; ${
        dependents.length > 0 ? `"Updated dependencies" in ${dependents.join(", ")}` : "no dependent released"
      }`;
    },
  );
  sandbox.discard(copyDir); // the copy is not read after this

  await report.check(
    "release 2 in the registry: only the bumped packages are new, as latest; release 1 stays",
    async () => {
      for (const { name } of second) {
        const doc = await fetchPackument(local, name);
        const versions = Object.keys(doc?.versions ?? {}).sort();
        const want = bumped.has(name) ? [v1[name], v2[name]].sort() : [v1[name]];
        if (versions.join() !== want.join())
          throw new Error(`${name}: the registry has ${versions.join(", ")}, expected ${want.join(", ")}`);
        if (doc["dist-tags"]?.latest !== v2[name])
          throw new Error(`${name}: latest is ${doc["dist-tags"]?.latest}, not ${v2[name]}`);
      }
    },
  );
  const published = Object.fromEntries([...bumped].sort().map((name) => [name, v2[name]]));
  const stay = dependentsInRange(patched, first, v1, releases);
  report.note(
    `published, release 2: ${listVersions(published)} (a patch changeset to ${short(patched)})` +
      (stay.length > 0 ? `; not released, their range admits ${v2[patched]}: ${stay.join(", ")}` : ""),
  );

  const nn = "@neurogebra/nn";
  const nnTree = Object.fromEntries(
    [nn, "@neurogebra/autograd", "@neurogebra/random"].map((n) => [n, v2[n]]),
  );
  await report.check(`(d) npm install ${nn} after release 2 gets the new versions`, async () => {
    const project = await npmProject(sandbox, "nn-after-patch", [nn], consumer);
    expectInstalled(project, nnTree, local);
    return listVersions(nnTree);
  });
  await report.check(
    `(d) npm install ${patched}@${v1[patched]}: the old version still installs`,
    async () => {
      const project = await npmProject(sandbox, "old-version", [`${patched}@${v1[patched]}`], consumer);
      expectInstalled(project, { [patched]: v1[patched] }, local);
    },
  );
  report.note(
    `installed, (d) after release 2: ${listVersions(nnTree)}; and ${patched} ${v1[patched]} on request`,
  );
}
