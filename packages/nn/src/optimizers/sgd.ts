import { expected } from "@neurogebra/internal";
import { Optimizer } from "./optimizer.js";
import type { SGDParamGroup, SGDParameterState, SGDStateDict } from "./optimizer-state.js";
import {
  checkEntry,
  checkKeys,
  checkLayout,
  parameterShape,
  readBuffer,
  tensorState,
} from "./optimizer-state.js";
import { checkHyperParameter, hasGradient, parameterSize, updateScalars } from "./parameter.js";
import type { Parameter } from "./parameter.js";

/**
 * Options of {@link SGD}; the defaults are PyTorch's.
 *
 * @example
 * ```ts
 * const options: SGDOptions = { lr: 0.1, momentum: 0.9, nesterov: true };
 * new SGD(model.parameters(), options).lr; // → 0.1
 * ```
 */
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
      throw new TypeError(expected("SGD", "options { lr, … }", options));
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

  /**
   * The momentum buffers in PyTorch's layout (`state[i].momentum_buffer`, present once parameter `i`
   * was stepped with momentum) and the hyper-parameters (`param_groups[0]`).
   *
   * @example
   * ```ts
   * const sgd = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
   * const sd = sgd.stateDict();
   * sd.param_groups[0].momentum; // → 0.9
   * ```
   */
  stateDict(): SGDStateDict {
    const state: Record<string, SGDParameterState> = {};
    let offset = 0;
    this.params.forEach((p, index) => {
      const n = parameterSize(p);
      if (this.momentum !== 0 && n > 0 && this.#started[offset] === 1) {
        state[index] = { momentum_buffer: tensorState(parameterShape(p), this.#buffer, offset, n) };
      }
      offset += n;
    });
    return {
      state,
      param_groups: [{ lr: this.lr, ...this.#hyperParameters(), params: this.params.map((_, i) => i) }],
    };
  }

  /** The hyper-parameters under PyTorch's names, except `lr` (which a schedule may change). */
  #hyperParameters(): Omit<SGDParamGroup, "lr" | "params"> {
    return {
      momentum: this.momentum,
      dampening: this.dampening,
      weight_decay: this.weightDecay,
      nesterov: this.nesterov,
      maximize: this.maximize,
    };
  }

  /**
   * Restore momentum buffers and `lr` from {@link SGD.stateDict} (or PyTorch's `SGD.state_dict()` with
   * its tensors as `{ shape, data }`). All checked first; on any problem an `OptimizerStateError` lists
   * them and the optimizer is untouched.
   *
   * @example
   * ```ts
   * const saved = JSON.stringify(new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 }).stateDict());
   * const resumed = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
   * resumed.loadStateDict(JSON.parse(saved));
   * ```
   */
  loadStateDict(sd: unknown): void {
    const problems: string[] = [];
    const layout = checkLayout(sd, this.params.length, this.#hyperParameters(), problems);
    const staged: (Float64Array | null)[] = this.params.map(() => null);
    if (layout !== null) {
      this.params.forEach((p, index) => {
        const entry = layout.state[index];
        const path = `state[${index}]`;
        if (entry === undefined || !checkEntry(path, entry, problems)) return;
        checkKeys(path, entry, ["momentum_buffer"], problems);
        const buffer = entry["momentum_buffer"];
        if (buffer === null || buffer === undefined) return;
        if (this.momentum === 0) {
          problems.push(
            `${path}.momentum_buffer: this optimizer has no momentum, the state dict has a buffer`,
          );
          return;
        }
        staged[index] = readBuffer(`${path}.momentum_buffer`, buffer, parameterShape(p), problems);
      });
    }
    this.throwIfProblems(problems);
    this.lr = layout!.lr;
    this.#buffer.fill(0);
    this.#started.fill(0);
    let offset = 0;
    this.params.forEach((p, index) => {
      const buffer = staged[index];
      const n = parameterSize(p);
      if (buffer) {
        this.#buffer.set(buffer, offset);
        this.#started.fill(1, offset, offset + n);
      }
      offset += n;
    });
  }
}
