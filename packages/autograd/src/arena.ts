/**
 * Where tensor ops get their zero-filled output and gradient buffers.
 *
 * In V8 a fresh `Float64Array` costs about the same whatever its length (a new ArrayBuffer with its own
 * backing store), far more than a view into an existing buffer, and a small training step makes many
 * small buffers (bench/README.md has the numbers). Small buffers
 * are therefore cut, bump-pointer style, from shared 32 KB slabs that are never reused: every view
 * starts zeroed exactly like a fresh array, and a slab is freed by the garbage collector once no view
 * into it is left. Buffers above 1,024 elements (where allocation is small next to the work) get their
 * own `Float64Array`.
 *
 * The slab pointer below is the only mutable module state besides grad mode; it is created lazily
 * (nothing happens on import) and has no effect on values. What a user can notice: a small tensor's
 * `data.buffer` may be shared with other tensors (copy with `data.slice()` before transferring it to a
 * worker), and keeping one small tensor alive keeps its whole 32 KB slab alive (keep numbers with
 * `item()`, not tensors, when logging every step).
 */

/** Buffers up to this many elements come from a shared slab. */
const SMALL = 1024;
/** Elements per slab (32 KB). */
const SLAB = 4096;

const arena = { slab: new Float64Array(0), offset: 0 };

/**
 * A zero-filled `Float64Array` of length `n`, cheap for small `n`. The view is cut with `subarray`,
 * which V8 runs faster than `new Float64Array(buffer, byteOffset, n)`.
 */
export function allocate(n: number): Float64Array {
  if (n > SMALL) return new Float64Array(n);
  let offset = arena.offset;
  if (offset + n > arena.slab.length) {
    arena.slab = new Float64Array(SLAB);
    offset = 0;
  }
  arena.offset = offset + n;
  return arena.slab.subarray(offset, offset + n);
}

// ─── Spare gradient buffers ───

/**
 * Gradient buffers of intermediate results, handed back by `backward()` once their op's backward step
 * has used them (PyTorch likewise frees a non-leaf's gradient). The next sweep takes them again instead
 * of fresh memory: each training step of the tutorial's network needs the same six gradient buffers,
 * and fresh memory is what costs — the first write to each new page, the slab's allocation, the
 * collector's work. At most {@link SPARE_COUNT} buffers and
 * {@link SPARE_ELEMENTS} float64s are kept.
 */
const spares: Float64Array[] = [];
let spareElements = 0;

/** Most spare buffers kept (each request scans them). */
const SPARE_COUNT = 64;
/** Largest total size of the spare buffers (1 MB), so a big graph cannot pin much memory. */
const SPARE_ELEMENTS = 1 << 17;

/**
 * Keep `buffer` for a later {@link allocateGrad}. The caller promises that nothing else will read or
 * write it. Buffers that would exceed the size limit are left to the garbage collector.
 */
export function recycle(buffer: Float64Array): void {
  if (spares.length === SPARE_COUNT || spareElements + buffer.length > SPARE_ELEMENTS) return;
  spares.push(buffer);
  spareElements += buffer.length;
}

/**
 * A zero-filled `Float64Array` of length `n` for a gradient: a recycled buffer of that length when one
 * is spare (the most recently recycled first), otherwise {@link allocate}.
 */
export function allocateGrad(n: number): Float64Array {
  for (let i = spares.length - 1; i >= 0; i--) {
    const buffer = spares[i]!;
    if (buffer.length === n) {
      spares[i] = spares[spares.length - 1]!;
      spares.pop();
      spareElements -= n;
      return buffer.fill(0);
    }
  }
  return allocate(n);
}
