import { prepare, readmeExamples, tsdocApi } from "./doc-examples.ts";
import { exampleSuite } from "./run-examples.ts";

const all = readmeExamples();
exampleSuite("README ```ts blocks", all, prepare(all, tsdocApi().packages, "readme"));
