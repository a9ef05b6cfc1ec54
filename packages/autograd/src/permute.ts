/**
 * The index map behind `permute` / `transpose`: which source element each output element copies.
 * Forward reads `out[i] = x[source[i]]`; backward scatters `dx[source[i]] += g[i]`.
 */
import { shapeSize, stridesOf, type Shape } from "./shape.js";

/** For `x.permute(dims)` with `x` of `shape`: `source[i]` = flat index in `x` of output element `i`. */
export function permutedSource(shape: Shape, dims: readonly number[]): Int32Array {
  const ndim = shape.length;
  const total = shapeSize(shape);
  const source = new Int32Array(total);
  if (total === 0 || ndim === 0) return source;
  const strides = stridesOf(shape);
  const outShape = dims.map((d) => shape[d]!);
  const step = dims.map((d) => strides[d]!);
  const counter = new Array<number>(ndim).fill(0);
  let src = 0;
  for (let i = 0; i < total; i++) {
    source[i] = src;
    for (let d = ndim - 1; d >= 0; d--) {
      counter[d]!++;
      src += step[d]!;
      if (counter[d]! < outShape[d]!) break;
      src -= step[d]! * outShape[d]!;
      counter[d] = 0;
    }
  }
  return source;
}
