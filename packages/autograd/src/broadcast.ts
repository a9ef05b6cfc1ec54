/**
 * Broadcasting kernels. Forward: `expandTo` copies a small operand out to the broadcast shape.
 * Backward: `addReduced` sums a gradient of the broadcast shape back onto the small operand's shape —
 * the chain rule for "this value was used once per broadcast copy".
 */
import { allocate } from "./arena.js";
import { sameShape, shapeSize, stridesOf, type Shape } from "./shape.js";

/** Strides of `small` seen from inside `big` (right-aligned, 0 where `small` has size 1 or is missing). */
function stridesInside(small: Shape, big: Shape): number[] {
  const own = stridesOf(small);
  const out = new Array<number>(big.length).fill(0);
  const offset = big.length - small.length;
  for (let d = 0; d < small.length; d++) out[d + offset] = small[d] === 1 ? 0 : own[d]!;
  return out;
}

/**
 * Walk every element of `big` in row-major order, calling `visit(bigStart, smallStart, smallStep, n)`
 * once per innermost row of length `n`: element `bigStart + j` of `big` maps to
 * `smallStart + j * smallStep` of `small`.
 */
function forEachRow(
  small: Shape,
  big: Shape,
  visit: (bigStart: number, smallStart: number, smallStep: number, n: number) => void,
): void {
  const total = shapeSize(big);
  if (total === 0) return;
  const ndim = big.length;
  const strides = stridesInside(small, big);
  const rowLength = big[ndim - 1]!;
  const rowStep = strides[ndim - 1]!;
  const counter = new Array<number>(ndim).fill(0);
  let smallStart = 0;
  for (let bigStart = 0; bigStart < total; bigStart += rowLength) {
    visit(bigStart, smallStart, rowStep, rowLength);
    // Odometer over the outer dimensions, innermost first.
    for (let d = ndim - 2; d >= 0; d--) {
      counter[d]!++;
      smallStart += strides[d]!;
      if (counter[d]! < big[d]!) break;
      smallStart -= strides[d]! * big[d]!;
      counter[d] = 0;
    }
  }
}

/** `data` of shape `from`, copied out to the broadcast shape `to` (returned as is when equal). */
export function expandTo(data: Float64Array, from: Shape, to: Shape): Float64Array {
  if (sameShape(from, to)) return data;
  const out = allocate(shapeSize(to));
  if (to.length === 0) {
    out[0] = data[0]!;
    return out;
  }
  forEachRow(from, to, (o, s, step, n) => {
    for (let j = 0; j < n; j++) out[o + j] = data[s + j * step]!;
  });
  return out;
}

/**
 * `target[k] += Σ grad[i]` over every element `i` of the broadcast shape `from` that was a copy of
 * element `k` of shape `to`. With equal shapes it is a plain elementwise `+=`.
 */
export function addReduced(target: Float64Array, to: Shape, grad: Float64Array, from: Shape): void {
  if (sameShape(from, to)) {
    for (let i = 0; i < grad.length; i++) target[i]! += grad[i]!;
    return;
  }
  if (from.length === 0) {
    target[0]! += grad[0]!;
    return;
  }
  forEachRow(to, from, (g, t, step, n) => {
    if (step === 0) {
      let s = 0;
      for (let j = 0; j < n; j++) s += grad[g + j]!;
      target[t]! += s;
    } else {
      for (let j = 0; j < n; j++) target[t + j * step]! += grad[g + j]!;
    }
  });
}

/** For each element of the broadcast shape `big` (row-major), the flat index in `small` it copies. */
export function broadcastSource(small: Shape, big: Shape): Int32Array {
  const source = new Int32Array(shapeSize(big));
  if (big.length === 0) return source;
  forEachRow(small, big, (o, s, step, n) => {
    for (let j = 0; j < n; j++) source[o + j] = s + j * step;
  });
  return source;
}
