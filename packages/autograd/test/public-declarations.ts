/**
 * What users' TypeScript sees of this package: its declarations, emitted as the build emits them (the
 * package's tsconfig, so `stripInternal` included), and the internal members found in the types they
 * export. Used by `public-declarations.test.ts` (on a fresh emit) and `check-published-declarations.ts`
 * (on the built `dist/`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import ts from "typescript";

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Emit the declaration files of `src/index.ts` into `outDir`, with the package's compiler options. */
export function emitDeclarations(outDir: string): void {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(packageRoot, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (config === undefined) throw new Error("cannot read tsconfig.json");
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    sourceMap: false,
    declarationMap: false,
    rootDir: join(packageRoot, "src"),
    outDir,
  };
  const program = ts.createProgram([join(packageRoot, "src/index.ts")], options);
  const result = program.emit(undefined, (name, text) => {
    mkdirSync(dirname(name), { recursive: true });
    writeFileSync(name, text);
  });
  if (result.emitSkipped) throw new Error("declaration emit was skipped");
}

/** A program over one declaration entry (`index.d.ts`, or a consumer file importing it). */
export function programFor(file: string): ts.Program {
  return ts.createProgram([file], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  });
}

/**
 * The internal members of every class and interface the entry `file` exports (also inside exported
 * namespaces such as `wasm`): `_`-prefixed, `private`/`protected`, or ES private (`#private`). As
 * `"Class.member"`.
 */
export function internalMembers(file: string): string[] {
  const program = programFor(file);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (source === undefined) throw new Error(`cannot read ${file}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`${file} is not a module`);
  const found: string[] = [];
  const seen = new Set<ts.Symbol>();
  const inspect = (exported: ts.Symbol, prefix: string): void => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (seen.has(symbol)) return;
    seen.add(symbol);
    if (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) {
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      const statics = symbol.flags & ts.SymbolFlags.Class ? checker.getTypeOfSymbol(symbol) : undefined;
      const members = [...type.getProperties(), ...(statics?.getProperties() ?? [])];
      for (const member of members) {
        const hidden = (member.declarations ?? []).some(
          (d) => ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected),
        );
        if (member.name.startsWith("_") || member.name.startsWith("#") || hidden) {
          found.push(`${prefix}${exported.name}.${member.name}`);
        }
      }
    }
    if (symbol.flags & ts.SymbolFlags.Module) {
      for (const inner of checker.getExportsOfModule(symbol)) inspect(inner, `${prefix}${exported.name}.`);
    }
  };
  for (const exported of checker.getExportsOfModule(moduleSymbol)) inspect(exported, "");
  return found;
}
