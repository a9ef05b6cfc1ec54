/**
 * The shape of every "load a state dict" error: the function, what the state dict had to fit, and every
 * problem found (all of them, checked before anything changed), one line each in `problems`.
 * `StateDictError`, `OptimizerStateError` and `LRSchedulerStateError` extend it.
 *
 * @example
 * ```ts
 * try {
 *   new Linear(2, 1).loadStateDict({});
 * } catch (e) {
 *   if (e instanceof ProblemListError) console.log(e.problems); // every problem, one line each
 * }
 * ```
 */
export abstract class ProblemListError extends Error {
  /** One human-readable line per problem. */
  readonly problems: readonly string[];

  /** `target` is what the state dict must fit: "the model", "this optimizer", "this scheduler". */
  constructor(fn: string, target: string, problems: readonly string[]) {
    const n = problems.length;
    super(
      `${fn}: the state dict does not fit ${target} (${n} problem${n === 1 ? "" : "s"}; ` +
        `nothing was changed):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.problems = problems;
  }
}
