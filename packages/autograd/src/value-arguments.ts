/**
 * The argument checks of `Value`'s ops and of `sum`/`dot`: a number operand becomes a constant leaf (as
 * in micrograd), anything else is a `TypeError` naming the function, the argument and what came. The
 * throwing paths are out of line so the ops stay small enough for V8 to inline.
 */
import { Value, type BackwardOptions } from "./value.js";

/** `x` as an operand of `method` (argument `name`): a `Value`, or a number made into a constant. */
export function operand(x: unknown, method: string, name = "other"): Value {
  if (x instanceof Value) return x;
  return constant(x, method, name);
}

function constant(x: unknown, method: string, name: string): Value {
  if (typeof x === "number") return new Value(x);
  const where = method === "sum" || method === "dot" ? method : `Value.${method}`;
  throw new TypeError(`${where}: expected ${name} to be a Value or a number, got ${describe(x)}`);
}

/** The terms of `sum`/`dot` (`fn`, argument `name`) as `Value`s; numbers become constants. */
export function operands(xs: Iterable<Value | number>, fn: string, name: string): Value[] {
  if (
    xs === null ||
    typeof xs !== "object" ||
    typeof (xs as Partial<Iterable<unknown>>)[Symbol.iterator] !== "function"
  ) {
    throw new TypeError(`${fn}: expected ${name} to be an array or iterable of Values, got ${describe(xs)}`);
  }
  // arrays (what neurons pass) are read by index: no iterator, no growing of `out`
  const items: ArrayLike<Value | number> = Array.isArray(xs) ? xs : [...xs];
  const out = new Array<Value>(items.length);
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (x instanceof Value) out[i] = x;
    else if (typeof x === "number") out[i] = new Value(x);
    else throw new TypeError(`${fn}: expected ${name}[${i}] to be a Value or a number, got ${describe(x)}`);
  }
  return out;
}

/** The constructor's error for a bad `data` or `label`. */
export function badLeaf(data: unknown, label: unknown): never {
  if (typeof data !== "number") {
    throw new TypeError(`Value: expected data to be a number, got ${describe(data)}`);
  }
  throw new TypeError(`Value: expected label to be a string, got ${describe(label)}`);
}

/** Whether `backward(options)` asks for the depth-first order; a `TypeError` for anything but a valid order. */
export function isDepthFirst(options: unknown): boolean {
  if (options === null || typeof options !== "object") {
    throw new TypeError(
      `Value.backward: expected options to be an object like { order: "depthFirst" }, got ${describe(options)}`,
    );
  }
  const order = (options as BackwardOptions).order;
  if (order === undefined || order === "creation") return false;
  if (order === "depthFirst") return true;
  throw new TypeError(
    `Value.backward: expected options.order to be "creation" or "depthFirst", got ${describe(order)}`,
  );
}

/** Why two copies of this package meet, and the cure; `instanceof` fails across them. */
const ANOTHER_COPY =
  "its CommonJS and ESM builds, or two installed versions, are loaded together; load every @neurogebra " +
  "package the same way, all with import or all with require, from one install";

/** A short, readable description of a received value for error messages. */
export function describe(x: unknown): string {
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (typeof x === "string") return `the string ${JSON.stringify(x.length > 40 ? x.slice(0, 40) + "…" : x)}`;
  if (typeof x === "number" || typeof x === "boolean" || typeof x === "bigint") {
    return `${typeof x} ${String(x)}`;
  }
  if (x instanceof Value) return x.toString();
  if (
    typeof (x as Partial<Value>).backward === "function" &&
    typeof (x as Partial<Value>).data === "number"
  ) {
    return `a Value from another copy of @neurogebra/autograd (${ANOTHER_COPY})`;
  }
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === "function") return "a function";
  return `an object (${Object.prototype.toString.call(x)})`;
}
