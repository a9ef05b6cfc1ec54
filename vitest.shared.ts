import { defineConfig } from "vitest/config";

/**
 * Shared vitest settings: every package writes its results to `test-results.json`
 * so `.ci/run` can print one aggregate `N passed, N failed` line.
 */
export const sharedTestConfig = defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    testTimeout: 60_000,
  },
});
