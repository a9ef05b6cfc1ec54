// Refuses to publish anywhere but the local registry. Asked before every publish, in the repo copy, the
// way each tool in the chain will decide:
//   - changesets picks the registry per package: publishConfig["@scope:registry"], the
//     `npm_config_@scope:registry` variable, publishConfig.registry, then `npm_config_registry`
//     (anything else means registry.npmjs.org) — and it runs `npm info` against that registry;
//   - it then runs `pnpm publish` in the package folder: pnpm 12 reads its own settings
//     (PNPM_CONFIG_* variables, pnpm-workspace.yaml, .npmrc files) and ignores `npm_config_*`, so
//     `pnpm config get` must say the local registry too, for the default and for the @neurogebra scope.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The registry URL in one spelling (no trailing slash), for comparisons. */
const normalize = (url) => String(url).trim().replace(/\/+$/, "");

/**
 * @param {{ run: Function }} sandbox
 * @param {string} local the local registry's URL
 * @param {string} copyDir the repo copy
 * @param {string[]} packageDirs the folders of the packages changesets will publish
 * @param {Record<string, string>} env the environment `pnpm release` will run in
 * @throws {Error} naming every place that resolves to another registry
 */
export async function assertPublishesOnlyTo(sandbox, local, copyDir, packageDirs, env) {
  const problems = [];
  const expect = (where, what, value, { unsetOk = false } = {}) => {
    if (unsetOk && (value === undefined || value === "undefined" || value === "")) return;
    if (normalize(value) !== normalize(local)) problems.push(`${where}: ${what} is ${JSON.stringify(value)}`);
  };

  const scopeVar = env["npm_config_@neurogebra:registry"];
  for (const dir of packageDirs) {
    const { name, publishConfig = {} } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const scope = name.split("/")[0];
    const fromChangesets =
      publishConfig[`${scope}:registry`] ?? scopeVar ?? publishConfig.registry ?? env.npm_config_registry;
    expect(name, "the registry changesets resolves", fromChangesets ?? "https://registry.npmjs.org/");
  }

  await Promise.all(
    [copyDir, ...packageDirs].map(async (dir) => {
      const where = dir === copyDir ? "repo copy" : dir.slice(copyDir.length + 1);
      const npm = await sandbox.run("npm", ["config", "get", "registry", "@neurogebra:registry"], {
        cwd: dir,
        env,
      });
      const npmValues = Object.fromEntries(
        npm.stdout
          .trim()
          .split("\n")
          .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
      );
      expect(where, "`npm config get registry`", npmValues.registry);
      expect(where, "`npm config get @neurogebra:registry`", npmValues["@neurogebra:registry"], {
        unsetOk: true,
      });
      const pnpmDefault = await sandbox.run("pnpm", ["config", "get", "registry"], { cwd: dir, env });
      expect(where, "`pnpm config get registry`", pnpmDefault.stdout.trim());
      const pnpmScoped = await sandbox.run("pnpm", ["config", "get", "@neurogebra:registry"], {
        cwd: dir,
        env,
      });
      expect(where, "`pnpm config get @neurogebra:registry`", pnpmScoped.stdout.trim(), { unsetOk: true });
    }),
  );

  if (problems.length > 0) {
    throw new Error(
      `refusing to publish: the publish registry must be the local one (${local}), but\n  - ` +
        problems.join("\n  - "),
    );
  }
}
