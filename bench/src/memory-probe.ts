// `node dist/memory-probe.js <workload>`: runs one workload in this fresh process and prints
// `{ peakRssBytes, baselineRssBytes, ms }` as JSON — the peak resident memory of the workload alone,
// which the bench's own process (every row before it included) cannot tell.
import { readFileSync } from "node:fs";

import { Value } from "@neurogebra/autograd";

import { createTensorStep } from "./workloads/tensor-step.js";

/** Op nodes of the `value-graph` workload. */
export const VALUE_GRAPH_NODES = 2_000_000;

const workloads: Record<string, () => void> = {
  /** A 2,000,000-op-node graph (`acc = acc + w·x`, 1,000,000 times) and its backward pass. */
  "value-graph": () => {
    const w = new Value(0.5);
    const x = new Value(1.5);
    let acc = new Value(0);
    for (let i = 0; i < VALUE_GRAPH_NODES / 2; i++) acc = acc.add(w.mul(x));
    acc.backward();
    if (w.grad !== 1.5 * (VALUE_GRAPH_NODES / 2)) throw new Error("memory-probe: wrong gradient");
  },
  /** Ten training steps of the width-256, batch-256 MLP (the `scaling.tensor-step.w256.b256` row). */
  "tensor-step.w256.b256": () => {
    const { step } = createTensorStep(256, 256);
    for (let i = 0; i < 10; i++) step();
  },
};

/**
 * This process's peak resident memory in bytes: `VmHWM` of /proc/self/status on Linux (the peak of this
 * process's own address space; `maxRSS` would include the parent's, inherited across fork and exec),
 * else `process.resourceUsage().maxRSS`.
 */
function peakRss(): number {
  try {
    const status = readFileSync("/proc/self/status", "utf8");
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}

const name = process.argv[2] ?? "";
const workload = workloads[name];
if (workload === undefined) {
  process.stderr.write(`memory-probe: expected one of ${Object.keys(workloads).join(", ")}, got "${name}"\n`);
  process.exitCode = 2;
} else {
  const baselineRssBytes = peakRss();
  const start = performance.now();
  workload();
  const ms = performance.now() - start;
  const peakRssBytes = peakRss();
  process.stdout.write(`${JSON.stringify({ peakRssBytes, baselineRssBytes, ms })}\n`);
}
