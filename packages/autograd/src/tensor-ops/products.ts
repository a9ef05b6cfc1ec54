/**
 * Matrix products, each forward beside its backward step: `matmul` (PyTorch's rules) and the fused
 * `linear` layer. Both run on the `gemm` kernel (`kernels/matmul.ts`, WebAssembly SIMD where available).
 */
import { expected } from "@neurogebra/internal";

import { allocate } from "../arena.js";
import { broadcastSource } from "../broadcast.js";
import { addColumnSumsUnrolled } from "../kernels/column-sums-unrolled.js";
import { GEMM_PANEL, gemm } from "../kernels/matmul.js";
import { MAX_SIZE, broadcastShapes, formatShape, shapeSize, tooLarge } from "../shape.js";
import { result } from "../tensor-result.js";
import { Tensor } from "../tensor.js";
import { reshape, unsqueeze } from "./shape.js";

/**
 * `a @ b`: 2-D × 2-D; leading (batch) dimensions broadcast; a 1-D operand is a row (left) or column
 * (right) vector whose dimension is dropped from the result. Backward: ∂/∂A = g·Bᵀ, ∂/∂B = Aᵀ·g,
 * summed over broadcast batches.
 */
export function matmul(a: Tensor, other: Tensor): Tensor {
  if (!(other instanceof Tensor)) {
    throw new TypeError(expected("matmul", "other to be a Tensor", other));
  }
  const b = other;
  if (a.ndim === 0 || b.ndim === 0) {
    throw new RangeError(
      `matmul: ${formatShape(a._dims)} @ ${formatShape(b._dims)} — both operands need at least 1 dimension`,
    );
  }
  const k = a._dims[a.ndim - 1]!;
  const k2 = b._dims[b.ndim === 1 ? 0 : b.ndim - 2]!;
  if (k !== k2) {
    throw new RangeError(
      `matmul: ${formatShape(a._dims)} @ ${formatShape(b._dims)} — inner dims ${k} and ${k2} differ`,
    );
  }
  if (a.ndim === 1 || b.ndim === 1) {
    // A vector is a 1-row (left) or 1-column (right) matrix whose dimension is dropped afterwards.
    const out = matmul(a.ndim === 1 ? unsqueeze(a, 0) : a, b.ndim === 1 ? unsqueeze(b, 1) : b);
    const rowAxis = out.ndim - 2;
    const colAxis = out.ndim - 1;
    return reshape(
      out,
      out._dims.filter((_, i) => !(i === rowAxis && a.ndim === 1) && !(i === colAxis && b.ndim === 1)),
    );
  }

  const m = a._dims[a.ndim - 2]!;
  const n = b._dims[b.ndim - 1]!;
  const aBatch = a._dims.slice(0, -2);
  const bBatch = b._dims.slice(0, -2);
  const batch = broadcastShapes(aBatch, bBatch, "matmul");
  const aIndex = broadcastSource(aBatch, batch);
  const bIndex = broadcastSource(bBatch, batch);
  const shape = [...batch, m, n];
  const size = shapeSize(shape);
  if (size > MAX_SIZE) throw tooLarge("matmul", shape, size);
  const out = allocate(size);
  for (let t = 0; t < aIndex.length; t++) {
    gemm(false, false, m, n, k, a._store, aIndex[t]! * m * k, b._store, bIndex[t]! * k * n, out, t * m * n);
  }
  return result("matmul", shape, out, [a, b], (g) => {
    for (let t = 0; t < aIndex.length; t++) {
      if (a.requiresGrad) {
        // dA += g · Bᵀ
        gemm(
          false,
          true,
          m,
          k,
          n,
          g,
          t * m * n,
          b._store,
          bIndex[t]! * k * n,
          a._gradData(),
          aIndex[t]! * m * k,
        );
      }
      if (b.requiresGrad) {
        // dB += Aᵀ · g
        gemm(
          true,
          false,
          k,
          n,
          m,
          a._store,
          aIndex[t]! * m * k,
          g,
          t * m * n,
          b._gradData(),
          bIndex[t]! * k * n,
        );
      }
    }
  })._saving(a, b);
}

/**
 * `x · weightᵀ + bias` (PyTorch's `F.linear`, weight `(out, in)`) as one graph node; input `(…, in)` →
 * output `(…, out)`. Backward: ∂/∂x = g·W, ∂/∂W = gᵀ·x, ∂/∂b = column sums of g.
 */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  if (!(weight instanceof Tensor)) {
    throw new TypeError(expected("linear", "weight to be a Tensor", weight));
  }
  if (bias !== undefined && bias !== null && !(bias instanceof Tensor)) {
    throw new TypeError(expected("linear", "bias to be a Tensor, null or undefined", bias));
  }
  const nIn = x._dims[x.ndim - 1];
  if (weight.ndim !== 2 || nIn === undefined || weight._dims[1] !== nIn) {
    throw new RangeError(
      `linear: input ${formatShape(x._dims)} and weight ${formatShape(weight._dims)} — ` +
        `expected weight of shape (out, ${nIn ?? "in"})`,
    );
  }
  const nOut = weight._dims[0]!;
  const b = bias ?? null;
  if (b !== null && !(b.ndim === 1 && b._dims[0] === nOut)) {
    throw new RangeError(
      `linear: bias ${formatShape(b._dims)} does not match weight ${formatShape(weight._dims)} — expected (${nOut},)`,
    );
  }
  const rows = x.ndim === 2 ? x._dims[0]! : shapeSize(x._dims.slice(0, -1));
  const shape = x.ndim === 2 ? [rows, nOut] : [...x._dims.slice(0, -1), nOut];
  if (rows * nOut > MAX_SIZE) throw tooLarge("linear", shape, rows * nOut);
  const out = allocate(rows * nOut);
  // Bias as PyTorch rounds it: (x·Wᵀ) + b, not b + x·Wᵀ term by term. Up to one panel of inputs, gemm
  // writes each finished dot product plus b straight into the output (no pass to fill it with b);
  // wider inputs are summed panel by panel, so b is added after the last one.
  const biasInGemm = b !== null && nIn <= GEMM_PANEL;
  gemm(false, true, rows, nOut, nIn, x._store, 0, weight._store, 0, out, 0, biasInGemm ? b._store : null); // x·Wᵀ (+ b)
  if (b !== null && !biasInGemm) {
    const bias = b._store;
    for (let r = 0; r < rows; r++) for (let o = 0; o < nOut; o++) out[r * nOut + o]! += bias[o]!;
  }
  const parents = b === null ? [x, weight] : [x, weight, b];
  return result("linear", shape, out, parents, (g) => {
    if (x.requiresGrad) gemm(false, false, rows, nIn, nOut, g, 0, weight._store, 0, x._gradData(), 0); // g·W
    if (weight.requiresGrad) {
      gemm(true, false, nOut, nIn, rows, g, 0, x._store, 0, weight._gradData(), 0); // gᵀ·x
    }
    if (b !== null && b.requiresGrad) {
      addColumnSumsUnrolled(b._gradData(), g, rows, nOut); // db += Σ_rows g, as PyTorch's grad += g.sum(0)
    }
  })._saving(x, weight);
}
