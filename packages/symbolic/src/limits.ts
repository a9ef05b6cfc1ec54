/**
 * The documented bounds of the CAS, and the error thrown when an input goes past one of them.
 * Every walker (print, LaTeX, evaluate, compile, diff, substitute, …) is recursive; the depth
 * bound keeps them far below the call-stack size of Node and of a browser's Web Worker, so deep
 * input ends in a named error instead of `Maximum call stack size exceeded`.
 */

/**
 * The deepest expression tree the package builds: a leaf has depth 1, `x**(x**x)` depth 3.
 * Parentheses and function calls nest at most this deep in `parse`. Every operation on a tree
 * this deep needs less than half the call stack of a Chromium Web Worker (which holds about half
 * as many frames as Node's main thread) — the package's tests check it.
 *
 * @example
 * ```ts
 * let t: Expr = sym("x");
 * for (let i = 1; i < MAX_DEPTH; i++) t = pow(sym("x"), t); // fine: depth MAX_DEPTH
 * pow(sym("x"), t); // LimitExceededError: expression nested deeper than 256 levels …
 * ```
 */
export const MAX_DEPTH = 256;

/**
 * The largest exact rational: numerator and denominator have at most this many bits (about
 * 4,900 decimal digits). Integer powers whose value would be larger stay unevaluated
 * (`3**5000`), which keeps them exact.
 *
 * @example
 * ```ts
 * parse("2**4000/2**3999").toString(); // → "2"
 * parse("1/3**5000").toString();       // → "1/3**5000"
 * ```
 */
export const MAX_RATIONAL_BITS = 16384;

/**
 * Thrown when a tree would be deeper than {@link MAX_DEPTH} or an exact number larger than
 * {@link MAX_RATIONAL_BITS}; `parse` reports the same as a `ParseError` at the offending position.
 *
 * @example
 * ```ts
 * let t: Expr = sym("x");
 * try { for (;;) t = pow(sym("x"), t); }
 * catch (e) { console.log((e as LimitExceededError).limit); } // depth
 * ```
 */
export class LimitExceededError extends RangeError {
  /** Which bound was exceeded. */
  readonly limit: "depth" | "rational bits";
  /** The bound's value. */
  readonly maximum: number;
  constructor(limit: "depth" | "rational bits", maximum: number, detail: string) {
    super(
      limit === "depth"
        ? `expression nested deeper than ${maximum} levels (the documented MAX_DEPTH): ${detail}`
        : `exact rational with more than ${maximum} bits (the documented MAX_RATIONAL_BITS): ${detail}`,
    );
    this.name = "LimitExceededError";
    this.limit = limit;
    this.maximum = maximum;
  }
}

/** `1 + max(depth of children)`, or a LimitExceededError when that exceeds {@link MAX_DEPTH}. */
export function depthAbove(children: readonly { readonly depth: number }[], what: string): number {
  let d = 0;
  for (const c of children) if (c.depth > d) d = c.depth;
  if (d >= MAX_DEPTH) throw new LimitExceededError("depth", MAX_DEPTH, `building ${what}`);
  return d + 1;
}
