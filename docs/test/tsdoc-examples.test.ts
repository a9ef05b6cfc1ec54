import { prepare, tsdocApi } from "./doc-examples.ts";
import { exampleSuite } from "./run-examples.ts";

const { examples, packages } = tsdocApi();
exampleSuite("TSDoc @example blocks", examples, prepare(examples, packages, "tsdoc"));
