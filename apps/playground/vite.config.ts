import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vite";

/** A static site with relative asset paths (`base: "./"`), so `dist/` works from any folder of any host. */
// eslint-disable-next-line no-restricted-syntax -- Vite reads its configuration from the default export
export default defineConfig({
  base: "./",
  plugins: [svelte()],
  worker: { format: "es" },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true, reportCompressedSize: false },
});
