// Collects every documentation example (each ```ts block of the root and package READMEs, each @example
// of the packages' public TSDoc), turns each into a module that runs against the built packages, and
// typechecks them all under strict tsc. The extraction and the output comparison are the shared ones in
// scripts/doc-examples (the release rehearsal uses the same).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { tsBlocks } from "../../scripts/doc-examples/markdown-blocks.mjs";
import { instrument, shownOutputs } from "../../scripts/doc-examples/shown-outputs.mjs";
import { tsdocExamples } from "../../scripts/doc-examples/tsdoc-examples.mjs";
import { preludeFor } from "./preludes.ts";

export const root = resolve(import.meta.dirname, "../..");
const generated = join(root, "docs/.examples");

/** The published packages, in the order their names are auto-imported (own package first). */
export const packageNames = ["autograd", "random", "datasets", "losses", "nn", "symbolic", "interop"];

export interface DocExample {
  /** `packages/losses/README.md:14`: the file and the line of the example's first code line. */
  where: string;
  file: string;
  line: number;
  source: string;
  noRun?: string;
  /** For a TSDoc example: the package whose exports (then the others') are imported for it. */
  autoImportFrom?: string;
  symbol?: string;
}

export interface PreparedExample extends DocExample {
  outputs: ReturnType<typeof shownOutputs>;
  /** The module that runs (instrumented), and the one that is typechecked (as written). */
  runFile: string;
  checkFile: string;
  /** Lines added above the example's own first line in both modules. */
  prefixLines: number;
}

export interface PackageApi {
  name: string;
  exports: { name: string; isValue: boolean; hasExample: boolean }[];
  unreached: { file: string; line: number }[];
}

/** Every README ```ts block (root first, then packages). */
export function readmeExamples(): DocExample[] {
  const files = ["README.md", ...packageNames.map((p) => `packages/${p}/README.md`)];
  return files.flatMap((file) =>
    tsBlocks(readFileSync(join(root, file), "utf8"), file).map((b) => ({
      where: `${file}:${b.line}`,
      file,
      line: b.line,
      source: b.source,
      ...(b.noRun === undefined ? {} : { noRun: b.noRun }),
    })),
  );
}

/** Every @example of each package's public API, and each package's exports. */
export function tsdocApi(): { examples: DocExample[]; packages: PackageApi[] } {
  const examples: DocExample[] = [];
  const packages: PackageApi[] = [];
  for (const name of packageNames) {
    const api = tsdocExamples(join(root, "packages", name), root);
    packages.push({ name, exports: api.exports, unreached: api.unreached });
    for (const e of api.examples) {
      examples.push({
        where: `${e.file}:${e.line}`,
        file: e.file,
        line: e.line,
        source: e.source,
        symbol: e.symbol,
        autoImportFrom: name,
        ...(e.noRun === undefined ? {} : { noRun: e.noRun }),
      });
    }
  }
  return { examples, packages };
}

/** Names a module declares or imports at its top level (an auto-import of the same name would clash). */
function topLevelNames(source: string): Set<string> {
  const file = ts.createSourceFile("x.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const names = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const e of name.elements) if (!ts.isOmittedExpression(e)) bind(e.name);
  };
  for (const s of file.statements) {
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) bind(d.name);
    else if (
      (ts.isFunctionDeclaration(s) ||
        ts.isClassDeclaration(s) ||
        ts.isInterfaceDeclaration(s) ||
        ts.isTypeAliasDeclaration(s) ||
        ts.isEnumDeclaration(s)) &&
      s.name
    )
      names.add(s.name.text);
    else if (ts.isImportDeclaration(s) && s.importClause) {
      if (s.importClause.name) names.add(s.importClause.name.text);
      const bindings = s.importClause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      else if (bindings) for (const e of bindings.elements) names.add(e.name.text);
    }
  }
  return names;
}

/**
 * `import { … } from "@neurogebra/<own>"` and then the other packages, for the names not yet taken: a
 * TSDoc example, like the docs around it, does not repeat its imports.
 */
function autoImports(own: string, packages: PackageApi[], taken: Set<string>): string {
  const order = [own, ...packageNames.filter((p) => p !== own)];
  const used = new Set(taken);
  const lines: string[] = [];
  for (const name of order) {
    const api = packages.find((p) => p.name === name)!;
    const values: string[] = [];
    const types: string[] = [];
    for (const e of api.exports) {
      if (used.has(e.name)) continue;
      used.add(e.name);
      (e.isValue ? values : types).push(e.name);
    }
    if (values.length > 0) lines.push(`import { ${values.join(", ")} } from "@neurogebra/${name}";`);
    if (types.length > 0) lines.push(`import type { ${types.join(", ")} } from "@neurogebra/${name}";`);
  }
  return lines.join("\n");
}

/** Writes each runnable example's two modules under docs/.examples (git-ignored). */
export function prepare(examples: DocExample[], packages: PackageApi[], suite: string): PreparedExample[] {
  const dir = join(generated, suite);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return examples
    .filter((e) => e.noRun === undefined)
    .map((e, i) => {
      const outputs = shownOutputs(e.source);
      let prefix = "";
      if (e.autoImportFrom !== undefined) {
        const declared = topLevelNames(e.source);
        const prelude = preludeFor(e.autoImportFrom, e.source, declared);
        const imports = autoImports(
          e.autoImportFrom,
          packages,
          new Set([...declared, "readFileSync", "writeFileSync"]),
        );
        prefix = `${imports}\n${prelude === "" ? "" : `${prelude}\n`}`;
      }
      const prefixLines = prefix === "" ? 0 : prefix.split("\n").length - 1;
      const slug = `${String(i).padStart(3, "0")}-${e.where.replace(/[^a-zA-Z0-9]+/g, "-")}`;
      const runFile = join(dir, `${slug}.ts`);
      const checkFile = join(dir, `${slug}.check.ts`);
      writeFileSync(runFile, `${prefix}${instrument(e.source, outputs)}\nexport {};\n`);
      writeFileSync(checkFile, `${prefix}${e.source}\nexport {};\n`);
      return { ...e, outputs, runFile, checkFile, prefixLines };
    });
}

/**
 * Strict tsc over the examples as written (with their auto-imports), against the packages' published
 * types. The options are a user's `strict` project (not our sources' extra `noUncheckedIndexedAccess`).
 * @returns one message per error, naming the example's file and line
 */
export function typecheck(prepared: PreparedExample[]): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ["node"],
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
  };
  const byFile = new Map(prepared.map((p) => [resolve(p.checkFile), p]));
  const program = ts.createProgram([...byFile.keys()], options);
  const messages: string[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n      ");
    const example = d.file ? byFile.get(resolve(d.file.fileName)) : undefined;
    if (!d.file || !example) {
      messages.push(`tsc: ${text}`);
      continue;
    }
    const at = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const line = at.line - example.prefixLines;
    const place =
      line < 0
        ? `${example.where} (auto-import or prelude, docs/test/preludes.ts)`
        : `${example.file}:${example.line + line}`;
    messages.push(`${place}: TS${d.code}: ${text}`);
  }
  return messages;
}
