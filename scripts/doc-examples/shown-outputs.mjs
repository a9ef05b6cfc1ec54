// What a documentation example shows, made checkable. Shared by `pnpm test` (docs/test: every README
// ```ts block and every TSDoc @example) and the release rehearsal (each README's first example, run
// against the packages installed from the local registry).
//
// The convention, one for READMEs and TSDoc:
//   console.log(x); // 0.5         what the statement prints: a `//` comment at the end of its line, or the
//   // 0.5                         comment lines right below it (several lines for a multi-line output);
//   expr; // → 0.5                 the value of an expression statement, as util.inspect shows it;
//   stmt; // SomeError: message    what the statement throws.
// A leading `→` is allowed on printed output too. An aside at the end, after two or more spaces, in
// parentheses, is commentary, not output (one space: part of the output, as in `f(x) (bound: x)`):
//     console.log(np.randomSample()); // 0.3745401188473625          (np.random.random_sample())
// Any other comment is a remark. So that a shown value can never hide as a remark, a comment at the end
// of an expression statement is allowed only after an assignment or after a call whose value is
// `undefined` (checked when it runs); anywhere else it fails: show the value with `→` or move the remark.
// Comparison ignores white space and the `(n)` length Node prints after a typed array's name; a `…` in
// a shown output stands for what the example leaves out (a long message's tail, a number's digits).
import ts from "typescript";

const commentLine = /^\s*\/\/ ?(.*)$/;
const aside = /\s{2,}\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$/;
const errorShown = /^[A-Z]\w*Error: /;
const arrow = /^→\s?/;

/**
 * The statements of an example whose output it shows, and the remarks to keep honest.
 * @returns {{ id: number, line: number, start: number, end: number,
 *   kind: "prints" | "value" | "throws" | "remark" | "unmarked", shown: string, statement: string,
 *   expression?: string }[]} `line` is 1-based within `source`
 */
export function shownOutputs(source) {
  const file = ts.createSourceFile("example.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = source.split("\n");
  const found = [];
  for (const statement of file.statements) {
    const start = statement.getStart(file);
    const end = statement.getEnd();
    const endAt = file.getLineAndCharacterOfPosition(end);
    const rest = lines[endAt.line].slice(endAt.character);
    const shown = [];
    const trailing = commentLine.exec(rest);
    if (trailing) shown.push(trailing[1]);
    else {
      for (let i = endAt.line + 1; i < lines.length && commentLine.test(lines[i]); i++) {
        shown.push(commentLine.exec(lines[i])[1]);
      }
    }
    if (shown.length === 0) continue;
    const text = statement.getText(file);
    const isExpression = ts.isExpressionStatement(statement);
    const prints =
      isExpression &&
      ts.isCallExpression(statement.expression) &&
      statement.expression.expression.getText(file) === "console.log";
    const marked = arrow.test(shown[0]);
    shown[0] = shown[0].replace(arrow, "");
    shown[0] = shown[0].replace(aside, "");
    const throws = errorShown.test(shown[0]);
    let kind;
    if (throws) kind = "throws";
    else if (prints) kind = "prints";
    else if (marked) kind = "value";
    else if (trailing && isExpression) {
      // A remark may follow a call that returns nothing (checked when it runs) or an assignment; after
      // any other expression it would read as the value, so it must be shown as one.
      const e = statement.expression;
      if (
        ts.isBinaryExpression(e) &&
        e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        e.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      )
        continue;
      kind =
        ts.isCallExpression(e) || ts.isNewExpression(e) || ts.isAwaitExpression(e) ? "remark" : "unmarked";
    } else continue; // a remark about a declaration or a block, or comment lines below a statement
    if ((throws || kind === "value") && !isExpression) {
      throw new Error(
        `example line ${endAt.line + 1}: a shown ${throws ? "throw" : "value"} is only checked on an ` +
          `expression statement`,
      );
    }
    found.push({
      id: found.length,
      line: file.getLineAndCharacterOfPosition(start).line + 1,
      start,
      end,
      kind,
      shown: shown.join("\n"),
      statement: text,
      ...(isExpression ? { expression: statement.expression.getText(file) } : {}),
    });
  }
  return found;
}

/**
 * The example with markers around each statement whose output is shown. With `harness`, the module it
 * names is imported first (it installs `globalThis.__example`); without, the caller installs it.
 */
export function instrument(source, outputs, harness) {
  let result = source;
  for (const o of [...outputs].reverse()) {
    const body = result.slice(o.start, o.end);
    let wrapped;
    if (o.kind === "throws") wrapped = `try { ${body} } catch (error) { __example.threw(${o.id}, error); }`;
    else if (o.kind === "value" || o.kind === "remark" || o.kind === "unmarked")
      wrapped = `__example.value(${o.id}, (${o.expression}));`;
    else wrapped = body;
    result = `${result.slice(0, o.start)}__example.at(${o.id}); ${wrapped} __example.at(-1);${result.slice(o.end)}`;
  }
  return harness === undefined ? result : `import ${JSON.stringify(harness)};\n${result}`;
}

const canonical = (text) =>
  text.replace(/\b((?:Big)?(?:Float|Int|Uint|Uint8Clamped)\d+Array)\(\d+\)/g, "$1").replace(/\s+/g, "");

/**
 * Equal up to white space. A `…` in the shown text stands for anything (an elided tail, the rest of a
 * long number): `[0.659…, 0.242…]`, `["0.weight", "0.bias", …]`, `RangeError: matmul: …`.
 */
function matches(seen, shown) {
  const pieces = canonical(shown).split("…");
  if (pieces.length === 1) return canonical(seen) === pieces[0];
  const escaped = pieces.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*?")}$`, "s").test(canonical(seen));
}
/** A value as `→` shows it: util.inspect's form in full; strings may be shown with either quote. */
function sameValue(got, shown) {
  const quotes = (text) => text.replace(/"/g, "'");
  return (
    matches(quotes(got.inspected), quotes(shown)) || (got.json !== undefined && matches(got.json, shown))
  );
}

/**
 * Compares what ran with what the example shows.
 * @param {Record<string, { printed?: string[], threw?: string, value?: { inspected: string, json?: string } }>} seen
 *   the recorder's report (recorder.mjs)
 * @param {number} [lineOffset] added to each statement's line (the example's first line in its file, − 1)
 * @returns {string[]} one message per difference
 */
export function compareOutputs(outputs, seen, lineOffset = 0) {
  const differences = [];
  for (const o of outputs) {
    const got = seen[o.id] ?? {};
    const where = `line ${o.line + lineOffset} \`${o.statement.split("\n")[0]}\``;
    switch (o.kind) {
      case "throws":
        if (got.threw === undefined) differences.push(`${where}: shown throwing, but it did not throw`);
        else if (!matches(got.threw, o.shown))
          differences.push(`${where}: shown\n      ${o.shown}\n    it threw\n      ${got.threw}`);
        break;
      case "prints": {
        if (got.threw !== undefined) differences.push(`${where}: threw ${got.threw}`);
        const printed = (got.printed ?? []).join("\n");
        if (!matches(printed, o.shown))
          differences.push(`${where}: shown\n      ${o.shown}\n    it printed\n      ${printed}`);
        break;
      }
      case "value":
        if (got.value === undefined) differences.push(`${where}: shown \`→ ${o.shown}\`, but it never ran`);
        else if (!sameValue(got.value, o.shown))
          differences.push(
            `${where}: shown\n      → ${o.shown}\n    its value is\n      ${got.value.inspected}`,
          );
        break;
      case "unmarked":
        differences.push(
          `${where}: the comment \`// ${o.shown}\` follows an expression; show its value as \`// → …\`, ` +
            `or put the remark on a line of its own`,
        );
        break;
      case "remark":
        if (got.value !== undefined && got.value.inspected !== "undefined")
          differences.push(
            `${where}: the comment \`// ${o.shown}\` follows a value (${got.value.inspected}); show the value ` +
              `as \`// → …\`, or put the remark on a line of its own`,
          );
        break;
      default:
        throw new Error(`unknown kind ${o.kind}`);
    }
  }
  return differences;
}
