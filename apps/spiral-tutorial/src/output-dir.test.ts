import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { OutputDirError, prepareOutputDir } from "./output-dir.js";

const root = mkdtempSync(join(tmpdir(), "spiral-out-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("prepareOutputDir", () => {
  it("creates missing parents and returns the absolute path, leaving no probe behind", () => {
    const dir = prepareOutputDir(join(root, "a", "b", "c"));
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(existsSync(join(dir, `.spiral-tutorial-probe-${process.pid}`))).toBe(false);
  });

  it("accepts an existing directory", () => {
    expect(prepareOutputDir(root)).toBe(root);
  });

  it("rejects a path below a file", () => {
    const file = join(root, "file");
    writeFileSync(file, "");
    expect(() => prepareOutputDir(join(file, "sub"))).toThrow(OutputDirError);
    expect(() => prepareOutputDir(file)).toThrow(/--out ".*file" is not a writable directory/);
  });

  it("returns promptly where mkdir -p would loop (/proc on Linux)", () => {
    expect(() => prepareOutputDir("/proc/spiral-tutorial-out")).toThrow(OutputDirError);
  });
});
