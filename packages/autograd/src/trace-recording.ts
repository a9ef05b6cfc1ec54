/**
 * What `trace()` records while the traced function runs: the leaves it creates (its constants, as
 * opposed to the weights it reads). Kept apart from `trace.ts` so that the `Value` constructor, which
 * adds to it, depends on nothing else.
 */
import type { Value } from "./value.js";

/** `leaves` is a set only while `trace()` runs the function. */
export const tracing: { leaves: Set<Value> | null } = { leaves: null };
