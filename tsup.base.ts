import type { Options } from "tsup";

/**
 * The one tsup configuration every published package reuses: ESM + CJS + .d.ts/.d.cts. The private
 * `@neurogebra/internal` (a devDependency) is bundled in, never left as an import.
 */
export const baseConfig: Options = {
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  treeshake: true,
  noExternal: [/^@neurogebra\/internal(\/|$)/],
};
