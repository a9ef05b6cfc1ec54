/**
 * The argument checks of `Value`'s ops and of `sum`/`dot`: a number operand becomes a constant leaf (as
 * in micrograd), anything else is a `TypeError` naming the function, the argument and what came. The
 * throwing paths are out of line so the ops stay small enough for V8 to inline.
 */
import { expected } from "@neurogebra/internal";

import { Value, type BackwardOptions } from "./value.js";

/** `x` as an operand of `method` (argument `name`): a `Value`, or a number made into a constant. */
export function operand(x: unknown, method: string, name = "other"): Value {
  if (x instanceof Value) return x;
  return constant(x, method, name);
}

function constant(x: unknown, method: string, name: string): Value {
  if (typeof x === "number") return new Value(x);
  const where = method === "sum" || method === "dot" ? method : `Value.${method}`;
  throw new TypeError(expected(where, `${name} to be a Value or a number`, x, { Value }));
}

/** The terms of `sum`/`dot` (`fn`, argument `name`) as `Value`s; numbers become constants. */
export function operands(xs: Iterable<Value | number>, fn: string, name: string): Value[] {
  if (
    xs === null ||
    typeof xs !== "object" ||
    typeof (xs as Partial<Iterable<unknown>>)[Symbol.iterator] !== "function"
  ) {
    throw new TypeError(expected(fn, `${name} to be an array or iterable of Values`, xs));
  }
  // arrays (what neurons pass) are read by index: no iterator, no growing of `out`
  const items: ArrayLike<Value | number> = Array.isArray(xs) ? xs : [...xs];
  const out = new Array<Value>(items.length);
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (x instanceof Value) out[i] = x;
    else if (typeof x === "number") out[i] = new Value(x);
    else throw new TypeError(expected(fn, `${name}[${i}] to be a Value or a number`, x, { Value }));
  }
  return out;
}

/** The constructor's error for a bad `data` or `label`. */
export function badLeaf(data: unknown, label: unknown): never {
  if (typeof data !== "number") {
    throw new TypeError(expected("Value", "data to be a number", data));
  }
  throw new TypeError(expected("Value", "label to be a string", label));
}

/** Whether `backward(options)` asks for the depth-first order; a `TypeError` for anything but a valid order. */
export function isDepthFirst(options: unknown): boolean {
  if (options === null || typeof options !== "object") {
    throw new TypeError(
      expected("Value.backward", `options to be an object like { order: "depthFirst" }`, options),
    );
  }
  const order = (options as BackwardOptions).order;
  if (order === undefined || order === "creation") return false;
  if (order === "depthFirst") return true;
  throw new TypeError(expected("Value.backward", `options.order to be "creation" or "depthFirst"`, order));
}
