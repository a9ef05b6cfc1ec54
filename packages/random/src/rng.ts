/**
 * The one random-number interface every Neurogebra package takes. All three generators of
 * `@neurogebra/random` (`createRng`, `NumpyRandomState`, `PythonRandom`) implement it.
 *
 * @example
 * ```ts
 * const rng: Rng = createRng(42);
 * rng.random(); // → 0.00701751618236155  (a uniform draw, 0 ≤ u < 1)
 * rng.uniform(-1, 1); // → -0.6562901989026362  (−1 ≤ u < 1)
 * rng.permutation(5); // → Int32Array [0, 3, 2, 1, 4]
 * ```
 */
export interface Rng {
  /** A uniform draw in [0, 1). */
  random(): number;
  /** A standard normal draw (mean 0, standard deviation 1). */
  normal(): number;
  /** A uniform draw `low + (high - low) * u` (Python's and NumPy's formula). */
  uniform(low: number, high: number): number;
  /** A random permutation of `0 … n-1`. */
  permutation(n: number): Int32Array;
}
