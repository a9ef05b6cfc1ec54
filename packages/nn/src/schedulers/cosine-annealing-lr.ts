import { cosCorrectlyRounded } from "@neurogebra/random";

import type { Optimizer } from "../optimizers/optimizer.js";
import { LRScheduler, numberCheck } from "./lr-scheduler.js";
import type { Check } from "./lr-scheduler.js";
import { checkSchedulerOption, schedulerOptions } from "./scheduler-options.js";

/**
 * Options of {@link CosineAnnealingLR}.
 *
 * @example
 * ```ts
 * const options: CosineAnnealingLROptions = { tMax: 10, etaMin: 0.001 };
 * const scheduler = new CosineAnnealingLR(new SGD(model.parameters(), { lr: 0.1 }), options);
 * scheduler.getLastLr(); // → [0.1]
 * ```
 */
export interface CosineAnnealingLROptions {
  /** Epochs of one half cosine period (PyTorch's `T_max`). */
  tMax: number;
  /** The lowest learning rate (PyTorch's `eta_min`, default 0). */
  etaMin?: number;
}

/** Python's `a % b` for b > 0: the result has b's sign. */
const pythonMod = (a: number, b: number): number => ((a % b) + b) % b;

/**
 * Anneal the learning rate along a cosine from its initial value to `etaMin` over `tMax` epochs
 * (PyTorch's `CosineAnnealingLR`, the SGDR schedule without restarts): if only this scheduler sets it,
 * epoch `t` uses `etaMin + (lr₀ − etaMin)·(1 + cos(π·t / tMax)) / 2`, and past `tMax` it rises again.
 * Computed with PyTorch's recursive formula, step by step, with a correctly rounded cosine (as glibc's,
 * which Python's `math.cos` calls), so the rates equal PyTorch's to the last bit.
 *
 * @example
 * ```ts
 * const scheduler = new CosineAnnealingLR(optimizer, { tMax: 50, etaMin: 1e-4 });
 * scheduler.step(); // once per epoch
 * ```
 */
export class CosineAnnealingLR extends LRScheduler {
  #tMax: number;
  #etaMin: number;

  constructor(optimizer: Optimizer, options: CosineAnnealingLROptions) {
    super("CosineAnnealingLR", optimizer);
    const { tMax, etaMin = 0 } = schedulerOptions("CosineAnnealingLR", options);
    this.#tMax = checkSchedulerOption("CosineAnnealingLR", "tMax", tMax, T_MAX);
    this.#etaMin = checkSchedulerOption("CosineAnnealingLR", "etaMin", etaMin, ETA_MIN);
  }

  /** Epochs of one half cosine period. */
  get tMax(): number {
    return this.#tMax;
  }

  /** The lowest learning rate. */
  get etaMin(): number {
    return this.#etaMin;
  }

  protected nextLr(lr: number, epoch: number, stepCount: number): number {
    const tMax = this.#tMax;
    const etaMin = this.#etaMin;
    const baseLr = this.baseLrs[0]!;
    if (stepCount === 1 && epoch > 0) {
      // A state loaded mid-schedule before any step: the closed form, as PyTorch.
      return etaMin + ((baseLr - etaMin) * (1 + cosCorrectlyRounded((epoch * Math.PI) / tMax))) / 2;
    }
    if (pythonMod(epoch - 1 - tMax, 2 * tMax) === 0) {
      return lr + ((baseLr - etaMin) * (1 - cosCorrectlyRounded(Math.PI / tMax))) / 2;
    }
    return (
      ((1 + cosCorrectlyRounded((Math.PI * epoch) / tMax)) /
        (1 + cosCorrectlyRounded((Math.PI * (epoch - 1)) / tMax))) *
        (lr - etaMin) +
      etaMin
    );
  }

  protected hyperParameters(): Record<string, number> {
    return { T_max: this.#tMax, eta_min: this.#etaMin };
  }

  protected hyperParameterChecks(): Record<string, Check> {
    return { T_max: T_MAX, eta_min: ETA_MIN };
  }

  protected restoreHyperParameters(values: Record<string, number>): void {
    this.#tMax = values["T_max"]!;
    this.#etaMin = values["eta_min"]!;
  }
}

const T_MAX = numberCheck(0, true, true);
const ETA_MIN = numberCheck(0);
