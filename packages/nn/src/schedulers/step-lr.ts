import type { Optimizer } from "../optimizers/optimizer.js";
import { LRScheduler, numberCheck } from "./lr-scheduler.js";
import type { Check } from "./lr-scheduler.js";
import { checkSchedulerOption, schedulerOptions } from "./scheduler-options.js";

/**
 * Options of {@link StepLR}.
 *
 * @example
 * ```ts
 * const options: StepLROptions = { stepSize: 2, gamma: 0.1 };
 * const sgd = new SGD(model.parameters(), { lr: 1 });
 * const scheduler = new StepLR(sgd, options);
 * scheduler.step();
 * scheduler.step();
 * sgd.lr; // → 0.1
 * ```
 */
export interface StepLROptions {
  /** Epochs between two decays (PyTorch's `step_size`). */
  stepSize: number;
  /** Factor applied at each decay (default 0.1). */
  gamma?: number;
}

/**
 * Multiply the learning rate by `gamma` every `stepSize` epochs (PyTorch's `StepLR`): with `lr = 0.05`,
 * `stepSize: 30`, `gamma: 0.1`, epochs 0–29 use 0.05, 30–59 use 0.005, and so on. Each decay multiplies
 * the current rate, as PyTorch's chainable form does, so the rates equal PyTorch's to the last bit.
 *
 * @example
 * ```ts
 * const scheduler = new StepLR(optimizer, { stepSize: 30, gamma: 0.1 });
 * scheduler.step(); // once per epoch, after the epoch's optimizer steps
 * ```
 */
export class StepLR extends LRScheduler {
  #stepSize: number;
  #gamma: number;

  constructor(optimizer: Optimizer, options: StepLROptions) {
    super("StepLR", optimizer);
    const { stepSize, gamma = 0.1 } = schedulerOptions("StepLR", options);
    this.#stepSize = checkSchedulerOption("StepLR", "stepSize", stepSize, STEP_SIZE);
    this.#gamma = checkSchedulerOption("StepLR", "gamma", gamma, GAMMA);
  }

  /** Epochs between two decays. */
  get stepSize(): number {
    return this.#stepSize;
  }

  /** Factor applied at each decay. */
  get gamma(): number {
    return this.#gamma;
  }

  protected nextLr(lr: number, epoch: number): number {
    return epoch % this.#stepSize !== 0 ? lr : lr * this.#gamma;
  }

  protected hyperParameters(): Record<string, number> {
    return { step_size: this.#stepSize, gamma: this.#gamma };
  }

  protected hyperParameterChecks(): Record<string, Check> {
    return { step_size: STEP_SIZE, gamma: GAMMA };
  }

  protected restoreHyperParameters(values: Record<string, number>): void {
    this.#stepSize = values["step_size"]!;
    this.#gamma = values["gamma"]!;
  }
}

const STEP_SIZE = numberCheck(0, true, true);
const GAMMA = numberCheck(0);
