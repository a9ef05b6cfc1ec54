/**
 * Column sums of a row-major matrix, written plainly: the definition `column-sums-unrolled.ts` (which
 * `linear`'s bias gradient runs) must equal bit for bit (`column-sums.test.ts`).
 */

/** `target[c] += Σ_r g[r, c]` for a row-major `rows × cols` buffer, each sum taken in a local in row order. */
export function addColumnSums(target: Float64Array, g: Float64Array, rows: number, cols: number): void {
  for (let c = 0; c < cols; c++) {
    let s = 0;
    for (let r = 0; r < rows; r++) s += g[r * cols + c]!;
    target[c]! += s;
  }
}
