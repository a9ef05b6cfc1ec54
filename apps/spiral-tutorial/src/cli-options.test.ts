import { describe, expect, it } from "vitest";

import { defaultOptions, parseCommandLine, UsageError, usage } from "./cli-options.js";

function options(argv: string[]) {
  const command = parseCommandLine(argv);
  if (command.kind !== "run") throw new Error("expected a run command");
  return command.options;
}

describe("parseCommandLine", () => {
  it("defaults to the tutorial's settings", () => {
    expect(options([])).toEqual({
      seed: 42,
      epochs: 30,
      lr: 0.05,
      adamLr: 0.01,
      batchSize: 16,
      points: 100,
      noise: 0.15,
      rng: "numpy",
      out: "./tutorial-output",
      plots: true,
      export: true,
      only: "both",
      json: false,
    });
    expect(options([])).toEqual(defaultOptions);
  });

  it("reads every flag", () => {
    expect(
      options([
        "--seed=7",
        "--epochs",
        "5",
        "--lr",
        "0.1",
        "--adam-lr",
        "1e-3",
        "--batch-size",
        "8",
        "--points",
        "50",
        "--noise",
        "0",
        "--rng",
        "seedrandom",
        "--out",
        "/tmp/x",
        "--no-plots",
        "--no-export",
        "--only",
        "framework",
        "--json",
      ]),
    ).toEqual({
      seed: 7,
      epochs: 5,
      lr: 0.1,
      adamLr: 0.001,
      batchSize: 8,
      points: 50,
      noise: 0,
      rng: "seedrandom",
      out: "/tmp/x",
      plots: false,
      export: false,
      only: "framework",
      json: true,
    });
  });

  it("seed 0 is a seed", () => {
    expect(options(["--seed", "0"]).seed).toBe(0);
  });

  it("answers --help and -h with a help request", () => {
    expect(parseCommandLine(["--help"])).toEqual({ kind: "help" });
    expect(parseCommandLine(["-h"])).toEqual({ kind: "help" });
    for (const flag of [
      "--seed",
      "--epochs",
      "--adam-lr",
      "--no-plots",
      "--no-export",
      "--only",
      "--json",
      "--rng",
    ]) {
      expect(usage).toContain(flag);
    }
  });

  it.each([
    [["--bogus"], /bogus/],
    [["positional"], /positional/i],
    [["--epochs"], /epochs/],
    [["--epochs", "0"], /--epochs expects an integer in \[1, 100000\], got 0/],
    [["--epochs", "2.5"], /--epochs expects an integer/],
    [["--epochs", "abc"], /got "abc"/],
    [["--seed", "-1"], /seed/],
    [["--seed", "4294967296"], /--seed expects an integer in \[0, 4294967295\]/],
    [["--lr", "0"], /--lr expects a finite number > 0, got "0"/],
    [["--lr", "Infinity"], /--lr expects a finite number > 0/],
    [["--adam-lr", "NaN"], /--adam-lr/],
    [["--noise=-0.1"], /--noise expects a finite number >= 0, got "-0.1"/],
    [["--noise", "-0.1"], /--noise/],
    [["--noise", "0x10"], /--noise/],
    [["--batch-size", "0"], /--batch-size/],
    [["--points", "1"], /--points expects an integer in \[2, 100000\]/],
    [["--rng", "mt"], /--rng expects one of numpy, seedrandom, got "mt"/],
    [["--only", "both"], /--only expects one of from-scratch, framework/],
    [["--out", ""], /--out expects a directory/],
    [["--json=yes"], /json/],
  ])("rejects %j with a UsageError naming the flag", (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
