import { Value } from "@neurogebra/autograd";
import { createRng } from "@neurogebra/random";

/**
 * A one-screen summary that exercises the packages (the full tutorial lands with its issue).
 *
 * @example
 * ```ts
 * console.log(summary({ seed: 42 }));
 * ```
 */
export function summary(options: { seed: number }): string {
  const rng = createRng(options.seed);
  const x = new Value(rng.random(), "x");
  const y = x.mul(x).add(1);
  y.backward();
  return [
    "Neurogebra for TypeScript — spiral tutorial (preview)",
    `  seed ${options.seed}: x = ${x.data.toFixed(4)}, y = x*x + 1 = ${y.data.toFixed(4)}, dy/dx = ${x.grad.toFixed(4)}`,
  ].join("\n");
}
