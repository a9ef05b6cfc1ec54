import { Tensor, Value } from "@neurogebra/autograd";

/*
 * How this package's error messages name what they received: "<fn>: expected <what>, got <describe(x)>".
 */

/** Longest string or array preview quoted in a message. */
const PREVIEW = 40;

/**
 * A short description of a received value for an error message: `the string "0.01"`, `number NaN`,
 * `an array [[1,2]]`, `a Tensor of shape (2, 3)`, `a Value from another copy of @neurogebra/autograd …`.
 *
 * @example
 * ```ts
 * describe("0.01"); // 'the string "0.01"'
 * describe([[1, 2]]); // "an array [[1,2]]"
 * ```
 */
export function describe(x: unknown): string {
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (typeof x === "string") {
    return `the string ${JSON.stringify(x.length > PREVIEW ? `${x.slice(0, PREVIEW)}…` : x)}`;
  }
  if (typeof x === "number" || typeof x === "boolean" || typeof x === "bigint")
    return `${typeof x} ${String(x)}`;
  if (typeof x === "function") return "a function";
  if (typeof x === "symbol") return `symbol ${String(x.description)}`;
  if (x instanceof Tensor) return `a Tensor of shape (${x.shape.join(", ")})`;
  if (x instanceof Value) return `a Value (data ${x.data})`;
  const foreign = foreignCopy(x);
  if (foreign !== null) return foreign;
  if (Array.isArray(x)) {
    let json: string | undefined;
    try {
      json = JSON.stringify(x);
    } catch {
      json = undefined;
    }
    return json !== undefined && json.length <= PREVIEW
      ? `an array ${json}`
      : `an array of length ${x.length}`;
  }
  if (ArrayBuffer.isView(x)) {
    const length = (x as unknown as { length?: number }).length;
    return `a ${x.constructor.name}${length === undefined ? "" : ` of length ${length}`}`;
  }
  const name = (x as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "Object" ? `a ${name}` : "an object";
}

/**
 * When `x` is a `Value` or a `Tensor` made by another copy of `@neurogebra/autograd` (its CommonJS
 * build next to the ESM one this package loaded, or a second installed version), a description saying
 * so and what to do; otherwise `null`. Recognised by shape, since `instanceof` is what failed.
 *
 * @example
 * ```ts
 * const { Value: OtherValue } = createRequire(import.meta.url)("@neurogebra/autograd");
 * foreignCopy(new OtherValue(1)); // "a Value from another copy of @neurogebra/autograd (…)"
 * ```
 */
export function foreignCopy(x: unknown): string | null {
  if (x === null || typeof x !== "object" || x instanceof Value || x instanceof Tensor) return null;
  const o = x as { data?: unknown; grad?: unknown; shape?: unknown; backward?: unknown };
  if (typeof o.backward !== "function") return null;
  const kind =
    typeof o.data === "number" && typeof o.grad === "number"
      ? "Value"
      : o.data instanceof Float64Array && Array.isArray(o.shape)
        ? "Tensor"
        : null;
  if (kind === null) return null;
  return (
    `a ${kind} from another copy of @neurogebra/autograd (its CommonJS and ESM builds, or two installed ` +
    `versions, are loaded together; load every @neurogebra package the same way — all with import or ` +
    `all with require — from one install)`
  );
}

/**
 * Throw a `TypeError` unless `x` is a `Tensor` of this package's `@neurogebra/autograd`, saying how to
 * make one (the usual slip: passing nested arrays, as `nn.Module(x)` is given a tensor in PyTorch).
 *
 * @example
 * ```ts
 * expectTensor("Sequential.forward", [[1, 2]]);
 * // TypeError: Sequential.forward: expected x to be a Tensor, got an array [[1,2]] — make one with
 * // tensor([[1,2]]) from @neurogebra/autograd
 * ```
 */
export function expectTensor(fn: string, x: unknown, name = "x"): asserts x is Tensor {
  if (x instanceof Tensor) return;
  let hint = " — make one with tensor(data) from @neurogebra/autograd";
  if (Array.isArray(x)) {
    const json = describe(x);
    if ((x as unknown[]).some((v) => v instanceof Value)) {
      hint = " — Modules take Tensors; lists of Values go to Neuron, Layer or NeuralNetwork";
    } else if (json.startsWith("an array [")) {
      hint = ` — make one with tensor(${json.slice("an array ".length)}) from @neurogebra/autograd`;
    }
  } else if (x instanceof Float64Array) {
    hint = " — make one with tensor(x, [rows, columns]) from @neurogebra/autograd";
  } else if (foreignCopy(x) !== null) {
    hint = "";
  }
  throw new TypeError(`${fn}: expected ${name} to be a Tensor, got ${describe(x)}${hint}`);
}
