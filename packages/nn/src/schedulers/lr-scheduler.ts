import { describe, expected } from "@neurogebra/internal";
import { Optimizer } from "../optimizers/optimizer.js";
import { ProblemListError } from "../problem-list-error.js";

/**
 * The state every learning-rate scheduler saves, in the layout of PyTorch's `_LRScheduler.state_dict()`
 * (its `__dict__` without the optimizer): one entry in `base_lrs` / `_last_lr` per parameter group (one
 * here). Each scheduler adds its hyper-parameters in front, under PyTorch's names.
 *
 * @example
 * ```ts
 * const sd: LRSchedulerStateDict = scheduler.stateDict();
 * sd.last_epoch; // → 0  (epochs stepped so far)
 * ```
 */
export interface LRSchedulerStateDict {
  base_lrs: number[];
  last_epoch: number;
  verbose: boolean;
  _step_count: number;
  _get_lr_called_within_step: boolean;
  _last_lr: number[];
}

/**
 * Thrown by a scheduler's `loadStateDict` when the state does not fit it; `problems` lists every
 * problem (missing or unexpected keys, values of the wrong kind). The scheduler was left untouched.
 *
 * @example
 * ```ts
 * try { scheduler.loadStateDict({}); } catch (e) {
 *   if (e instanceof LRSchedulerStateError) console.log(e.problems); // ['missing "step_size"', …]
 * }
 * ```
 */
export class LRSchedulerStateError extends ProblemListError {
  override readonly name = "LRSchedulerStateError";

  constructor(fn: string, problems: readonly string[]) {
    super(fn, "this scheduler", problems);
  }
}

/** A check of a state entry or option: `null` when `value` fits, else what was expected ("an integer > 0"). */
export type Check = (value: unknown) => string | null;

/** A finite number ≥ `min` (> `min` when `above`), an integer when `integer`. */
export function numberCheck(min: number, integer = false, above = false): Check {
  const what = `${integer ? "an integer" : "a finite number"} ${above ? ">" : "≥"} ${min}`;
  return (value) =>
    typeof value === "number" &&
    Number.isFinite(value) &&
    (above ? value > min : value >= min) &&
    (!integer || Number.isInteger(value))
      ? null
      : what;
}

const isBoolean: Check = (value) => (typeof value === "boolean" ? null : "a boolean");

const oneRate: Check = (value) =>
  Array.isArray(value) && value.length === 1 && numberCheck(0)(value[0]) === null
    ? null
    : "a list of one learning rate ≥ 0 (one parameter group)";

/**
 * Base class of the learning-rate schedulers (PyTorch's `torch.optim.lr_scheduler._LRScheduler`): it
 * wraps an optimizer, remembers its initial `lr` as `baseLrs[0]`, and each `step()` (once per epoch,
 * after `optimizer.step()`) advances `lastEpoch` and sets `optimizer.lr` to the subclass's next rate,
 * computed from the current one as PyTorch's chainable form does. Constructing it takes PyTorch's
 * initial step: `lastEpoch` becomes 0 and the rate stays.
 *
 * @example
 * ```ts
 * const scheduler = new StepLR(optimizer, { stepSize: 10, gamma: 0.5 });
 * for (let epoch = 0; epoch < 30; epoch++) {
 *   optimizer.step(); // once per batch, after backward()
 *   scheduler.step();
 * }
 * ```
 */
export abstract class LRScheduler {
  /** The optimizer whose `lr` this scheduler sets. */
  readonly optimizer: Optimizer;
  readonly #name: string;
  #baseLr: number;
  #lastEpoch = 0;
  #stepCount = 1;
  #verbose = false;
  #lastLr: number;

  protected constructor(name: string, optimizer: Optimizer) {
    if (!(optimizer instanceof Optimizer)) {
      throw new TypeError(expected(name, "an Optimizer (SGD, Adam, AdamW)", optimizer));
    }
    this.#name = name;
    this.optimizer = optimizer;
    this.#baseLr = optimizer.lr;
    this.#lastLr = optimizer.lr;
  }

  /** Epochs stepped so far (PyTorch's `last_epoch`; 0 after construction). */
  get lastEpoch(): number {
    return this.#lastEpoch;
  }

  /** The optimizer's `lr` when the scheduler was made, one per parameter group (PyTorch's `base_lrs`). */
  get baseLrs(): readonly number[] {
    return [this.#baseLr];
  }

  /**
   * The learning rate this scheduler set last, one per parameter group (PyTorch's `get_last_lr()`).
   *
   * @example
   * ```ts
   * scheduler.getLastLr(); // → [0.1]
   * ```
   */
  getLastLr(): number[] {
    return [this.#lastLr];
  }

  /**
   * Advance one epoch and set the optimizer's learning rate for it.
   *
   * @example
   * ```ts
   * optimizer.step();
   * scheduler.step();
   * ```
   */
  step(): void {
    this.#stepCount += 1;
    this.#lastEpoch += 1;
    this.optimizer.lr = this.nextLr(this.optimizer.lr, this.#lastEpoch, this.#stepCount);
    this.#lastLr = this.optimizer.lr;
  }

  /**
   * The rate for epoch `epoch` ≥ 1 from the current rate `lr` (PyTorch's chainable `get_lr`); `stepCount`
   * is PyTorch's `_step_count` after this step's increment.
   */
  protected abstract nextLr(lr: number, epoch: number, stepCount: number): number;

  /** The subclass's hyper-parameters under PyTorch's names, in PyTorch's order. */
  protected abstract hyperParameters(): Record<string, number>;

  /** How `loadStateDict` checks each hyper-parameter of {@link hyperParameters}. */
  protected abstract hyperParameterChecks(): Record<string, Check>;

  /** Set the hyper-parameters from a checked state dict. */
  protected abstract restoreHyperParameters(values: Record<string, number>): void;

  /**
   * The scheduler's state in PyTorch's layout (`scheduler.state_dict()`): the hyper-parameters, then
   * `base_lrs`, `last_epoch`, `verbose`, `_step_count`, `_get_lr_called_within_step`, `_last_lr`. Plain JSON.
   *
   * @example
   * ```ts
   * new StepLR(opt, { stepSize: 3 }).stateDict();
   * // { step_size: 3, gamma: 0.1, base_lrs: [0.1], last_epoch: 0, verbose: false, _step_count: 1,
   * //   _get_lr_called_within_step: false, _last_lr: [0.1] }
   * ```
   */
  stateDict(): LRSchedulerStateDict & Record<string, unknown> {
    return {
      ...this.hyperParameters(),
      base_lrs: [this.#baseLr],
      last_epoch: this.#lastEpoch,
      verbose: this.#verbose,
      _step_count: this.#stepCount,
      _get_lr_called_within_step: false,
      _last_lr: [this.#lastLr],
    };
  }

  /**
   * Restore a state saved by `stateDict()` — ours or PyTorch's (`torch.save(scheduler.state_dict())`
   * read as JSON) — hyper-parameters included, as PyTorch's `load_state_dict` does. The optimizer's `lr`
   * is not touched (its own state dict restores it). Everything is checked first; on any problem an
   * {@link LRSchedulerStateError} lists them all and nothing changes.
   *
   * @example
   * ```ts
   * const saved = JSON.stringify(scheduler.stateDict()); // stored with the optimizer's state
   * scheduler.loadStateDict(JSON.parse(saved));
   * ```
   */
  loadStateDict(state: unknown): void {
    const fn = `${this.#name}.loadStateDict`;
    if (state === null || typeof state !== "object" || Array.isArray(state)) {
      throw new LRSchedulerStateError(fn, [`expected a state dict object, got ${describe(state)}`]);
    }
    const record = state as Record<string, unknown>;
    const checks: Record<string, Check> = {
      ...this.hyperParameterChecks(),
      base_lrs: oneRate,
      last_epoch: numberCheck(0, true),
      verbose: isBoolean,
      _step_count: numberCheck(0, true),
      _get_lr_called_within_step: isBoolean,
      _last_lr: oneRate,
    };
    const problems: string[] = [];
    for (const [key, check] of Object.entries(checks)) {
      if (!(key in record)) problems.push(`missing "${key}"`);
      else {
        const what = check(record[key]);
        if (what !== null) problems.push(expected(`"${key}"`, `${what}`, record[key]));
      }
    }
    for (const key of Object.keys(record)) if (!(key in checks)) problems.push(`unexpected key "${key}"`);
    if (problems.length > 0) throw new LRSchedulerStateError(fn, problems);
    const hyper: Record<string, number> = {};
    for (const key of Object.keys(this.hyperParameterChecks())) hyper[key] = record[key] as number;
    this.restoreHyperParameters(hyper);
    this.#baseLr = (record["base_lrs"] as number[])[0]!;
    this.#lastEpoch = record["last_epoch"] as number;
    this.#verbose = record["verbose"] as boolean;
    this.#stepCount = record["_step_count"] as number;
    this.#lastLr = (record["_last_lr"] as number[])[0]!;
  }
}
