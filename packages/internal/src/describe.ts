/*
 * How every @neurogebra error message names what it received: "<fn>: expected <what>, got <describe(x)>".
 */

/** Longest string or array preview quoted in a message. */
const PREVIEW = 40;

/** A class, for `instanceof`. */
type AnyClass = abstract new (...args: never[]) => unknown;

/**
 * The caller's own `Value` and `Tensor` classes. Given them, `describe` names a look-alike that is not
 * an instance — a `Value` made by another copy of `@neurogebra/autograd` (its CommonJS build beside the
 * ESM one, or a second installed version), where `instanceof` fails — and says what to do.
 */
export interface OwnClasses {
  readonly Value?: AnyClass;
  readonly Tensor?: AnyClass;
}

/** Why two copies of autograd meet, and the cure. */
const ANOTHER_COPY =
  "its CommonJS and ESM builds, or two installed versions, are loaded together; load every @neurogebra " +
  "package the same way — all with import or all with require — from one install";

/**
 * A short description of a received value for an error message: `the string "0.01"`, `number NaN`,
 * `an array [[1,2]]`, `a Float64Array of length 4`, `a Tensor of shape (2, 3)`, `a Value (data 3)`, or
 * with `own`, `a Value from another copy of @neurogebra/autograd (…)`.
 *
 * @example
 * ```ts
 * describe("0.01"); // 'the string "0.01"'
 * describe([[1, 2]]); // "an array [[1,2]]"
 * describe(new Float64Array(4)); // "a Float64Array of length 4"
 * ```
 */
export function describe(x: unknown, own?: OwnClasses): string {
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  switch (typeof x) {
    case "string":
      return `the string ${JSON.stringify(x.length > PREVIEW ? `${x.slice(0, PREVIEW)}…` : x)}`;
    case "number":
    case "boolean":
    case "bigint":
      return `${typeof x} ${String(x)}`;
    case "symbol":
      return `symbol ${String(x.description)}`;
    case "function":
      return "a function";
    default:
      return describeObject(x, own);
  }
}

function describeObject(x: object, own: OwnClasses | undefined): string {
  const kind = autogradKind(x);
  if (kind !== null) {
    const ownClass = own?.[kind];
    if (ownClass !== undefined && !(x instanceof ownClass)) {
      return `a ${kind} from another copy of @neurogebra/autograd (${ANOTHER_COPY})`;
    }
    return kind === "Value"
      ? `a Value (data ${String((x as { data: number }).data)})`
      : `a Tensor of shape (${(x as { shape: number[] }).shape.join(", ")})`;
  }
  if (Array.isArray(x)) {
    const text = preview(x, 3);
    return text !== null && text.length <= PREVIEW ? `an array ${text}` : `an array of length ${x.length}`;
  }
  if (ArrayBuffer.isView(x)) {
    const length = (x as unknown as { length?: number }).length;
    return `${article(x.constructor.name)}${length === undefined ? "" : ` of length ${length}`}`;
  }
  const name = (x as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" && name !== "Object" ? article(name) : "an object";
}

/** `"Value"` or `"Tensor"` for an object shaped like one (any copy of autograd), else `null`. */
function autogradKind(x: object): "Value" | "Tensor" | null {
  const o = x as { data?: unknown; grad?: unknown; shape?: unknown; backward?: unknown };
  if (typeof o.backward !== "function") return null;
  if (typeof o.data === "number" && typeof o.grad === "number") return "Value";
  if (o.data instanceof Float64Array && Array.isArray(o.shape)) return "Tensor";
  return null;
}

/** `[1,NaN,"a"]` for arrays of numbers, strings, booleans, null and such arrays; `null` for anything else. */
function preview(x: unknown, depth: number): string | null {
  if (x === null) return "null";
  if (typeof x === "number" || typeof x === "boolean") return String(x);
  if (typeof x === "string") return JSON.stringify(x);
  if (!Array.isArray(x) || depth === 0 || x.length > PREVIEW) return null;
  const parts: string[] = [];
  for (const item of x as unknown[]) {
    const part = preview(item, depth - 1);
    if (part === null) return null;
    parts.push(part);
  }
  return `[${parts.join(",")}]`;
}

/** `"a Map"`, `"an Int32Array"`. */
function article(name: string): string {
  return `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`;
}
