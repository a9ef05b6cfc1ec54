import { Value } from "@neurogebra/autograd";

import type { OptimizerStateDict } from "./optimizer-state.js";
import { OptimizerStateError } from "./optimizer-state.js";
import { checkHyperParameter, checkParameters, parameterSize } from "./parameter.js";
import type { Parameter } from "./parameter.js";

/**
 * Base class of the optimizers: holds the parameters (the live `Value`s / `Tensor`s a model's
 * `parameters()` returned), the learning rate, and `zeroGrad()`. Subclasses implement `step()`.
 *
 * @example
 * ```ts
 * const opt = new SGD(model.parameters(), { lr: 0.05 });
 * opt.zeroGrad(); loss.backward(); opt.step();
 * opt.lr = 0.01; // change the learning rate between steps (a schedule)
 * ```
 */
export abstract class Optimizer {
  /** The parameters this optimizer updates, in order. */
  readonly params: readonly Parameter[];
  #lr: number;
  /** Total number of scalars across all parameters (the length of the per-scalar state arrays). */
  protected readonly size: number;
  readonly #name: string;

  protected constructor(name: string, params: Iterable<Parameter>, lr: number) {
    this.params = checkParameters(name, params);
    this.#name = name;
    this.#lr = checkHyperParameter(name, "lr", lr, 0);
    this.size = this.params.reduce((n, p) => n + parameterSize(p), 0);
  }

  /** Learning rate; may be changed between steps (it is checked: a finite number ≥ 0). */
  get lr(): number {
    return this.#lr;
  }

  set lr(value: number) {
    this.#lr = checkHyperParameter(this.#name, "lr", value, 0);
  }

  /**
   * Reset every parameter's gradient: `Value.grad = 0`, and `Tensor.zeroGrad()` for tensors.
   *
   * @example
   * ```ts
   * opt.zeroGrad(); // before each backward()
   * ```
   */
  zeroGrad(): void {
    for (const p of this.params) {
      if (p instanceof Value) p.grad = 0;
      else p.zeroGrad();
    }
  }

  /**
   * Throw a `RangeError` naming the first tensor whose gradient has a different number of entries than
   * its weights. Every `step()` calls it before moving any weight, so a failed step changes nothing.
   *
   * @example
   * ```ts no-run: a method of an Optimizer subclass (a fragment)
   * step(): void {
   *   this.checkGradients(); // in a subclass, first
   *   // … update the weights
   * }
   * ```
   */
  protected checkGradients(): void {
    for (let index = 0; index < this.params.length; index++) {
      const p = this.params[index]!;
      if (!(p instanceof Value) && p.grad !== null && p.grad.data.length !== p.data.length) {
        throw new RangeError(
          `${this.#name}.step: params[${index}] has ${p.data.length} weights but its grad has ` +
            `${p.grad.data.length} numbers`,
        );
      }
    }
  }

  /** Apply one update to every parameter from its current gradient. */
  abstract step(): void;

  /**
   * The optimizer's state in PyTorch's layout: per stepped parameter (by index) its buffers, and the
   * hyper-parameters in `param_groups[0]`. Copies, plain JSON.
   *
   * @example
   * ```ts
   * const saved = JSON.stringify(opt.stateDict());
   * ```
   */
  abstract stateDict(): OptimizerStateDict<unknown, unknown>;

  /**
   * Restore a state saved by `stateDict()` from an optimizer of the same kind, over parameters of the
   * same shapes, built with the same hyper-parameters (`lr` is restored from the state). Everything is
   * checked first; on any problem an {@link OptimizerStateError} lists them all and nothing changes.
   *
   * @example
   * ```ts
   * const saved = JSON.stringify(opt.stateDict()); // stored with the model's weights
   * opt.loadStateDict(JSON.parse(saved));
   * ```
   */
  abstract loadStateDict(state: unknown): void;

  /** Throws an {@link OptimizerStateError} for `loadStateDict` when `problems` is not empty. */
  protected throwIfProblems(problems: readonly string[]): void {
    if (problems.length > 0) throw new OptimizerStateError(`${this.#name}.loadStateDict`, problems);
  }
}
