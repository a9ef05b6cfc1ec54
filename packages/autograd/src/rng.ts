/**
 * The random-number source the tensor factories draw from. Structurally the same as
 * `@neurogebra/random`'s `Rng` (which adds `uniform` and `permutation`), so any of its generators can
 * be passed here while autograd keeps zero runtime dependencies.
 *
 * @example
 * ```ts
 * import { createRng } from "@neurogebra/random";
 * const w = randn([3, 2], createRng(42)); // createRng(42) satisfies this interface
 * ```
 */
export interface Rng {
  /** A uniform draw in [0, 1). */
  random(): number;
  /** A standard normal draw (mean 0, standard deviation 1). */
  normal(): number;
}
