import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../vitest.shared.ts";

// The examples run one after another in their file's worker; `pool: "forks"` lets an example that
// writes files (interop's README) run in a temporary working directory (process.chdir).
export default mergeConfig(sharedTestConfig, defineConfig({ test: { pool: "forks" } }));
