/**
 * The shortcut behind `add(sum, t)`: one more term inserted into a canonical sum by a binary
 * search, instead of regrouping and re-sorting every term (the `s = add(s, t)` loop).
 */
import {
  addNumeric,
  isNumeric,
  isZeroNumber,
  isZooTerm,
  splitCoefficient,
  withCoefficient,
} from "./construct.js";
import { AddNode } from "./expr.js";
import type { Expr } from "./expr.js";
import { compareTerms } from "./order.js";

/**
 * `sum + t` for a canonical sum and one plain term (the `s = add(s, t)` loop): the result of the
 * general path, found by a binary search instead of regrouping and re-sorting every term. A like
 * term of `t`, if any, sorts right next to `t` (only like terms share a list of factors).
 * `undefined` when `t` is a number, a sum or holds zoo: the general path handles those.
 */
export function addOneTerm(sum: AddNode, t: Expr): Expr | undefined {
  if (isNumeric(t) || t.kind === "add" || isZooTerm(t)) return undefined;
  const terms = sum.terms;
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareTerms(terms[mid]!, t) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const [coeff, rest] = splitCoefficient(t);
  for (const j of [lo - 1, lo]) {
    const like = terms[j];
    if (like === undefined || isNumeric(like)) continue;
    const [likeCoeff, likeRest] = splitCoefficient(like);
    if (!likeRest.equals(rest)) continue;
    const c = addNumeric(likeCoeff, coeff);
    const out = terms.slice();
    if (!isZeroNumber(c)) {
      out[j] = withCoefficient(c, likeRest); // same factors, same place
      return new AddNode(out, sum.symbols);
    }
    out.splice(j, 1);
    return out.length === 1 ? out[0]! : new AddNode(out);
  }
  const out = terms.slice();
  out.splice(lo, 0, t);
  let symbols = sum.symbols;
  for (const name of t.symbols) {
    if (!symbols.has(name)) {
      const grown = new Set(symbols);
      for (const s of t.symbols) grown.add(s);
      symbols = grown;
      break;
    }
  }
  return new AddNode(out, symbols);
}
