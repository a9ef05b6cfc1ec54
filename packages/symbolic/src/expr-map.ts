/**
 * A map keyed by trees up to structural equality (`x + 1` built twice is one key), in insertion
 * order. Buckets by the node's hash, so a lookup costs O(1) plus an `equals` on a hash match.
 */
import type { Expr } from "./expr.js";
import { exprEquals } from "./structure.js";

/**
 * @example
 * ```ts
 * const m = new ExprMap<number>();
 * m.set(parse("x + 1"), 1);
 * m.get(add(1, sym("x"))); // 1
 * ```
 */
export class ExprMap<V> {
  readonly #buckets = new Map<number, number[]>();
  readonly #keys: Expr[] = [];
  readonly #values: V[] = [];

  #find(e: Expr): number {
    const bucket = this.#buckets.get(e.hash);
    if (bucket !== undefined) for (const i of bucket) if (exprEquals(this.#keys[i]!, e)) return i;
    return -1;
  }

  /** The value stored under a tree equal to `e`. */
  get(e: Expr): V | undefined {
    const i = this.#find(e);
    return i < 0 ? undefined : this.#values[i];
  }

  /** Stores `value` under `e` (replacing the value of an equal key, which keeps its place). */
  set(e: Expr, value: V): void {
    const i = this.#find(e);
    if (i >= 0) {
      this.#values[i] = value;
      return;
    }
    const bucket = this.#buckets.get(e.hash);
    if (bucket === undefined) this.#buckets.set(e.hash, [this.#keys.length]);
    else bucket.push(this.#keys.length);
    this.#keys.push(e);
    this.#values.push(value);
  }

  /** The number of distinct keys. */
  get size(): number {
    return this.#keys.length;
  }

  /** The values in insertion order. */
  values(): readonly V[] {
    return this.#values;
  }
}
