/**
 * What every node, expression or condition, works out when it is built: a hash seed per kind (so a
 * sum and a product of the same terms hash apart) and the set of symbols it mentions.
 */

/** The symbol set of a node that mentions none. */
export const NO_SYMBOLS: ReadonlySet<string> = new Set();

/** The union of the children's symbol sets; reuses the largest set when it holds all the others. */
export function unionSymbols(
  children: readonly { readonly symbols: ReadonlySet<string> }[],
): ReadonlySet<string> {
  let largest = NO_SYMBOLS;
  for (const c of children) if (c.symbols.size > largest.size) largest = c.symbols;
  let out: Set<string> | undefined;
  for (const c of children) {
    if (c.symbols === largest) continue;
    for (const name of c.symbols) {
      if (out === undefined) {
        if (largest.has(name)) continue;
        out = new Set(largest);
      }
      out.add(name);
    }
  }
  return out ?? largest;
}

/** One hash seed per node kind, so that e.g. a sum and a product of the same terms differ. */
export const SEED = {
  rational: 0x3c6ef372,
  float: 0x5be0cd19,
  symbol: 0x6a09e667,
  constant: 0x1f83d9ab,
  add: 0x510e527f,
  mul: 0x9b05688c,
  pow: 0x243f6a88,
  call: 0x13198a2e,
  piecewise: 0x03707344,
  relation: 0x299f31d0,
  boolean: 0x082efa98,
} as const;
