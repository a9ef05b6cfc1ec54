/**
 * The creation chain of `Value` op nodes: creation numbers (keys), the chain's segments, and the marks
 * a backward pass leaves on nodes.
 *
 * Backward must visit each node after every node that uses it. Creation order already is such an order
 * (an op's operands exist before the op), so every op node links to the op node created just before it
 * (`_prev`), and backward walks that chain down from the root (`backward-pass.ts`) — no sort, no stack,
 * one pass. The chain is cut at the end of every backward and whenever a segment is full; cutting
 * unlinks the old part, so from then on a node keeps only its operands alive (as in micrograd) and a
 * program that never calls backward holds at most one segment through the chain. A node is in the
 * current segment exactly when its `_prev` is set (the segment's oldest node links to a start marker). A graph
 * that is not all in the current segment is still differentiated alike, through a slower sort
 * (`creation-order.ts`), and segments then grow to fit such a graph.
 */
import { Value, type Op } from "./value.js";

// ─── Keys: the op code and the creation number in one small integer ───

/** The low bits of `_key` that hold the op code (the op table's codes fit in 5 bits; more than 32 would not). */
export const OP_BITS = 31;
/** `_key` of every leaf: `~0` (marked, op code 0 = leaf), so backward treats leaves as reached already. */
export const LEAF = ~0;
/**
 * @internal Creation numbers run from 0 to ID_LIMIT − 1 and then start over, so `id · 32 + op` stays a
 * small integer (below 2^30, V8's smallest "Smi" range; a larger one would cost a heap box per node).
 */
export const ID_LIMIT = 2 ** 25;
/** The creation number the next op node gets. */
let nextId = 0;

/**
 * @internal Set the next creation number (0 … ID_LIMIT − 1), so tests can cross the point where numbers
 * start over.
 */
export function setNextCreationNumber(id: number): void {
  nextId = id;
}

/** The creation number the next op node gets (`trace()` tells the nodes its function made by it). */
export function nextCreationNumber(): number {
  return nextId;
}

/**
 * `_key` of a new op node: `id · 32 + op` with the next creation number (from 0 again after
 * ID_LIMIT − 1). Operands always have smaller numbers than the nodes made from them (PyTorch's
 * "sequence number"), except across the point where the numbers start over.
 */
export function newKey(op: Op): number {
  const id = nextId;
  nextId = id === ID_LIMIT - 1 ? 0 : id + 1;
  return id * (OP_BITS + 1) + op;
}

/** How many creations ago marked op node `v` was made (its number counted back from the newest). */
export function age(v: Value): number {
  const id = Math.floor(~v._key / (OP_BITS + 1)); // v is marked: _key = ~(id · 32 + op)
  return (nextId - id + ID_LIMIT) % ID_LIMIT;
}

// ─── Marks: while a backward pass runs, a node it has reached but not yet processed holds `~key` ───

export const isMarked = (v: Value): boolean => v._key < 0;
// A mark is `~key`, an integer op, so `_key` stays a small integer: a `-0` (`-id - 1` of id 0) would make
// V8 store the field as a boxed double, 16 more bytes per node.
export const toggleMark = (v: Value): void => void (v._key = ~v._key);

// ─── Segments ───

/**
 * What the oldest node of a segment links to, so `_prev` is non-null exactly for nodes of the current
 * segment. Made with the first segment (at the first op node, not on import).
 */
let chainStart: Value | null = null;

/** The linked run of the chain: its newest op node (`chainStart` while empty), how many it holds and may hold. */
interface Segment {
  last: Value;
  size: number;
  readonly limit: number;
}

/** The smallest segment (16,384 op nodes): the tutorial's batch graph (~11,600 nodes) fits. */
const MIN_SEGMENT_NODES = 1 << 14;
/** The largest segment (~4 million op nodes, ~500 MB). */
const MAX_SEGMENT_NODES = 1 << 22;
/**
 * Op nodes per segment: bounds what the chain keeps alive between `backward()` calls, and so what the
 * young-generation collector copies when a program builds graphs it never differentiates. It starts at
 * MIN_SEGMENT_NODES (~2 MB of nodes). A `backward()` whose graph did not fit in one segment raises it to
 * twice that graph's size (at most MAX_SEGMENT_NODES), so the next graph like it is walked, not sorted.
 * When segments fill up twice with no `backward()` in between (forward passes only), each further full
 * segment halves it again, down to MIN_SEGMENT_NODES.
 */
let segmentNodes = MIN_SEGMENT_NODES;
/** Whether a segment filled up since the last `backward()`. */
let filledSinceBackward = false;

/**
 * The segment new op nodes join. A fresh object at every cut (writes into a young object are cheapest);
 * before the first op node, an empty placeholder that holds none.
 */
let chain: Segment = { last: null!, size: 0, limit: 0 };

/** Link a new op node into the chain; returns the op node created before it (or `chainStart`). */
export function chainUp(v: Value): Value {
  let c = chain;
  if (c.size === c.limit) c = segmentFull();
  const previous = c.last;
  c.last = v;
  c.size++;
  return previous;
}

/** Unlink the current segment and start a new one. */
export function cutChain(): void {
  if (chain.last === chainStart && chain.limit === segmentNodes) return;
  unlinkFrom(chain.last);
  chain = { last: (chainStart ??= new Value(0)), size: 0, limit: segmentNodes };
}

/** The current segment is full: cut it, and shrink later ones if forward passes alone fill them (see `segmentNodes`). */
function segmentFull(): Segment {
  if (chain.limit !== 0) {
    // (limit 0: the placeholder before the first op node, not a full segment)
    if (filledSinceBackward) segmentNodes = Math.max(MIN_SEGMENT_NODES, segmentNodes >> 1);
    filledSinceBackward = true;
  }
  cutChain();
  return chain;
}

/**
 * The backward pass running now: its number (a new one for each `backward()`) and order. Traced calls
 * (`trace.ts`) read them: their gradient buffers start afresh in each pass, and their nodes follow its order.
 */
export const sweep = { id: 0, depthFirst: false };

/** A `backward()` ended: cut the chain there (so its graph can be collected once dropped). */
export function endSweep(): void {
  sweep.id++;
  cutChain();
  filledSinceBackward = false;
}

/** Make later segments hold a graph of `size` op nodes (see `segmentNodes`). */
export function fitSegments(size: number): void {
  segmentNodes = Math.min(MAX_SEGMENT_NODES, Math.max(segmentNodes, 2 * size));
}

/** How many op nodes the current segment holds. */
export function segmentSize(): number {
  return chain.size;
}

/** @internal How many op nodes a new segment may hold (for tests). */
export function segmentCapacity(): number {
  return segmentNodes;
}

/** Clear `_prev` from `v` down the chain, to where it is already clear (`chainStart`'s always is). */
export function unlinkFrom(v: Value | null): void {
  while (v !== null) {
    const previous = v._prev;
    v._prev = null;
    v = previous;
  }
}
