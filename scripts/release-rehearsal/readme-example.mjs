// A package README's first ```ts example, made checkable. The READMEs show what a statement prints in a
// `//` comment, either at the end of its line or on the comment lines right below it (several lines for
// a multi-line output); a comment that starts with `SomeError:` shows what the statement throws. A short
// aside after two or more spaces, in parentheses, is commentary, not output:
//     console.log(np.randomSample()); // 0.3745401188473625          (np.random.random_sample())
// The example is instrumented (a marker before each such statement, a try/catch around an expected
// throw), run, and what it printed or threw is compared with what the README shows, ignoring white
// space and the `(n)` length Node prints after a typed array's name.
import ts from "typescript";

/** The body of the first ```ts fenced block, or undefined when there is none. */
export function firstTsExample(markdown) {
  return /^```ts[ \t]*\n([\s\S]*?)^```[ \t]*$/m.exec(markdown)?.[1];
}

const commentLine = /^\s*\/\/ ?(.*)$/;
const aside = /\s{2,}\(.*\)\s*$/;
const errorShown = /^[A-Z]\w*Error: /;

/**
 * The statements of an example whose output the README shows.
 * @returns {{ id: number, line: number, start: number, end: number, kind: "prints" | "throws",
 *   shown: string, statement: string }[]}
 */
export function shownOutputs(source) {
  const file = ts.createSourceFile("example.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = source.split("\n");
  const found = [];
  for (const statement of file.statements) {
    const start = statement.getStart(file);
    const end = statement.getEnd();
    const endLine = file.getLineAndCharacterOfPosition(end).line;
    const rest = lines[endLine].slice(file.getLineAndCharacterOfPosition(end).character);
    let shown = [];
    const trailing = commentLine.exec(rest);
    if (trailing) shown.push(trailing[1].replace(aside, ""));
    else {
      for (let i = endLine + 1; i < lines.length && commentLine.test(lines[i]); i++) {
        shown.push(commentLine.exec(lines[i])[1]);
      }
    }
    if (shown.length === 0) continue;
    const text = statement.getText(file);
    const prints =
      ts.isExpressionStatement(statement) &&
      ts.isCallExpression(statement.expression) &&
      statement.expression.expression.getText(file) === "console.log";
    const throws = errorShown.test(shown[0]);
    if (!prints && !throws) continue; // a remark about a statement that shows nothing
    if (throws && !ts.isExpressionStatement(statement)) {
      throw new Error(
        `example line ${endLine + 1}: an expected throw is only checked on an expression statement`,
      );
    }
    found.push({
      id: found.length,
      line: file.getLineAndCharacterOfPosition(start).line + 1,
      start,
      end,
      kind: throws ? "throws" : "prints",
      shown: shown.join("\n"),
      statement: text,
    });
  }
  return found;
}

/** The example with markers around each statement whose output is shown; `harness` is imported first. */
export function instrument(source, outputs, harness) {
  let result = source;
  for (const o of [...outputs].reverse()) {
    const body = result.slice(o.start, o.end);
    const wrapped =
      o.kind === "throws"
        ? `__example.at(${o.id}); try { ${body} } catch (error) { __example.threw(${o.id}, error); } __example.at(-1);`
        : `__example.at(${o.id}); ${body} __example.at(-1);`;
    result = result.slice(0, o.start) + wrapped + result.slice(o.end);
  }
  return `import ${JSON.stringify(harness)};\n${result}`;
}

const canonical = (text) =>
  text.replace(/\b((?:Big)?(?:Float|Int|Uint|Uint8Clamped)\d+Array)\(\d+\)/g, "$1").replace(/\s+/g, "");

/**
 * Compares what ran with what the README shows.
 * @param {Record<string, { printed?: string[], threw?: string }>} seen the harness's report
 * @returns {string[]} one message per difference
 */
export function compareOutputs(outputs, seen) {
  const differences = [];
  for (const o of outputs) {
    const got = seen[o.id] ?? {};
    const where = `line ${o.line} \`${o.statement.split("\n")[0]}\``;
    if (o.kind === "throws") {
      if (got.threw === undefined)
        differences.push(`${where}: the README shows it throwing, but it did not throw`);
      else if (canonical(got.threw) !== canonical(o.shown)) {
        differences.push(`${where}: the README shows\n      ${o.shown}\n    it threw\n      ${got.threw}`);
      }
      continue;
    }
    if (got.threw !== undefined) differences.push(`${where}: threw ${got.threw}`);
    const printed = (got.printed ?? []).join("\n");
    if (canonical(printed) !== canonical(o.shown)) {
      differences.push(`${where}: the README shows\n      ${o.shown}\n    it printed\n      ${printed}`);
    }
  }
  return differences;
}
