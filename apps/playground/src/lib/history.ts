import type { EpochRecord } from "../worker/run-types.js";

/** The curves and the CLI lines of a run so far; immutable, so the page redraws when it is replaced. */
export class History {
  readonly trainLoss: readonly number[];
  readonly testLoss: readonly number[];
  readonly trainAccuracy: readonly number[];
  readonly testAccuracy: readonly number[];
  /** The epoch lines the tutorial prints (every fifth epoch and the last). */
  readonly lines: readonly string[];

  constructor(
    trainLoss: readonly number[] = [],
    testLoss: readonly number[] = [],
    trainAccuracy: readonly number[] = [],
    testAccuracy: readonly number[] = [],
    lines: readonly string[] = [],
  ) {
    this.trainLoss = trainLoss;
    this.testLoss = testLoss;
    this.trainAccuracy = trainAccuracy;
    this.testAccuracy = testAccuracy;
    this.lines = lines;
  }

  /** This history with `records` appended. */
  with(records: readonly EpochRecord[]): History {
    return new History(
      [...this.trainLoss, ...records.map((r) => r.meanLoss)],
      [...this.testLoss, ...records.map((r) => r.testLoss)],
      [...this.trainAccuracy, ...records.map((r) => r.accuracy)],
      [...this.testAccuracy, ...records.map((r) => r.testAccuracy)],
      [...this.lines, ...records.flatMap((r) => (r.line === null ? [] : [r.line]))],
    );
  }

  get length(): number {
    return this.trainLoss.length;
  }
}
