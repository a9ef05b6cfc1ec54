/**
 * Column sums four columns at a time — what `linear`'s bias gradient runs. Four running sums do not
 * wait on each other's additions; each is still taken in row order, so the bits equal the plain loop of
 * `column-sums.ts`.
 */

/** `target[c] += Σ_r g[r, c]` for a row-major `rows × cols` buffer (the bias gradient, PyTorch's `g.sum(0)`). */
export function addColumnSumsUnrolled(
  target: Float64Array,
  g: Float64Array,
  rows: number,
  cols: number,
): void {
  const end = rows * cols;
  let c = 0;
  for (; c + 4 <= cols; c += 4) {
    // prettier-ignore
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let e = c; e < end; e += cols) {
      s0 += g[e]!;
      s1 += g[e + 1]!;
      s2 += g[e + 2]!;
      s3 += g[e + 3]!;
    }
    target[c]! += s0;
    target[c + 1]! += s1;
    target[c + 2]! += s2;
    target[c + 3]! += s3;
  }
  for (; c < cols; c++) {
    let s = 0;
    for (let e = c; e < end; e += cols) s += g[e]!;
    target[c]! += s;
  }
}
