/**
 * Structural identity of trees: `exprEquals` (hash first, then a walk that remembers the pairs it
 * has proven equal, so shared subtrees are compared once) and `structuralKey` (the tree written
 * out as a unique string).
 */
import type { Condition } from "./condition.js";
import { assertNever } from "./expr.js";
import type { Expr } from "./expr.js";

type Proven = Map<Expr, Expr>;

function sameCondition(a: Condition, b: Condition, proven: Proven): boolean {
  if (a === b) return true;
  if (a.kind === "boolean") return b.kind === "boolean" && a.value === b.value;
  if (b.kind === "boolean") return false;
  return a.op === b.op && same(a.lhs, b.lhs, proven) && same(a.rhs, b.rhs, proven);
}

/** The recursion is same → same (one frame a level). */
function same(a: Expr, b: Expr, proven: Proven): boolean {
  if (a === b || proven.get(a) === b) return true;
  if (a.hash !== b.hash || a.depth !== b.depth || a.kind !== b.kind) return false;
  let ca: readonly Expr[];
  let cb: readonly Expr[];
  switch (a.kind) {
    case "rational": {
      const o = b as typeof a;
      return a.p === o.p && a.q === o.q;
    }
    case "float": {
      const o = b as typeof a;
      return a.value === o.value || (Number.isNaN(a.value) && Number.isNaN(o.value));
    }
    case "symbol":
    case "constant":
      return a.name === (b as typeof a).name;
    case "add":
      [ca, cb] = [a.terms, (b as typeof a).terms];
      break;
    case "mul":
      [ca, cb] = [a.factors, (b as typeof a).factors];
      break;
    case "pow":
      [ca, cb] = [
        [a.base, a.exponent],
        [(b as typeof a).base, (b as typeof a).exponent],
      ];
      break;
    case "call":
      if (a.fn !== (b as typeof a).fn) return false;
      [ca, cb] = [a.args, (b as typeof a).args];
      break;
    case "piecewise": {
      const o = b as typeof a;
      if (a.pieces.length !== o.pieces.length) return false;
      for (let i = 0; i < a.pieces.length; i++) {
        const [p, q] = [a.pieces[i]!, o.pieces[i]!];
        if (!same(p.value, q.value, proven) || !sameCondition(p.condition, q.condition, proven)) return false;
      }
      proven.set(a, b);
      return true;
    }
    default:
      return assertNever(a, "equals");
  }
  if (ca.length !== cb.length) return false;
  for (let i = 0; i < ca.length; i++) if (!same(ca[i]!, cb[i]!, proven)) return false;
  proven.set(a, b);
  return true;
}

/**
 * True when `a` and `b` are the same tree (structurally; `0.0` equals `-0.0` and NaN equals NaN).
 * Different hashes answer at once; equal ones are confirmed by a walk.
 */
export function exprEquals(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.hash !== b.hash || a.depth !== b.depth || a.kind !== b.kind) return false;
  return same(a, b, new Map());
}

/** Structural equality of two Piecewise conditions. */
export function conditionEquals(a: Condition, b: Condition): boolean {
  return a.hash === b.hash && sameCondition(a, b, new Map());
}

function writeKey(e: Expr, out: string[]): void {
  let items: readonly Expr[];
  switch (e.kind) {
    case "rational":
      out.push(e.q === 1n ? `q${e.p}` : `q${e.p}/${e.q}`);
      return;
    case "float":
      out.push(`f${Object.is(e.value, -0) ? "0" : String(e.value)}`);
      return;
    case "symbol":
      out.push(`s:${e.name}`);
      return;
    case "constant":
      out.push(`c:${e.name}`);
      return;
    case "add":
      out.push("+(");
      items = e.terms;
      break;
    case "mul":
      out.push("*(");
      items = e.factors;
      break;
    case "pow":
      out.push("^(");
      items = [e.base, e.exponent];
      break;
    case "call":
      out.push(`${e.fn}(`);
      items = e.args;
      break;
    case "piecewise":
      out.push("pw(");
      for (let i = 0; i < e.pieces.length; i++) {
        const { value, condition: c } = e.pieces[i]!;
        if (i > 0) out.push(",");
        writeKey(value, out);
        out.push(";");
        if (c.kind === "boolean") out.push(c.value ? "T" : "F");
        else {
          out.push(`${c.op}(`);
          writeKey(c.lhs, out);
          out.push(",");
          writeKey(c.rhs, out);
          out.push(")");
        }
      }
      out.push(")");
      return;
    default:
      return assertNever(e, "key");
  }
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(",");
    writeKey(items[i]!, out);
  }
  out.push(")");
}

/** The tree written out as a unique string (the `key` of a node); O(size of the written-out tree). */
export function structuralKey(e: Expr): string {
  const out: string[] = [];
  writeKey(e, out);
  return out.join("");
}
