import { Optimizer } from "./optimizer.js";
import { checkHyperParameter, hasGradient, parameterSize, updateScalars } from "./parameter.js";
import type { Parameter } from "./parameter.js";

/** Options of {@link SGD}; the defaults are PyTorch's. */
export interface SGDOptions {
  /** Learning rate (required, ≥ 0). */
  lr: number;
  /** Momentum factor (default 0: plain gradient descent). */
  momentum?: number;
  /** Dampening for momentum (default 0). */
  dampening?: number;
  /** L2 penalty added to the gradient: `g + weightDecay · w` (default 0). */
  weightDecay?: number;
  /** Nesterov momentum (default false; needs momentum > 0 and dampening 0). */
  nesterov?: boolean;
  /** Ascend instead of descend (default false). */
  maximize?: boolean;
}

/**
 * Stochastic gradient descent with PyTorch's exact update (`torch.optim.SGD`), per scalar `w` with gradient `g`:
 *
 * ```text
 * d = g + weightDecay·w
 * b = d                                   (first step)
 * b = momentum·b + (1 − dampening)·d      (later steps)
 * d = nesterov ? d + momentum·b : b       (when momentum ≠ 0)
 * w = w − lr·d
 * ```
 *
 * With only `lr` it is the tutorial's `p.data -= learning_rate * p.grad`.
 *
 * @example
 * ```ts
 * const opt = new SGD(net.parameters(), { lr: 0.05 });
 * opt.zeroGrad();
 * loss.backward();
 * opt.step();
 * ```
 */
export class SGD extends Optimizer {
  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
  readonly nesterov: boolean;
  readonly maximize: boolean;
  /** Momentum buffer per scalar, and whether it has been started (PyTorch's `None` before the first step). */
  readonly #buffer: Float64Array;
  readonly #started: Uint8Array;

  constructor(params: Iterable<Parameter>, options: SGDOptions) {
    if (options === null || typeof options !== "object") {
      throw new TypeError(`SGD: expected options { lr, … }, got ${String(options)}`);
    }
    super("SGD", params, options.lr);
    this.momentum = checkHyperParameter("SGD", "momentum", options.momentum ?? 0, 0);
    this.dampening = checkHyperParameter("SGD", "dampening", options.dampening ?? 0, 0, 1, true);
    this.weightDecay = checkHyperParameter("SGD", "weightDecay", options.weightDecay ?? 0, 0);
    this.nesterov = options.nesterov ?? false;
    this.maximize = options.maximize ?? false;
    if (this.nesterov && (this.momentum <= 0 || this.dampening !== 0)) {
      throw new RangeError(
        `SGD: nesterov needs momentum > 0 and dampening 0, got momentum ${this.momentum}, dampening ${this.dampening}`,
      );
    }
    this.#buffer = new Float64Array(this.momentum === 0 ? 0 : this.size);
    this.#started = new Uint8Array(this.momentum === 0 ? 0 : this.size);
  }

  /**
   * One SGD update of every parameter that has a gradient.
   *
   * @example
   * ```ts
   * opt.step();
   * ```
   */
  step(): void {
    this.checkGradients(); // before any weight moves: a failed step leaves all parameters as they were
    const { momentum, dampening, weightDecay, nesterov, maximize } = this;
    const lr = this.lr;
    const buffer = this.#buffer;
    const started = this.#started;
    const update = (i: number, w: number, g: number): number => {
      let d = maximize ? -g : g;
      if (weightDecay !== 0) d = d + weightDecay * w;
      if (momentum !== 0) {
        let b: number;
        if (started[i] === 0) {
          b = d;
          started[i] = 1;
        } else {
          b = buffer[i]! * momentum + (1 - dampening) * d;
        }
        buffer[i] = b;
        d = nesterov ? d + momentum * b : b;
      }
      return w + -lr * d;
    };
    let offset = 0;
    for (const p of this.params) {
      if (hasGradient(p)) updateScalars(p, offset, update);
      offset += parameterSize(p);
    }
  }
}
