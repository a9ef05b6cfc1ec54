// The repository's Prettier settings plus the Svelte plugin, resolved from here so that `prettier` run
// from the repository root (pnpm format) finds it too.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export default {
  printWidth: 110,
  singleQuote: false,
  trailingComma: "all",
  plugins: [require.resolve("prettier-plugin-svelte")],
  overrides: [{ files: "*.svelte", options: { parser: "svelte" } }],
};
