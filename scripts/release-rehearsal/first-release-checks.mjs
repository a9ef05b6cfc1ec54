// After the first release: is it in the registry as published, and does it install and work for a user
// of plain npm? (a) autograd alone, with ESM, CJS and types; (b) nn and exactly what it needs; (c) every
// package, with real version ranges between them, each README's first example run and its shown
// outputs compared.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { fetchPackument } from "./local-registry.mjs";
import { expectInstalled, installedManifest, npmProject } from "./npm-project.mjs";
import { firstTsExample } from "../doc-examples/markdown-blocks.mjs";
import { compareOutputs, instrument, shownOutputs } from "../doc-examples/shown-outputs.mjs";
import { listVersions } from "./report.mjs";
import { tags, versionsOf } from "./repo-copy.mjs";

/** What `npm install @neurogebra/nn` must bring besides nn (the architecture: nn → autograd, random). */
const NN_BRINGS = ["@neurogebra/autograd", "@neurogebra/random"];

export async function checkFirstRelease(ctx, released) {
  const { sandbox, report, local, consumer, copyDir } = ctx;
  const version = versionsOf(released);

  await report.check(
    "release 1 is in the registry: every package at its version, as latest, git-tagged",
    async () => {
      const tagList = await tags(sandbox, copyDir, ctx.publisher);
      for (const { name, version: v } of released) {
        const doc = await fetchPackument(local, name);
        if (!doc?.versions?.[v]) throw new Error(`${name}@${v} is not in the registry`);
        if (doc["dist-tags"]?.latest !== v)
          throw new Error(`${name}: latest is ${doc["dist-tags"]?.latest}, not ${v}`);
        if (!tagList.includes(`${name}@${v}`))
          throw new Error(`no git tag ${name}@${v} (tags: ${tagList.join(", ")})`);
      }
      return `${released.length} packages`;
    },
  );
  report.note(`published, release 1: ${listVersions(version)}`);

  // (a) autograd alone
  const autograd = "@neurogebra/autograd";
  let alone;
  await report.check(`(a) npm install ${autograd}: it arrives alone, from the local registry`, async () => {
    alone = await npmProject(sandbox, "autograd-alone", [autograd], consumer);
    expectInstalled(alone, { [autograd]: version[autograd] }, local, { nothingElse: true });
  });
  if (alone) {
    await report.check(`(a) ESM import and CJS require of ${autograd} work`, () =>
      importAndRequire(ctx, alone),
    );
    await report.check(`(a) its types: tsc --noEmit (strict) of an .mts and a .cts file`, () =>
      typecheck(ctx, alone),
    );
    report.note(`installed, (a) ${autograd}: ${autograd} ${version[autograd]}, nothing else`);
  }

  // (b) nn and what it brings
  const nn = "@neurogebra/nn";
  await report.check(
    `(b) npm install ${nn}: brings exactly autograd and random, at the published versions`,
    async () => {
      const project = await npmProject(sandbox, "nn", [nn], consumer);
      const expected = Object.fromEntries([nn, ...NN_BRINGS].map((name) => [name, version[name]]));
      const others = expectInstalled(project, expected, local);
      report.note(
        `installed, (b) ${nn}: ${listVersions(expected)} (and from npm: ${others.join(", ") || "nothing"})`,
      );
    },
  );

  // (c) everything, and each README's first example
  let all;
  await report.check(`(c) npm install of all ${released.length} published packages`, async () => {
    all = await npmProject(sandbox, "all", Object.keys(version), consumer);
    expectInstalled(all, version, local);
  });
  if (!all) return;
  await report.check(
    "(c) the published package.json files name each other by real ranges (workspace:^ rewritten)",
    () => expectRealRanges(all, released, version),
  );
  const examples = [];
  for (const { name } of released) {
    await report.check(`(c) ${name}: the README's first example runs`, async () => {
      const shown = await runReadmeExample(ctx, all, name);
      examples.push(`${name.split("/")[1]} ${shown}`);
      return `${shown} shown outputs match`;
    });
  }
  report.note(
    `installed, (c) all: ${listVersions(version)}; README examples (outputs compared): ${examples.join(", ")}`,
  );
}

const ALONE_BODY = `const x = new Value(3);
const y = x.mul(x).add(x);
y.backward();
if (x.grad !== 7) throw new Error("expected d(x*x + x)/dx = 7 at 3, got " + x.grad);
console.log(FORMAT + " ok");`;

async function importAndRequire({ sandbox, consumer }, project) {
  writeFileSync(
    join(project.dir, "esm.mjs"),
    `import { Value } from "@neurogebra/autograd";\nconst FORMAT = "ESM";\n${ALONE_BODY}\n`,
  );
  writeFileSync(
    join(project.dir, "cjs.cjs"),
    `const { Value } = require("@neurogebra/autograd");\nconst FORMAT = "CJS";\n${ALONE_BODY}\n`,
  );
  for (const file of ["esm.mjs", "cjs.cjs"])
    await sandbox.run(process.execPath, [file], { cwd: project.dir, env: consumer });
}

// The @ts-expect-error lines make the check fail if the typings were missing or `any`.
const TYPES_BODY = `const x: Value = new Value(3);
const y: Value = x.mul(x).add(x);
y.backward();
export const grad: number = x.grad;
// @ts-expect-error data is a number
export const wrong: string = x.data;
// @ts-expect-error mul takes a Value or a number
x.mul("2");`;

async function typecheck({ sandbox, consumer, tools }, project) {
  writeFileSync(
    join(project.dir, "types-esm.mts"),
    `import { Value } from "@neurogebra/autograd";\n${TYPES_BODY}\n`,
  );
  writeFileSync(
    join(project.dir, "types-cjs.cts"),
    `import autograd = require("@neurogebra/autograd");\nimport Value = autograd.Value;\n${TYPES_BODY}\n`,
  );
  // strict, the package's .d.ts files checked too (no skipLibCheck); no DOM or Node typings needed
  const compilerOptions = {
    module: "nodenext",
    target: "es2022",
    lib: ["es2022"],
    types: [],
    strict: true,
    noEmit: true,
  };
  const tsconfig = { compilerOptions, files: ["types-esm.mts", "types-cjs.cts"] };
  writeFileSync(join(project.dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  await sandbox.run(process.execPath, [tools.tsc, "-p", "tsconfig.json"], {
    cwd: project.dir,
    env: consumer,
  });
}

function expectRealRanges(project, released, version) {
  let internal = 0;
  for (const { name } of released) {
    const manifest = installedManifest(project, name);
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"]) {
      for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
        if (range.startsWith("workspace:")) throw new Error(`${name}'s ${field} keeps "${dep}": "${range}"`);
        if (field === "devDependencies" || !(dep in version)) continue;
        if (range !== `^${version[dep]}`)
          throw new Error(`${name} depends on ${dep} "${range}", not "^${version[dep]}"`);
        internal++;
      }
    }
  }
  if (internal === 0)
    throw new Error("no package depends on another: nothing was rewritten (check the test)");
  return `${internal} internal ranges, each ^<published version>`;
}

async function runReadmeExample({ sandbox, consumer, tools }, project, name) {
  const readme = readFileSync(join(project.dir, "node_modules", name, "README.md"), "utf8");
  const source = firstTsExample(readme);
  if (source === undefined) throw new Error(`${name}'s published README has no \`\`\`ts example`);
  const outputs = shownOutputs(source);
  const base = name.replace("@", "").replace("/", "-");
  const file = join(project.dir, `${base}-example.mts`);
  const seenFile = join(project.dir, `${base}-example.json`);
  writeFileSync(file, instrument(source, outputs, pathToFileURL(tools.harness).href));
  const env = { ...consumer, EXAMPLE_REPORT: seenFile };
  await sandbox.run(process.execPath, [tools.tsx, file], { cwd: project.dir, env });
  const differences = compareOutputs(outputs, JSON.parse(readFileSync(seenFile, "utf8")));
  if (differences.length > 0) throw new Error(differences.join("\n"));
  return outputs.length;
}
