/**
 * The one random-number interface every Neurogebra package takes.
 *
 * @example
 * ```ts
 * const rng: Rng = createRng(42);
 * rng.random(); // a number in [0, 1)
 * ```
 */
export interface Rng {
  /** A uniform draw in [0, 1). */
  random(): number;
  /** A standard normal draw (mean 0, standard deviation 1). */
  normal(): number;
}
