/*
 * What the @neurogebra packages share and never publish: each one bundles the parts it uses (tsup
 * `noExternal`), so this package is a devDependency only and no published declaration names it. The
 * WebAssembly assembler is the subpath `@neurogebra/internal/wasm-assembler`; the shared test fixtures
 * are read through `@neurogebra/internal/fixtures`.
 */
export { describe } from "./describe.js";
export type { OwnClasses } from "./describe.js";
export { expected } from "./expected.js";
export { formatFixed, formatGrouped, formatPercent, formatRepr } from "./python-format.js";
export { DEFAULT_RNG_SLOT, currentDefaultRng, fallbackRng, installDefaultRng } from "./default-rng-slot.js";
export type { FallbackRng } from "./default-rng-slot.js";
export { checkFinite, checkInteger, checkRng } from "./argument-checks.js";
export type { ErrorClass } from "./argument-checks.js";
export { accuracyText, divergedEpoch, formatEpochLine, isPrintedEpoch } from "./epoch-line.js";
export type { TrainingHistory } from "./epoch-line.js";
export { fisherYatesPermutation } from "./permutation.js";
export { MAX_TENSOR_SIZE, tooManyElements } from "./tensor-limit.js";
