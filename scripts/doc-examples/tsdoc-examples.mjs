// The @example blocks in the TSDoc of a package's public API: every symbol its src/index.ts exports, the
// members of exported classes and interfaces, and the exports of exported namespaces. An @example holds
// fenced ```ts blocks, or inline `code` spans, or (neither) plain code lines.
import { join, relative } from "node:path";
import ts from "typescript";

const fenceOpen = /^\s*```(\S*)[ \t]*(.*)$/;
const noRun = /^no-run\b:?\s*(.*)$/;
const tagStart = /^\s*@[a-zA-Z]/;

/** The comment's lines without the `/**`, ` * ` and `*\/` decoration, each with its 1-based file line. */
function commentLines(file, jsDoc) {
  const start = jsDoc.getStart(file);
  const firstLine = file.getLineAndCharacterOfPosition(start).line + 1;
  return file.text
    .slice(start, jsDoc.end)
    .split("\n")
    .map((text, i) => ({
      line: firstLine + i,
      text: text
        .replace(/^\s*\/\*\*\s?/, "")
        .replace(/\s*\*\/\s*$/, "")
        .replace(/^\s*\*(?!\/) ?/, ""),
    }));
}

/** The examples of one JSDoc comment. */
function examplesOf(lines, where) {
  const examples = [];
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].text.indexOf("@example");
    if (at < 0) continue;
    const tag = [{ line: lines[i].line, text: lines[i].text.slice(at + "@example".length) }];
    let j = i + 1;
    let inFence = false;
    for (; j < lines.length; j++) {
      if (fenceOpen.test(lines[j].text)) inFence = !inFence;
      if (!inFence && tagStart.test(lines[j].text)) break;
      tag.push(lines[j]);
    }
    i = j - 1;
    const fenced = [];
    for (let k = 0; k < tag.length; k++) {
      const open = fenceOpen.exec(tag[k].text);
      if (!open) continue;
      let close = k + 1;
      while (close < tag.length && !/^\s*```\s*$/.test(tag[close].text)) close++;
      const example = {
        line: tag[k].line + 1,
        source:
          tag
            .slice(k + 1, close)
            .map((l) => l.text)
            .join("\n") + "\n",
      };
      const info = open[2].trim();
      const skip = noRun.exec(info);
      if (skip) {
        if (skip[1] === "") throw new Error(`${where(tag[k].line)}: \`no-run\` needs a reason`);
        example.noRun = skip[1];
      }
      if (open[1] === "ts" || open[1] === "typescript" || open[1] === "") fenced.push(example);
      k = close;
    }
    if (fenced.length > 0) {
      examples.push(...fenced);
      continue;
    }
    const inline = [];
    for (const l of tag)
      for (const m of l.text.matchAll(/`([^`]+)`/g)) inline.push({ line: l.line, source: `${m[1]}\n` });
    if (inline.length > 0) {
      examples.push(...inline);
      continue;
    }
    const plain = tag.filter((l) => l.text.trim() !== "");
    if (plain.length > 0)
      examples.push({ line: plain[0].line, source: plain.map((l) => l.text).join("\n") + "\n" });
  }
  return examples;
}

/**
 * The package's exports and the @example blocks of its public API.
 * @param {string} packageDir e.g. `packages/autograd`
 * @param {string} root the repository root (paths in the result are relative to it)
 * @returns {{ exports: { name: string, isValue: boolean, hasExample: boolean }[],
 *   examples: { file: string, line: number, symbol: string, source: string, noRun?: string }[],
 *   unreached: { file: string, line: number }[] }} `unreached`: @example blocks in src outside the public API
 */
export function tsdocExamples(packageDir, root) {
  const src = join(packageDir, "src");
  const program = ts.createProgram([join(src, "index.ts")], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(join(src, "index.ts"));
  const seenDocs = new Set();
  const examples = [];
  const inSrc = (file) =>
    !relative(src, file.fileName).startsWith("..") && !file.fileName.endsWith(".test.ts");

  const collectDocs = (node, symbol) => {
    const file = node.getSourceFile();
    if (!inSrc(file)) return 0;
    let count = 0;
    for (const doc of ts.getJSDocCommentsAndTags(node)) {
      if (!ts.isJSDoc(doc)) continue;
      const key = `${file.fileName}:${doc.pos}`;
      if (seenDocs.has(key)) {
        count++;
        continue;
      }
      seenDocs.add(key);
      const path = relative(root, file.fileName);
      for (const e of examplesOf(commentLines(file, doc), (line) => `${path}:${line}`)) {
        examples.push({ file: path, symbol, ...e });
        count++;
      }
    }
    return count;
  };

  const visit = (symbol, name, depth) => {
    let count = 0;
    for (const decl of symbol.declarations ?? []) {
      if (ts.isSourceFile(decl)) {
        if (depth > 2) continue;
        for (const inner of checker.getExportsOfModule(symbol)) {
          const target = inner.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(inner) : inner;
          count += visit(target, `${name}.${inner.name}`, depth + 1);
        }
        continue;
      }
      count += collectDocs(decl, name);
      if (ts.isClassDeclaration(decl) || ts.isInterfaceDeclaration(decl)) {
        for (const member of decl.members) {
          const memberName = member.name?.getText() ?? "constructor";
          const n = collectDocs(member, `${name}.${memberName}`);
          if (ts.isConstructorDeclaration(member)) count += n;
        }
      }
    }
    return count;
  };

  const exports = [];
  for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(index))) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const before = examples.length;
    const own = visit(target, exported.name, 0);
    exports.push({
      name: exported.name,
      isValue: (target.flags & ts.SymbolFlags.Value) !== 0,
      hasExample: own > 0 || examples.length > before,
    });
  }

  // Examples written in src but not on the public API: listed, so none is silently left out.
  const unreached = [];
  for (const file of program.getSourceFiles()) {
    if (!inSrc(file)) continue;
    const path = relative(root, file.fileName);
    const walk = (node) => {
      for (const doc of ts.getJSDocCommentsAndTags(node)) {
        const key = `${file.fileName}:${doc.pos}`;
        if (!ts.isJSDoc(doc) || seenDocs.has(key)) continue;
        seenDocs.add(key);
        for (const e of examplesOf(commentLines(file, doc), (line) => `${path}:${line}`))
          unreached.push({ file: path, line: e.line });
      }
      ts.forEachChild(node, walk);
    };
    walk(file);
  }
  return { exports, examples, unreached };
}
