// Internal fields (`_a`, `_key`, `_store`, … marked @internal) must not reach the types users see: they
// leaked into TypeScript's messages (`Type 'Tensor' is missing … from type 'Value': _a, _b, _key, …`).
// The only `_` names allowed are the keys of PyTorch's LR-scheduler state dict, which we mirror.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { packageNames, root } from "./doc-examples.ts";

const pytorchKeys = new Set(["_step_count", "_get_lr_called_within_step", "_last_lr"]);

it.each(packageNames)("@neurogebra/%s's published declarations name no internal field", (name) => {
  for (const file of ["index.d.ts", "index.d.cts"]) {
    const text = readFileSync(join(root, "packages", name, "dist", file), "utf8");
    const members = [...text.matchAll(/^\s*(?:readonly |private |protected |static )*(_\w+)\??[:(]/gm)].map(
      (m) => m[1],
    );
    expect(
      members.filter((m) => !pytorchKeys.has(m!)),
      `${name}/dist/${file}`,
    ).toEqual([]);
  }
});
