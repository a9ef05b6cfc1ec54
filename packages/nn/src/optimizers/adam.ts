import { Value } from "@neurogebra/autograd";
import type { Tensor } from "@neurogebra/autograd";

import { expected } from "@neurogebra/internal";
import { AdamKernel } from "./adam-kernel.js";
import type { AdamStepConstants } from "./adam-kernel.js";
import { Optimizer } from "./optimizer.js";
import type { AdamParamGroup, AdamParameterState, AdamStateDict } from "./optimizer-state.js";
import {
  checkEntry,
  checkKeys,
  checkLayout,
  parameterShape,
  readBuffer,
  tensorState,
} from "./optimizer-state.js";
import { checkHyperParameter, hasGradient, parameterSize } from "./parameter.js";
import type { Parameter } from "./parameter.js";

/**
 * Options of {@link Adam} and {@link AdamW}; the defaults are PyTorch's.
 *
 * @example
 * ```ts
 * const options: AdamOptions = { lr: 0.01, betas: [0.9, 0.99], weightDecay: 0 };
 * new Adam(model.parameters(), options).stateDict().param_groups[0].betas; // → [0.9, 0.99]
 * ```
 */
export interface AdamOptions {
  /** Learning rate (default 0.001). */
  lr?: number;
  /** Decay rates of the first and second moment estimates (default `[0.9, 0.999]`). */
  betas?: readonly [number, number];
  /** Added to the denominator for numerical stability (default 1e-8). */
  eps?: number;
  /** Adam: L2 penalty added to the gradient (default 0). AdamW: decoupled decay factor (default 0.01). */
  weightDecay?: number;
  /** Use the maximum of past second moments (AMSGrad, default false). */
  amsgrad?: boolean;
  /** Ascend instead of descend (default false). */
  maximize?: boolean;
  /**
   * Run tensors' updates on the WebAssembly SIMD kernel (`adam-kernel.ts`) when the runtime has one
   * (default true; PyTorch's option of the same name). Its results are identical to the JavaScript
   * loop's to the last bit, only faster; `false` forces the loop.
   */
  fused?: boolean;
}

/**
 * Shared machinery of Adam and AdamW: PyTorch's `_single_tensor_adam` operation by operation, so the
 * trajectories agree with `torch.optim.Adam` / `AdamW` to the last bits, per scalar `w` with gradient `g`
 * at step `t` (counted per parameter):
 *
 * ```text
 * w = w · (1 − lr·weightDecay)                     (AdamW only: decoupled weight decay)
 * g = g + weightDecay·w                            (Adam only: L2 penalty)
 * m = β1·m + (1 − β1)·g
 * v = β2·v + (1 − β2)·g·g
 * v̂ = amsgrad ? max(v̂, v) : v
 * w = w − (lr / (1 − β1^t)) · m / (√v̂ / √(1 − β2^t) + eps)
 * ```
 */
export abstract class AdamBase extends Optimizer {
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  readonly amsgrad: boolean;
  readonly maximize: boolean;
  readonly #decoupled: boolean;
  /** The moments when they live in JavaScript (no fused kernel; else the kernel holds them). */
  readonly #moments: [m: Float64Array, v: Float64Array, vMax: Float64Array] | null;
  /** Step count per parameter (PyTorch's `state['step']`). */
  readonly #steps: Float64Array;
  /** A `Value`'s weight and gradient, so it takes the same loop as a tensor. */
  readonly #scalar = new Float64Array(1);
  readonly #scalarGrad = new Float64Array(1);
  /** The fused update, which then also holds the moments; null when not used. */
  readonly #kernel: AdamKernel | null;

  protected constructor(
    name: string,
    params: Iterable<Parameter>,
    options: AdamOptions,
    defaultWeightDecay: number,
    decoupled: boolean,
  ) {
    if (options === null || typeof options !== "object") {
      throw new TypeError(expected(name, "options { lr?, betas?, … }", options));
    }
    super(name, params, options.lr ?? 0.001);
    const betas = options.betas ?? [0.9, 0.999];
    if (!Array.isArray(betas) || betas.length !== 2) {
      throw new RangeError(expected(name, "betas to be a pair [beta1, beta2]", betas));
    }
    this.betas = [
      checkHyperParameter(name, "betas[0]", betas[0], 0, 1),
      checkHyperParameter(name, "betas[1]", betas[1], 0, 1),
    ];
    this.eps = checkHyperParameter(name, "eps", options.eps ?? 1e-8, 0);
    this.weightDecay = checkHyperParameter(name, "weightDecay", options.weightDecay ?? defaultWeightDecay, 0);
    this.amsgrad = options.amsgrad ?? false;
    this.maximize = options.maximize ?? false;
    this.#decoupled = decoupled;
    const fused = options.fused ?? true;
    if (typeof fused !== "boolean") {
      throw new TypeError(expected(name, "fused to be a boolean", fused));
    }
    this.#kernel =
      fused && this.params.some((p) => !(p instanceof Value) && p.data.length > 0)
        ? AdamKernel.create(this.params.map(parameterSize), {
            maximize: this.maximize,
            l2: !decoupled && this.weightDecay !== 0,
            decoupled,
            amsgrad: this.amsgrad,
          })
        : null;
    this.#moments =
      this.#kernel === null
        ? [
            new Float64Array(this.size),
            new Float64Array(this.size),
            new Float64Array(this.amsgrad ? this.size : 0),
          ]
        : null;
    this.#steps = new Float64Array(this.params.length);
  }

  /** Whether tensors' updates run on the fused WebAssembly SIMD kernel (see the `fused` option). */
  get fused(): boolean {
    return this.#kernel !== null;
  }

  /**
   * One Adam(W) update of every parameter that has a gradient.
   *
   * @example
   * ```ts
   * opt.step();
   * ```
   */
  step(): void {
    this.checkGradients(); // before any weight moves: a failed step leaves all parameters as they were
    const kernel = this.#kernel;
    if (kernel !== null && this.#inLockstep()) {
      // the usual case: every parameter a tensor with a gradient, all at the same step — one kernel call
      const t = this.#steps[0]! + 1;
      this.#steps.fill(t);
      kernel.updateAll(this.params as readonly Tensor[], this.#constants(t));
      return;
    }
    let correctedFor = -1;
    let k: AdamStepConstants | null = null;
    let offset = 0;
    for (let index = 0; index < this.params.length; index++) {
      const p = this.params[index]!;
      if (hasGradient(p)) {
        const t = (this.#steps[index] = this.#steps[index]! + 1);
        if (p instanceof Value) {
          // A Value goes through the same loop as a one-element tensor.
          this.#scalar[0] = p.data;
          this.#scalarGrad[0] = p.grad;
          this.#update(this.#scalar, this.#scalarGrad, offset, t);
          p.data = this.#scalar[0]!;
        } else if (kernel !== null) {
          if (t !== correctedFor) {
            k = this.#constants(t);
            correctedFor = t;
          }
          kernel.update(index, p.data, p.grad!.data, k!);
        } else {
          this.#update(p.data, p.grad!.data, offset, t);
        }
      }
      offset += parameterSize(p);
    }
  }

  /**
   * Step counts and moments in PyTorch's layout (`state[i]`: `step`, `exp_avg`, `exp_avg_sq` and, with
   * AMSGrad, `max_exp_avg_sq`, present once parameter `i` was stepped) and the hyper-parameters. The
   * moments are read where they live — in the fused kernel's WebAssembly memory or in JavaScript — so
   * saving costs the step nothing.
   *
   * @example
   * ```ts
   * model.forward(tensor([[0.5, -0.2]])).sum().backward();
   * adam.step();
   * const sd = adam.stateDict();
   * sd.state["0"]?.exp_avg.shape; // → [16, 2]  (the first Linear's weight)
   * ```
   */
  stateDict(): AdamStateDict {
    const [m, v, vMax] = this.#moments ?? this.#kernel!.moments();
    const state: Record<string, AdamParameterState> = {};
    let offset = 0;
    this.params.forEach((p, index) => {
      const n = parameterSize(p);
      const step = this.#steps[index]!;
      if (step > 0) {
        const shape = parameterShape(p);
        state[index] = {
          step,
          exp_avg: tensorState(shape, m, offset, n),
          exp_avg_sq: tensorState([...shape], v, offset, n),
          ...(this.amsgrad ? { max_exp_avg_sq: tensorState([...shape], vMax, offset, n) } : {}),
        };
      }
      offset += n;
    });
    return {
      state,
      param_groups: [{ lr: this.lr, ...this.#hyperParameters(), params: this.params.map((_, i) => i) }],
    };
  }

  /** The hyper-parameters under PyTorch's names, except `lr` (which a schedule may change). */
  #hyperParameters(): Omit<AdamParamGroup, "lr" | "params"> {
    return {
      betas: [...this.betas],
      eps: this.eps,
      weight_decay: this.weightDecay,
      amsgrad: this.amsgrad,
      maximize: this.maximize,
    };
  }

  /**
   * Restore step counts, moments and `lr` from {@link AdamBase.stateDict} (or PyTorch's
   * `Adam.state_dict()` with its tensors as `{ shape, data }`). All checked first; on any problem an
   * `OptimizerStateError` lists them and the optimizer is untouched. Parameters without an entry start
   * afresh (step 0, zero moments), as in PyTorch.
   *
   * @example
   * ```ts
   * const saved = JSON.stringify(adam.stateDict()); // stored with the model's weights
   * const resumed = new Adam(model.parameters(), { lr: 0.01 });
   * resumed.loadStateDict(JSON.parse(saved));
   * ```
   */
  loadStateDict(sd: unknown): void {
    const problems: string[] = [];
    const layout = checkLayout(sd, this.params.length, this.#hyperParameters(), problems);
    const staged: ({ step: number; buffers: Float64Array[] } | null)[] = this.params.map(() => null);
    const names = ["exp_avg", "exp_avg_sq", ...(this.amsgrad ? ["max_exp_avg_sq"] : [])];
    if (layout !== null) {
      this.params.forEach((p, index) => {
        const entry = layout.state[index];
        const path = `state[${index}]`;
        if (entry === undefined || !checkEntry(path, entry, problems)) return;
        checkKeys(path, entry, ["step", ...names], problems);
        const step = entry["step"];
        if (typeof step !== "number" || !Number.isInteger(step) || step < 1) {
          problems.push(expected(`${path}.step`, "an integer ≥ 1", step));
        }
        const shape = parameterShape(p);
        const buffers = names.map((name) =>
          name in entry
            ? readBuffer(`${path}.${name}`, entry[name], shape, problems, name === "exp_avg" ? -Infinity : 0)
            : (problems.push(`${path}: missing "${name}"`), null),
        );
        if (typeof step === "number" && buffers.every((b): b is Float64Array => b !== null)) {
          staged[index] = { step, buffers };
        }
      });
    }
    this.throwIfProblems(problems);
    this.lr = layout!.lr;
    const moments = this.#moments ?? this.#kernel!.moments();
    for (const buffer of moments) buffer.fill(0);
    this.#steps.fill(0);
    let offset = 0;
    this.params.forEach((p, index) => {
      const entry = staged[index];
      if (entry) {
        this.#steps[index] = entry.step;
        entry.buffers.forEach((buffer, k) => moments[k]!.set(buffer, offset));
      }
      offset += parameterSize(p);
    });
  }

  /** The fused path's numbers for step `t` (the loop computes its bias corrections per tensor). */
  #constants(t: number): AdamStepConstants {
    const [beta1, beta2] = this.betas;
    const { lr, eps, weightDecay } = this;
    return [
      beta1,
      beta2,
      -(lr / (1 - beta1 ** t)), // the loop's -stepSize
      Math.sqrt(1 - beta2 ** t),
      eps,
      weightDecay,
      1 - lr * weightDecay,
    ];
  }

  /** Whether every parameter is a tensor with a gradient and all are at the same step. */
  #inLockstep(): boolean {
    const steps = this.#steps;
    for (let index = 0; index < this.params.length; index++) {
      const p = this.params[index]!;
      if (p instanceof Value || p.grad === null || steps[index] !== steps[0]) return false;
    }
    return true;
  }

  /**
   * The update of the class comment for the scalars `weights[k]` (gradients `grads[k]`), whose moments
   * sit at `offset + k`, at step `t`. One loop per tensor: a callback per scalar would cost more than the
   * update.
   */
  #update(weights: Float64Array, grads: Float64Array, offset: number, t: number): void {
    const [beta1, beta2] = this.betas;
    const { eps, weightDecay, amsgrad, maximize, lr } = this;
    const decoupled = this.#decoupled;
    const [m, v, vMax] = this.#moments ?? this.#kernel!.moments();
    const stepSize = lr / (1 - beta1 ** t);
    const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** t);
    for (let k = 0; k < weights.length; k++) {
      const i = offset + k;
      let w = weights[k]!;
      let g = maximize ? -grads[k]! : grads[k]!;
      if (decoupled) w = w * (1 - lr * weightDecay);
      else if (weightDecay !== 0) g = g + weightDecay * w;
      const mi = (m[i] = m[i]! * beta1 + (1 - beta1) * g);
      let vi = (v[i] = v[i]! * beta2 + (1 - beta2) * g * g);
      if (amsgrad) vi = vMax[i] = Math.max(vMax[i]!, vi);
      const denom = Math.sqrt(vi) / biasCorrection2Sqrt + eps;
      weights[k] = w + (-stepSize * mi) / denom;
    }
  }
}

/**
 * Adam (`torch.optim.Adam`) with PyTorch's exact update order; `weightDecay` is an L2 penalty added to
 * the gradient. See {@link AdamBase} for the formulas.
 *
 * @example
 * ```ts
 * const opt = new Adam(model.parameters(), { lr: 0.01 });
 * opt.zeroGrad();
 * loss.backward();
 * opt.step();
 * ```
 */
export class Adam extends AdamBase {
  constructor(params: Iterable<Parameter>, options: AdamOptions = {}) {
    super("Adam", params, options, 0, false);
  }
}

/**
 * AdamW (`torch.optim.AdamW`): Adam with decoupled weight decay — each step first shrinks the weights by
 * `1 − lr·weightDecay` (default weightDecay 0.01), then takes an Adam step without the penalty.
 *
 * @example
 * ```ts
 * const opt = new AdamW(model.parameters(), { lr: 0.01, weightDecay: 0.01 });
 * opt.step();
 * ```
 */
export class AdamW extends AdamBase {
  constructor(params: Iterable<Parameter>, options: AdamOptions = {}) {
    super("AdamW", params, options, 0.01, true);
  }
}
