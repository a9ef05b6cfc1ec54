import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/run.ts"],
  format: ["esm"],
  clean: true,
  sourcemap: true,
  target: "node20",
});
