/**
 * Where tensor ops get their zero-filled output and gradient buffers.
 *
 * `new Float64Array(n)` costs about 1 µs in V8 whatever `n` (a fresh ArrayBuffer with its own backing
 * store), while a view into an existing buffer costs about 30 ns. A training step of the tutorial's
 * network creates ~25 small buffers, so allocation alone was half of the step. Small buffers are
 * therefore cut, bump-pointer style, from shared 128 KB slabs that are never reused: every view starts
 * zeroed exactly like a fresh array, and a slab is freed by the garbage collector once no view into it
 * is left. Large buffers (> 2,048 elements, where allocation is negligible next to the work) get their
 * own `Float64Array`.
 *
 * The slab pointer below is the only mutable module state besides grad mode; it is created lazily
 * (nothing happens on import) and has no observable effect on values. The visible consequence: a small
 * tensor's `data.buffer` may be shared with other tensors — copy with `data.slice()` before
 * transferring a buffer to a worker.
 */

/** Buffers up to this many elements come from a shared slab. */
const SMALL = 2048;
/** Elements per slab (128 KB). */
const SLAB = 16384;

const arena = { slab: new ArrayBuffer(0), offset: 0 };

/** A zero-filled `Float64Array` of length `n`, cheap for small `n`. */
export function allocate(n: number): Float64Array {
  if (n > SMALL) return new Float64Array(n);
  if (arena.offset + n > SLAB || arena.slab.byteLength === 0) {
    arena.slab = new ArrayBuffer(SLAB * 8);
    arena.offset = 0;
  }
  const out = new Float64Array(arena.slab, arena.offset * 8, n);
  arena.offset += n;
  return out;
}
