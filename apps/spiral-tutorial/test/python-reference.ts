// The Python tutorial's numbers, read once from test/fixtures: the real seed-42 transcript and the
// CPython/NumPy reference runs of python_tutorial_reference.py.
import { readFileSync } from "node:fs";

import { readSharedFixture } from "@neurogebra/internal/fixtures";

/** One reference run of the tutorial's from-scratch half (python-tutorial-runs.json). */
export interface PythonRun {
  config: { seed: number; epochs: number; lr: number; batchSize: number; points: number; noise: number };
  nTrain: number;
  nTest: number;
  epochLines: string[];
  loss: number[];
  accuracy: number[];
  finalTrainAccuracyLine: string;
  testAccuracyLine: string;
  testAccuracy: number;
}

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** The lines of the real Python run with seed 42 (the shared python-run-seed42.txt in packages/internal/fixtures). */
export const pythonTranscript: readonly string[] = readSharedFixture("python-run-seed42.txt").split("\n");

/** The reference runs: seed 42 with the tutorial's settings first, then smaller settings. */
export const pythonRuns: readonly PythonRun[] = (
  JSON.parse(fixture("python-tutorial-runs.json")) as { runs: PythonRun[] }
).runs;

/** The reference runs with settings small enough for a unit test (all but the first). */
export const smallPythonRuns: readonly PythonRun[] = pythonRuns.slice(1);
