import type { EpochRecord } from "../worker/run-types.js";

/**
 * The curves and the CLI lines of a run so far, in epoch order; immutable, so the page redraws when it
 * is replaced. Records are keyed by their epoch: the worker's progress snapshots and its final answer
 * travel on different message ports, so a late progress snapshot can arrive after the final one — its
 * records still land in their place, and one already there is not added twice.
 */
export class History {
  readonly records: readonly EpochRecord[];
  readonly trainLoss: readonly number[];
  readonly testLoss: readonly number[];
  readonly trainAccuracy: readonly number[];
  readonly testAccuracy: readonly number[];
  /** The epoch lines the tutorial prints (every fifth epoch and the last). */
  readonly lines: readonly string[];

  constructor(records: readonly EpochRecord[] = []) {
    this.records = records;
    this.trainLoss = records.map((r) => r.meanLoss);
    this.testLoss = records.map((r) => r.testLoss);
    this.trainAccuracy = records.map((r) => r.accuracy);
    this.testAccuracy = records.map((r) => r.testAccuracy);
    this.lines = records.flatMap((r) => (r.line === null ? [] : [r.line]));
  }

  /** This history with `records` merged in by epoch (a record of an epoch already here is ignored). */
  with(records: readonly EpochRecord[]): History {
    const byEpoch = new Map(this.records.map((r) => [r.epoch, r]));
    for (const r of records) if (!byEpoch.has(r.epoch)) byEpoch.set(r.epoch, r);
    return new History([...byEpoch.values()].sort((a, b) => a.epoch - b.epoch));
  }

  get length(): number {
    return this.records.length;
  }
}
