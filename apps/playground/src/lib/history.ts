import type { EpochRecord } from "../worker/run-types.js";

/**
 * The curves and the CLI lines of a run so far, in epoch order; immutable, so the page redraws when it
 * is replaced. Records are placed by their epoch: the worker's progress snapshots and its final answer
 * travel on different message ports, so a late progress snapshot can arrive after the final one — its
 * records still land in their place, and an epoch already here is not added twice. Only numbers are kept
 * (five per epoch), not the records.
 */
export class History {
  /** The epoch of each entry of the arrays below, ascending. */
  readonly epochs: readonly number[];
  readonly trainLoss: readonly number[];
  readonly testLoss: readonly number[];
  readonly trainAccuracy: readonly number[];
  readonly testAccuracy: readonly number[];
  /** The epoch lines the tutorial prints (every fifth epoch and the last), in epoch order. */
  readonly lines: readonly string[];
  /** The epoch of each line. */
  readonly lineEpochs: readonly number[];

  constructor(
    epochs: readonly number[] = [],
    trainLoss: readonly number[] = [],
    testLoss: readonly number[] = [],
    trainAccuracy: readonly number[] = [],
    testAccuracy: readonly number[] = [],
    lines: readonly string[] = [],
    lineEpochs: readonly number[] = [],
  ) {
    this.epochs = epochs;
    this.trainLoss = trainLoss;
    this.testLoss = testLoss;
    this.trainAccuracy = trainAccuracy;
    this.testAccuracy = testAccuracy;
    this.lines = lines;
    this.lineEpochs = lineEpochs;
  }

  /** This history with `records` placed by epoch (an epoch already here is ignored). */
  with(records: readonly EpochRecord[]): History {
    const known = new Set(this.epochs);
    const fresh = records.filter((r) => !known.has(r.epoch)).sort((a, b) => a.epoch - b.epoch);
    if (fresh.length === 0) return this;
    const last = this.epochs.at(-1) ?? -Infinity;
    if (fresh[0]!.epoch > last) {
      // the usual case: the new epochs follow the old ones
      const printed = fresh.filter((r) => r.line !== null);
      return new History(
        [...this.epochs, ...fresh.map((r) => r.epoch)],
        [...this.trainLoss, ...fresh.map((r) => r.meanLoss)],
        [...this.testLoss, ...fresh.map((r) => r.testLoss)],
        [...this.trainAccuracy, ...fresh.map((r) => r.accuracy)],
        [...this.testAccuracy, ...fresh.map((r) => r.testAccuracy)],
        [...this.lines, ...printed.map((r) => r.line!)],
        [...this.lineEpochs, ...printed.map((r) => r.epoch)],
      );
    }
    // a late snapshot: rebuild in epoch order
    const rows = [
      ...this.epochs.map((epoch, i) => ({
        epoch,
        meanLoss: this.trainLoss[i]!,
        testLoss: this.testLoss[i]!,
        accuracy: this.trainAccuracy[i]!,
        testAccuracy: this.testAccuracy[i]!,
        line: null as string | null,
      })),
      ...fresh,
    ].sort((a, b) => a.epoch - b.epoch);
    const lines = [
      ...this.lineEpochs.map((epoch, i) => ({ epoch, line: this.lines[i]! })),
      ...fresh.flatMap((r) => (r.line === null ? [] : [{ epoch: r.epoch, line: r.line }])),
    ].sort((a, b) => a.epoch - b.epoch);
    return new History(
      rows.map((r) => r.epoch),
      rows.map((r) => r.meanLoss),
      rows.map((r) => r.testLoss),
      rows.map((r) => r.accuracy),
      rows.map((r) => r.testAccuracy),
      lines.map((l) => l.line),
      lines.map((l) => l.epoch),
    );
  }

  get length(): number {
    return this.epochs.length;
  }
}
