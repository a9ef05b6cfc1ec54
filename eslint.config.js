// @ts-check
import { builtinModules } from "node:module";

import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/.turbo/**",
      "**/coverage/**",
      "**/tutorial-output/**",
      "docs/.examples/**",
      "docs/api/**",
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportAllDeclaration", message: "Use explicit named exports (no export *)." },
        { selector: "ExportDefaultDeclaration", message: "No default exports." },
      ],
    },
  },
  {
    // Published code runs unchanged in browsers and workers: no Node built-ins outside tests.
    files: ["packages/*/src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: builtinModules.map((name) => ({
            name,
            message: "Published packages run in browsers too: no Node built-ins outside tests.",
          })),
          patterns: [
            {
              group: ["node:*"],
              message: "Published packages run in browsers too: no Node built-ins outside tests.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.test.ts", "**/test/**/*.ts", "**/tsup.config.ts", "**/vitest.config.ts", "*.ts"],
    rules: {
      "no-restricted-syntax": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  prettier,
);
