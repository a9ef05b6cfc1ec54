import { Writable } from "node:stream";

import { describe, expect, it } from "vitest";

import { plainProgress, terminalProgress } from "./progress.js";

/** A stream that says it is a terminal, as process.stdout does in an interactive shell. */
function fakeTerminal(): { stream: NodeJS.WriteStream; output: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, {
    isTTY: true,
    columns: 100,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  return { stream, output: () => chunks.join("") };
}

describe("terminalProgress", () => {
  it("draws a bar while training, then clears it and prints the epoch lines", () => {
    const { stream, output } = fakeTerminal();
    const progress = terminalProgress(stream);
    progress.start("Neurogebra", 3);
    progress.update(1, 15.3785);
    progress.log("  Epoch   0/3: Loss = 15.3785, Accuracy = 46.2%");
    expect(output()).not.toContain("Epoch   0/3");
    progress.update(3, 11.0);
    progress.stop();
    const text = output();
    expect(text).toContain("Neurogebra |");
    expect(text).toContain("/3 epochs · loss");
    expect(text.endsWith("  Epoch   0/3: Loss = 15.3785, Accuracy = 46.2%\n")).toBe(true);
  });
});

describe("plainProgress", () => {
  it("only prints the lines", () => {
    const lines: string[] = [];
    const progress = plainProgress((line) => lines.push(line));
    progress.start("x", 2);
    progress.update(1, 1);
    progress.log("a line");
    progress.stop();
    expect(lines).toEqual(["a line"]);
  });
});
