/**
 * The backward pass of `Value` proper: take the graph's nodes in an order (the creation chain, or a
 * sorted list) and apply each one's chain rule (the op's backward step, beside the op in `value.ts`). The orders themselves are in
 * `creation-order.ts` and `depth-first-order.ts`; the marks and links it reads in `creation-chain.ts`.
 */
import { isMarked, toggleMark, unlinkFrom } from "./creation-chain.js";
import { isAnomalyEnabled } from "./grad-mode.js";
import { Op, type Value } from "./value.js";
import { outputBackward, tracedBackward } from "./trace.js";
import { checkBackward } from "./value-anomaly.js";
import { dotBackward, sumBackward } from "./value-sums.js";

/**
 * A walk reaches op node `p` for the first time: reset its `grad` and mark it. Returns 1 when `p` is in
 * the current segment (the walk will meet it further down the chain), else puts it in `older` and returns 0.
 */
function reach(p: Value, older: Value[]): number {
  p.grad = 0;
  toggleMark(p);
  if (p._prev !== null) return 1;
  older.push(p);
  return 0;
}

/**
 * Starting at `first` (marked), take nodes in order — down the `_prev` links (the creation chain, or a
 * sorted list) when `order` is null, else from the end of `order` — and for each marked node: unmark it,
 * mark its op-node operands (resetting their `grad` when first reached), and apply the chain rule.
 * `pending` counts marked nodes not processed yet; it ends at 0. Walking the creation chain, operands
 * outside the current segment (`_prev` null) go to `older` instead; a sorted list or `order` has every
 * node marked up front, so its operands are always marked already. The links walked are cleared on the
 * way.
 */
export function propagate(
  first: Value,
  order: readonly Value[] | null,
  older: Value[],
  pending: number,
): void {
  const anomaly = isAnomalyEnabled();
  let i = order === null ? 0 : order.length - 1;
  let v = first;
  try {
    for (;;) {
      if (v._key < 0) {
        toggleMark(v);
        pending--;
        // reach v's op-node operands (leaves read as reached already)
        const op = v._op;
        const a = v._a as Value; // null only for a sum/dot without a start, checked where it matters
        if (v._a !== null && a._key >= 0) pending += reach(a, older);
        if (op <= Op.div) {
          const b = v._b as Value;
          if (b._key >= 0) pending += reach(b, older);
        } else if (op >= Op.sum) {
          const rest = v._b as readonly Value[];
          for (let k = 0; k < rest.length; k++) if (rest[k]!._key >= 0) pending += reach(rest[k]!, older);
        }
        // The chain rule at v: its op's backward step (beside the op in `value.ts`)
        const g = v.grad;
        switch (op) {
          case Op.mul:
            v._mulBackward(g);
            break;
          case Op.add:
            v._addBackward(g);
            break;
          case Op.relu:
            v._reluBackward(g);
            break;
          case Op.sub:
            v._subBackward(g);
            break;
          case Op.div:
            v._divBackward(g);
            break;
          case Op.pow:
            v._powBackward(g);
            break;
          case Op.neg:
            v._negBackward(g);
            break;
          case Op.exp:
            v._expBackward(g);
            break;
          case Op.log:
            v._logBackward(g);
            break;
          case Op.tanh:
            v._tanhBackward(g);
            break;
          case Op.sigmoid:
            v._sigmoidBackward(g);
            break;
          case Op.leakyRelu:
            v._leakyReluBackward(g);
            break;
          case Op.abs:
            v._absBackward(g);
            break;
          case Op.softplus:
            v._softplusBackward(g);
            break;
          case Op.sum:
            sumBackward(v, g);
            break;
          case Op.dot:
            dotBackward(v, g);
            break;
          case Op.output:
            outputBackward(v, g);
            break;
          case Op.traced:
            tracedBackward(v);
            break;
          case Op.leaf:
            break;
          default: {
            const unknown: never = op;
            throw new Error(`Value.backward: unknown op code ${String(unknown)}`);
          }
        }
        if (anomaly) checkBackward(v);
        if (pending === 0) break;
      }
      if (order === null) {
        // down the chain, unlinking as we go (backward ends by cutting the chain anyway)
        const previous = v._prev!; // not null: some nodes further down are still marked
        v._prev = null;
        v = previous;
      } else {
        v = order[--i]!;
      }
    }
    if (order === null) unlinkFrom(v);
  } catch (error) {
    // anomaly mode threw: unmark what is still marked, so the graph stays usable
    if (order === null) {
      for (let u = v._prev; pending > 0 && u !== null; u = u._prev) {
        if (isMarked(u)) {
          toggleMark(u);
          pending--;
        }
      }
      unlinkFrom(v);
    } else {
      for (let j = i - 1; j >= 0; j--) toggleMark(order[j]!);
    }
    older.forEach(toggleMark);
    throw error;
  }
}
