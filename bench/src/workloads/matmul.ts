import { tensor } from "@neurogebra/autograd";
import type { Tensor } from "@neurogebra/autograd";

/** An n × n float64 operand with entries in [−1, 1], the same in every run (no generator needed). */
function operand(n: number, seed: number): Tensor {
  const data = new Float64Array(n * n);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(seed + i * 0.618);
  return tensor(data, [n, n]);
}

/**
 * `A.matmul(B)` for two fixed n × n float64 tensors, ready to be timed (no graph: neither requires grad).
 * `bench/pytorch_reference.py` times NumPy's `a @ b` (OpenBLAS `dgemm`/`sgemm`) on the same sizes.
 *
 * @example
 * ```ts
 * const product = createMatmul(512);
 * product(); // one 512³ product: 2 · 512³ floating-point operations
 * ```
 */
export function createMatmul(n: number): () => void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`createMatmul: expected n to be a positive integer, received ${n}`);
  }
  const a = operand(n, 1);
  const b = operand(n, 2);
  return () => void a.matmul(b);
}
