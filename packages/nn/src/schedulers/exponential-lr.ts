import type { Optimizer } from "../optimizers/optimizer.js";
import { LRScheduler, numberCheck } from "./lr-scheduler.js";
import type { Check } from "./lr-scheduler.js";
import { checkSchedulerOption, schedulerOptions } from "./scheduler-options.js";

/**
 * Options of {@link ExponentialLR}.
 *
 * @example
 * ```ts
 * const options: ExponentialLROptions = { gamma: 0.5 };
 * const sgd = new SGD(model.parameters(), { lr: 0.1 });
 * new ExponentialLR(sgd, options).step();
 * sgd.lr; // → 0.05
 * ```
 */
export interface ExponentialLROptions {
  /** Factor applied every epoch. */
  gamma: number;
}

/**
 * Multiply the learning rate by `gamma` every epoch (PyTorch's `ExponentialLR`): epoch `t` uses
 * `lr · gammaᵗ`, computed by repeated multiplication as PyTorch's chainable form does.
 *
 * @example
 * ```ts
 * const scheduler = new ExponentialLR(optimizer, { gamma: 0.95 });
 * scheduler.step(); // once per epoch
 * ```
 */
export class ExponentialLR extends LRScheduler {
  #gamma: number;

  constructor(optimizer: Optimizer, options: ExponentialLROptions) {
    super("ExponentialLR", optimizer);
    const { gamma } = schedulerOptions("ExponentialLR", options);
    this.#gamma = checkSchedulerOption("ExponentialLR", "gamma", gamma, GAMMA);
  }

  /** Factor applied every epoch. */
  get gamma(): number {
    return this.#gamma;
  }

  protected nextLr(lr: number): number {
    return lr * this.#gamma;
  }

  protected hyperParameters(): Record<string, number> {
    return { gamma: this.#gamma };
  }

  protected hyperParameterChecks(): Record<string, Check> {
    return { gamma: GAMMA };
  }

  protected restoreHyperParameters(values: Record<string, number>): void {
    this.#gamma = values["gamma"]!;
  }
}

const GAMMA = numberCheck(0);
