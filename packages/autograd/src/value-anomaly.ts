/**
 * Anomaly mode for `Value` (`detectAnomaly(true)`): the first op whose result is NaN or ±Infinity throws
 * an `AnomalyError` naming the op and its inputs; in `backward()`, the first non-finite gradient throws,
 * naming the op and where its node was created.
 */
import { AnomalyError } from "./grad-mode.js";
import { Op, type Value } from "./value.js";
import { parentsOf } from "./value-operands.js";

/** Where each node was created, recorded only while anomaly mode is on (to name it in backward errors). */
const creationSites = new WeakMap<Value, string>();

/** Remember the stack that created `v` (anomaly mode only: it costs a stack trace per node). */
export function recordCreation(v: Value): void {
  const stack = new Error().stack ?? "";
  creationSites.set(v, stack.split("\n").slice(3).join("\n"));
}

/** The forward error: op `op` on operands `a`, `b` produced the non-finite `data`. */
export function throwForwardAnomaly(
  data: number,
  op: Op,
  a: Value | null,
  b: Value | readonly Value[] | null,
): never {
  const inputs = [a, ...(Array.isArray(b) ? (b as readonly Value[]) : [b as Value | null])];
  const shown = inputs.filter((p): p is Value => p !== null).map((p) => String(p.data));
  throw new AnomalyError(Op[op], String(data), shown, "forward");
}

/**
 * After v's chain-rule step in anomaly mode: the first non-finite gradient names v's op, its inputs and
 * where v was made. (The caller unmarks the rest of the graph before passing the error on.)
 */
export function checkBackward(v: Value): void {
  const parents = parentsOf(v);
  for (const p of parents) {
    if (!Number.isFinite(p.grad)) {
      const site = creationSites.get(v);
      const error = new AnomalyError(
        v.op,
        `gradient ${p.grad}`,
        parents.map((q) => String(q.data)),
        "backward",
      );
      if (site !== undefined) error.message += `\nThe ${v.op} node was created at:\n${site}`;
      throw error;
    }
  }
}
