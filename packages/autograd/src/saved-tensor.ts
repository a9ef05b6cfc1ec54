/**
 * How `backward()` notices a saved tensor written after the forward pass: PyTorch's version counter,
 * for a library whose only in-place path is `tensor.data`.
 *
 * PyTorch bumps a tensor's version on every in-place op; an op records the versions of the tensors it
 * saves for backward, and backward refuses to run when one moved. Here the in-place path is the
 * `Float64Array` that `tensor.data` returns, so that getter is the bump: every access from outside the
 * package moves the version of the tensor's {@link Storage} (shared with its `reshape` and `detach`
 * views). Most accesses only read, so a moved version alone proves nothing; the first access after a
 * save therefore records a fingerprint of the data as the op saw it, and `backward()` compares:
 *
 * - version unchanged → nothing touched the data through `.data` (no hashing: the usual case);
 * - version moved, fingerprint equal → only read (or the same values written back): fine;
 * - fingerprint different → {@link SavedTensorModifiedError}.
 *
 * After a `backward()` through them, saves are released (the next access, an optimizer step, hashes
 * nothing); a later `backward()` through the same graph after a `.data` access then throws, since the
 * data may have changed — PyTorch refuses a second backward through a graph outright.
 */
import { formatShape } from "./shape.js";
import type { Tensor } from "./tensor.js";

/**
 * A 32-bit fingerprint of `words` (the bits of a `Float64Array`, two words per number). Four lanes,
 * each `h = mix(h ^ word)` with a multiply by an odd constant and an xor-shift — both invertible, so
 * changing any single number always changes the result; other changes go unnoticed with probability
 * about 2^-32. It runs only when a saved tensor's data is accessed before backward.
 */
export function fingerprint(words: Int32Array): number {
  let h0 = 0x3c6ef372;
  let h1 = 0x5be0cd19;
  let h2 = 0x1f83d9ab;
  let h3 = 0x510e527f;
  const n = words.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    h0 = Math.imul(h0 ^ words[i]!, 0x9e3779b1);
    h1 = Math.imul(h1 ^ words[i + 1]!, 0x85ebca77);
    h2 = Math.imul(h2 ^ words[i + 2]!, 0xc2b2ae3d);
    h3 = Math.imul(h3 ^ words[i + 3]!, 0x27d4eb2f);
    h0 ^= h0 >>> 15;
    h1 ^= h1 >>> 13;
    h2 ^= h2 >>> 16;
    h3 ^= h3 >>> 17;
  }
  for (; i < n; i++) {
    h0 = Math.imul(h0 ^ words[i]!, 0x9e3779b1);
    h0 ^= h0 >>> 15;
  }
  return h0 ^ ((h1 << 7) | (h1 >>> 25)) ^ ((h2 << 14) | (h2 >>> 18)) ^ ((h3 << 21) | (h3 >>> 11));
}

/** The version of one `Float64Array`, shared by every tensor that views it. */
export class Storage {
  /** Moves on every access to `data` from outside the package. */
  private version = 0;
  /** The latest save by an op, while it may still need its fingerprint. */
  private slot: SavedSlot | null = null;
  private words: Int32Array | null = null;

  /** `owner`: the tensor that made it, named in errors (views of it share this storage). */
  constructor(
    private readonly data: Float64Array,
    readonly owner: Tensor,
  ) {}

  /** An access to `data` from outside: the first one after a save records the saved contents. */
  touch(): void {
    const slot = this.slot;
    if (slot !== null && slot.version === this.version && !slot.released) slot.print = this.fingerprint();
    this.version++;
  }

  /** A save by an op now: the current slot if no access came since it was made, else a new one. */
  save(): SavedSlot {
    const slot = this.slot;
    if (slot !== null && slot.version === this.version && !slot.released) return slot;
    return (this.slot = { storage: this, version: this.version, print: null, released: false });
  }

  /** Whether the data may differ from what the save `slot` saw: `"changed"`, `"unknown"` or `null`. */
  check(slot: SavedSlot): "changed" | "unknown" | null {
    if (slot.version === this.version) return null;
    if (slot.print === null) return "unknown"; // accessed only after a backward() released the save
    return this.fingerprint() === slot.print ? null : "changed";
  }

  private fingerprint(): number {
    const d = this.data;
    return fingerprint((this.words ??= new Int32Array(d.buffer, d.byteOffset, d.length * 2)));
  }
}

/** One save of a storage at one version (shared by the ops that saved it at that version). */
export interface SavedSlot {
  readonly storage: Storage;
  readonly version: number;
  /** The fingerprint of the data as saved, taken at the first access after the save. */
  print: number | null;
  /** Set by a `backward()` through an op that saved it: later accesses hash nothing. */
  released: boolean;
}

// ─── The tensor side: saving an op's inputs, checking them in backward ───

/** The version of `t`'s data, made on first use (views share it; its owner is `t`). */
export function storageOf(t: Tensor): Storage {
  return (t._storage ??= new Storage(t._store, t));
}

/**
 * Op result `out` saves its input `t` if `t` is a leaf or a view of one (op results are not tracked: like
 * PyTorch's `.data`, writes to them are the caller's business; number operands cannot be written).
 */
export function save(out: Tensor, t: Tensor): void {
  if (t._numberOperand || !(t.isLeaf || (t._storage !== null && t._storage.owner.isLeaf))) return;
  const slot = storageOf(t).save();
  if (out._slotA === null) out._slotA = slot;
  else if (slot !== out._slotA) out._slotB = slot;
}

/**
 * Before a backward sweep through `order` writes anything: every saved leaf still as the forward pass saw
 * it? Then release the saves, so the optimizer's access to `data` after this sweep costs nothing.
 */
export function checkAndReleaseSaves(order: readonly Tensor[]): void {
  for (let i = 0; i < order.length; i++) {
    const node = order[i]!;
    if (node._slotA !== null) checkSaved(node, node._slotA);
    if (node._slotB !== null) checkSaved(node, node._slotB);
  }
  for (let i = 0; i < order.length; i++) {
    const node = order[i]!;
    if (node._slotA !== null) node._slotA.released = true;
    if (node._slotB !== null) node._slotB.released = true;
  }
}

/** Throw a {@link SavedTensorModifiedError} if the leaf `node` saved in `slot` may differ from what it saw. */
function checkSaved(node: Tensor, slot: SavedSlot): void {
  const reason = slot.storage.check(slot);
  if (reason === null) return;
  const t = slot.storage.owner;
  const at = node._parents.findIndex((p) => p._storage === slot.storage);
  const role =
    at === -1
      ? "the condition"
      : `input ${at + 1} of ${node._parents.length}${node._parents[at] === t ? "" : ", through a view,"}`;
  throw new SavedTensorModifiedError(node._opName, t, role, reason);
}

/**
 * Thrown by `backward()` when a tensor an op saved for its backward step was written through `data`
 * after the op ran, so the gradient would mix old and new values — PyTorch raises the same for a saved
 * tensor modified in place.
 *
 * @example
 * ```ts
 * const x = tensor([1, 2], { requiresGrad: true });
 * const w = tensor([3, 4], { requiresGrad: true });
 * const y = x.mul(w).sum();
 * w.data[0] = 100;
 * try { y.backward(); } catch (e) {
 *   if (e instanceof SavedTensorModifiedError) console.log(e.op, e.tensor === w); // "mul" true
 * }
 * ```
 */
export class SavedTensorModifiedError extends Error {
  override readonly name = "SavedTensorModifiedError";
  /** The op that saved the tensor, e.g. `"mul"`. */
  readonly op: string;
  /** The tensor whose data changed. */
  readonly tensor: Tensor;

  /**
   * `role` says where `op` took the tensor from, e.g. "input 2 of 2"; `reason` is "changed" (its
   * fingerprint differs) or "unknown" (accessed after a backward() released the save).
   */
  constructor(op: string, tensor: Tensor, role: string, reason: "changed" | "unknown") {
    const what =
      reason === "changed"
        ? `changed after ${op} saved it for the backward pass, so the gradients would mix old and new values`
        : `was accessed through .data after a backward() through ${op}, so it may no longer be what ${op} ` +
          `saved (the graph's saved tensors are released by backward(), as PyTorch frees them)`;
    super(
      `backward: the data of ${tensor.toString()} (shape ${formatShape(tensor.shape)}, ${role} of ${op}) ` +
        `${what}. Write to data before the forward pass or after backward() (as optimizer steps do), and ` +
        `run the forward pass again for another backward().`,
    );
    this.op = op;
    this.tensor = tensor;
  }
}
