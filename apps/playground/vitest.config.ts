import { defineConfig, mergeConfig } from "vitest/config";

import { sharedTestConfig } from "../../vitest.shared.ts";

/**
 * Unit tests (src) and the end-to-end tests in Chromium (test/e2e, against the built app). Files run one
 * after another: each e2e file drives a browser, and the machine has two cores.
 */
export default mergeConfig(
  sharedTestConfig,
  defineConfig({ test: { fileParallelism: false, testTimeout: 180_000, hookTimeout: 120_000 } }),
);
