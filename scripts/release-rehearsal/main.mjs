// `pnpm release:rehearse`: releases the packages for real against a local registry, then installs them
// back with npm as users do. In a sandbox folder that is removed at the end whatever happens:
//   1. Verdaccio on 127.0.0.1 (a free port, temporary storage, no uplink);
//   2. a clone of HEAD, installed offline; `pnpm version-packages`, a commit and `pnpm release` there,
//      after checking that npm, pnpm and changesets all resolve the publish registry to the local one;
//   3. fresh npm projects: (a) @neurogebra/autograd alone (ESM, CJS, types), (b) @neurogebra/nn and
//      exactly what it brings, (c) every published package, running each README's first example;
//   4. a patch changeset to one package, a second release, its bumps and CHANGELOGs, and installs of
//      the new and the old versions.
// Usage: node scripts/release-rehearsal/main.mjs [--report <file.json>]   (exit code 1 on any failure)
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkFirstRelease } from "./first-release-checks.mjs";
import { startLocalRegistry } from "./local-registry.mjs";
import { assertPublishesOnlyTo } from "./registry-guard.mjs";
import { createReport } from "./report.mjs";
import { addChangeset, copyRepo, cutRelease, hasUncommittedChanges, publicPackages } from "./repo-copy.mjs";
import { createSandbox, isolatedEnv } from "./sandbox.mjs";
import { checkSecondRelease } from "./second-release-checks.mjs";

const root = resolve(import.meta.dirname, "../..");
const options = parseOptions();
/** The package that gets the second release's patch changeset. */
const PATCHED = "@neurogebra/random";
/** While releasing, every request to a host other than the loopback goes to this closed port. */
const NOWHERE = "http://127.0.0.1:9";

const report = createReport();
const sandbox = createSandbox("neurogebra-release-");
let registryLog = () => "";
try {
  await rehearse();
} catch (error) {
  report.crash(error);
  if (registryLog()) console.log(`\nVerdaccio's log (warnings and errors):\n${registryLog()}`);
} finally {
  await report.check("registry stopped, sandbox folder removed", () => sandbox.cleanup());
  report.finish(options.report && resolve(options.report));
}
process.exitCode = report.failed > 0 ? 1 : 0;

async function rehearse() {
  const verdaccio = createRequire(import.meta.url)("verdaccio/package.json").version;
  console.log(`release rehearsal of ${root} (sandbox ${sandbox.root})`);
  const user = await userNpmSettings();
  const storeDir = (await sandbox.run("pnpm", ["store", "path"], { cwd: root })).stdout.trim();

  const registry = await report.step(
    `Verdaccio ${verdaccio} on 127.0.0.1, temporary storage, no uplink`,
    () => startLocalRegistry(sandbox.dir("registry")),
  );
  sandbox.onCleanup(registry.stop);
  registryLog = registry.log;
  const local = registry.url;
  const host = new URL(local).host;
  console.log(`    registry ${local}`);

  const publisher = isolatedEnv(sandbox, {
    name: "publisher",
    storeDir,
    npmrc: `registry=${local}\n//${host}/:_authToken=rehearsal-placeholder\n`,
    extra: {
      npm_config_registry: local, // what changesets reads (and npm)
      PNPM_CONFIG_REGISTRY: local, // what pnpm 12 reads: it ignores npm_config_*
      ...Object.fromEntries(
        ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"].map((k) => [k, NOWHERE]),
      ),
      NO_PROXY: "127.0.0.1,localhost",
      no_proxy: "127.0.0.1,localhost",
      npm_config_fetch_retries: "0",
      PNPM_CONFIG_FETCH_RETRIES: "0",
    },
  });
  const consumer = isolatedEnv(sandbox, {
    name: "consumer",
    storeDir,
    npmrc: [...user, `@neurogebra:registry=${local}`, ""].join("\n"),
  });
  const tools = {
    tsc: join(root, "node_modules/typescript/bin/tsc"),
    tsx: join(root, "node_modules/tsx/dist/cli.mjs"),
    harness: join(import.meta.dirname, "example-harness.mjs"),
  };

  if (await hasUncommittedChanges(sandbox, root)) {
    console.log("    note: uncommitted changes are not rehearsed (a release is cut from a commit)");
  }
  const copy = await report.step("copy of the repo's HEAD, pnpm install --offline", () =>
    copyRepo(sandbox, root, publisher),
  );
  console.log(`    commit ${copy.sha.slice(0, 12)}`);
  const guard = () =>
    report.step("publish registry is the local one for npm, pnpm and changesets, in every package", () =>
      assertPublishesOnlyTo(
        sandbox,
        local,
        copy.dir,
        publicPackages(copy.dir).map((p) => p.dir),
        publisher,
      ),
    );

  // pnpm 12 and npm/changesets read different settings, so each is misdirected alone
  await report.check(
    "the guard refuses when pnpm alone, or npm and changesets alone, point at npmjs",
    async () => {
      const npmjs = "https://registry.npmjs.org/";
      const firstPackage = publicPackages(copy.dir)
        .slice(0, 1)
        .map((p) => p.dir);
      for (const [who, misdirected] of [
        ["pnpm", { ...publisher, PNPM_CONFIG_REGISTRY: npmjs }],
        ["npm and changesets", { ...publisher, npm_config_registry: npmjs }],
      ]) {
        const refused = await assertPublishesOnlyTo(sandbox, local, copy.dir, firstPackage, misdirected).then(
          () => false,
          (error) => /^refusing to publish/.test(error.message),
        );
        if (!refused) throw new Error(`the guard let a publish through while ${who} pointed at ${npmjs}`);
      }
    },
  );

  const context = { sandbox, report, local, consumer, publisher, tools, copyDir: copy.dir };
  const first = await report.step("release 1: pnpm version-packages, commit, pnpm release", async () => {
    await cutRelease(sandbox, copy.dir, publisher, "Version packages", guard);
    return publicPackages(copy.dir);
  });
  await checkFirstRelease(context, first);

  const patch = {
    patched: PATCHED,
    changesetName: "rehearsal-patch",
    summary: `Rehearsal: a patch release of ${PATCHED}.`,
  };
  const second = await report.step(
    `release 2: a patch changeset to ${PATCHED}, then the same commands`,
    async () => {
      await addChangeset(
        sandbox,
        copy.dir,
        publisher,
        patch.changesetName,
        { [PATCHED]: "patch" },
        patch.summary,
      );
      await cutRelease(sandbox, copy.dir, publisher, "Version packages (rehearsal patch)", guard);
      return publicPackages(copy.dir);
    },
  );
  await checkSecondRelease(context, first, second, patch);
}

function parseOptions() {
  try {
    return parseArgs({ options: { report: { type: "string" } } }).values;
  } catch (error) {
    console.error(`release rehearsal: ${error.message}\nUsage: pnpm release:rehearse [--report <file.json>]`);
    process.exit(2);
  }
}

/**
 * The user's registry and network settings, which the consumer projects keep for everything that is not
 * `@neurogebra/*` (a user's mirror or proxy); everything else about the user's npm config is left out.
 */
async function userNpmSettings() {
  const keys = ["registry", "proxy", "https-proxy", "noproxy", "cafile", "strict-ssl"];
  const { stdout } = await sandbox.run("npm", ["config", "get", ...keys], { cwd: tmpdir() });
  return stdout
    .trim()
    .split("\n")
    .filter((line) => !/=(null|undefined|)$/.test(line));
}
