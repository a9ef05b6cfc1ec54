import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/run.ts", "src/memory-probe.ts"],
  format: ["esm"],
  clean: true,
  sourcemap: true,
  target: "node20",
});
