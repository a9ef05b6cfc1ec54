// The ```ts fenced blocks of a Markdown file, with where they start. A block that is deliberately not
// runnable says so in its info string, with the reason: ```ts no-run: a fragment of the example above
const fence = /^```(\S*)[ \t]*(.*)$/;
const noRun = /^no-run\b:?\s*(.*)$/;

/**
 * @returns {{ line: number, source: string, noRun?: string }[]} `line`: 1-based line of the block's first
 *   code line; `noRun`: the reason given (an empty reason is an error, so a skip is always explained)
 */
export function tsBlocks(markdown, file = "markdown") {
  const lines = markdown.split("\n");
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = fence.exec(lines[i]);
    if (!open) continue;
    let close = i + 1;
    while (close < lines.length && !/^```\s*$/.test(lines[close])) close++;
    if (open[1] === "ts" || open[1] === "typescript") {
      const block = { line: i + 2, source: lines.slice(i + 1, close).join("\n") + "\n" };
      const info = open[2].trim();
      const skip = noRun.exec(info);
      if (skip) {
        if (skip[1] === "")
          throw new Error(`${file}:${i + 1}: \`no-run\` needs a reason (\`\`\`ts no-run: why)`);
        block.noRun = skip[1];
      } else if (info !== "") throw new Error(`${file}:${i + 1}: unknown \`\`\`ts info "${info}"`);
      blocks.push(block);
    }
    i = close;
  }
  return blocks;
}

/** The source of the first runnable ```ts block, or undefined when there is none. */
export function firstTsExample(markdown) {
  return tsBlocks(markdown).find((b) => b.noRun === undefined)?.source;
}
