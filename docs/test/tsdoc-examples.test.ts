import { afterAll, expect, it } from "vitest";
import { prepare, tsdocApi } from "./doc-examples.ts";
import { exampleSuite } from "./run-examples.ts";

const { examples, packages } = tsdocApi();
exampleSuite("TSDoc @example blocks", examples, prepare(examples, packages, "tsdoc"));

const withoutExample = (isValue: boolean): string[] =>
  packages.flatMap((p) =>
    p.exports
      .filter((e) => e.isValue === isValue && !e.hasExample)
      .map((e) => `@neurogebra/${p.name} ${e.name}`),
  );

it("every exported function, class and constant has an @example", () => {
  expect(withoutExample(true)).toEqual([]);
});

afterAll(() => {
  const types = withoutExample(false);
  const unreached = packages.flatMap((p) => p.unreached.map((u) => `${u.file}:${u.line}`));
  console.log(
    `exported types without an @example (${types.length}): ${types.join(", ")}\n` +
      `@example blocks not on the public API, so not run (${unreached.length}): ${unreached.join(", ")}`,
  );
});
