import { prepare, readmeExamples } from "./doc-examples.ts";
import { exampleSuite } from "./run-examples.ts";

// README examples are whole programs: no auto-imports, so no package API is needed to prepare them.
const all = readmeExamples();
exampleSuite("README ```ts blocks", all, prepare(all, [], "readme"));
