import type { Tensor } from "@neurogebra/autograd";

import { expected } from "@neurogebra/internal";
import { expectTensor } from "./expect-tensor.js";
import { applyStateDict, collectStateDict } from "./state-dict.js";
import type { StateDict, StateSlot } from "./state-dict.js";

/**
 * Base class of the framework-style layers (PyTorch's `nn.Module`): a module owns named `Tensor`
 * parameters and named child modules, and maps an input tensor to an output tensor in `forward`.
 * Subclasses register what they own with `registerParameter` / `registerModule` in their constructor;
 * names then follow PyTorch (`"0.weight"`, `"network.2.bias"`).
 *
 * @example
 * ```ts
 * class SpiralNet extends Module {
 *   readonly network = this.registerModule("network", new Sequential(
 *     new Linear(2, 16, { rng }), new ReLU(), new Linear(16, 3, { rng })));
 *   forward(x: Tensor): Tensor { return this.network.forward(x); }
 * }
 * new SpiralNet().namedParameters().map(([name]) => name); // → ["network.0.weight", "network.0.bias", …]
 * ```
 */
export abstract class Module {
  /** `true` after `train()`, `false` after `eval()` (for layers that behave differently, e.g. dropout). */
  training = true;
  readonly #parameters = new Map<string, Tensor>();
  readonly #buffers = new Map<string, Tensor>();
  readonly #children = new Map<string, Module>();

  /** Map an input batch to an output batch. */
  abstract forward(x: Tensor): Tensor;

  /**
   * Register `tensor` as a parameter under `name` (it gets `requiresGrad = true`) and return it.
   *
   * @example
   * ```ts
   * class Affine extends Module {
   *   weight = this.registerParameter("weight", zeros([3, 2]));
   *   forward(x: Tensor): Tensor {
   *     return linear(x, this.weight);
   *   }
   * }
   * new Affine().namedParameters().map(([name]) => name); // → ["weight"]
   * ```
   */
  protected registerParameter(name: string, tensor: Tensor): Tensor {
    this.#checkName(name);
    expectTensor(`${this.constructor.name}.registerParameter`, tensor, `"${name}"`);
    tensor.requiresGrad = true;
    this.#parameters.set(name, tensor);
    return tensor;
  }

  /**
   * Register `tensor` as a buffer under `name` and return it (PyTorch's `register_buffer`): state that
   * is not learned — no gradient, not in `parameters()` — but saved in `stateDict()`, like BatchNorm's
   * running statistics.
   *
   * @example
   * ```ts
   * class Center extends Module {
   *   runningMean = this.registerBuffer("running_mean", zeros([3]));
   *   forward(x: Tensor): Tensor {
   *     return x.sub(this.runningMean);
   *   }
   * }
   * Object.keys(new Center().stateDict()); // → ["running_mean"]
   * ```
   */
  protected registerBuffer(name: string, tensor: Tensor): Tensor {
    this.#checkName(name);
    expectTensor(`${this.constructor.name}.registerBuffer`, tensor, `"${name}"`);
    tensor.requiresGrad = false;
    this.#buffers.set(name, tensor);
    return tensor;
  }

  /**
   * Register `module` as a child under `name` and return it.
   *
   * @example
   * ```ts
   * class Net extends Module {
   *   body = this.registerModule("body", new Sequential(new Linear(2, 3, { rng }), new ReLU()));
   *   forward(x: Tensor): Tensor {
   *     return this.body.forward(x);
   *   }
   * }
   * new Net().namedParameters().map(([name]) => name); // → ["body.0.weight", "body.0.bias"]
   * ```
   */
  protected registerModule<M extends Module>(name: string, module: M): M {
    this.#checkName(name);
    if (!(module instanceof Module)) {
      throw new TypeError(
        expected(`${this.constructor.name}.registerModule`, `"${name}" to be a Module`, module),
      );
    }
    this.#children.set(name, module);
    return module;
  }

  /**
   * Every parameter with its dotted path, own parameters first, then each child's in registration order.
   *
   * @example
   * ```ts
   * new Linear(2, 3, { rng }).namedParameters().map(([n, t]) => [n, t.shape]); // → [["weight", [3, 2]], ["bias", [3]]]
   * ```
   */
  namedParameters(): [string, Tensor][] {
    const out: [string, Tensor][] = [...this.#parameters];
    for (const [childName, child] of this.#children) {
      for (const [name, p] of child.namedParameters()) out.push([`${childName}.${name}`, p]);
    }
    return out;
  }

  /**
   * The live parameter tensors (what an optimizer updates), in `namedParameters()` order.
   *
   * @example
   * ```ts
   * const opt = new Adam(model.parameters(), { lr: 0.01 });
   * ```
   */
  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /**
   * Every buffer with its dotted path, own buffers first, then each child's (PyTorch's `named_buffers`).
   *
   * @example
   * ```ts
   * new BatchNorm1d(3).namedBuffers().map(([n]) => n); // → ["running_mean", "running_var", "num_batches_tracked"]
   * ```
   */
  namedBuffers(): [string, Tensor][] {
    const out: [string, Tensor][] = [...this.#buffers];
    for (const [childName, child] of this.#children) {
      for (const [name, b] of child.namedBuffers()) out.push([`${childName}.${name}`, b]);
    }
    return out;
  }

  /**
   * The live buffer tensors, in `namedBuffers()` order.
   *
   * @example
   * ```ts
   * new Sequential(new Linear(2, 3), new BatchNorm1d(3)).buffers().length; // → 3  (per BatchNorm1d)
   * ```
   */
  buffers(): Tensor[] {
    return this.namedBuffers().map(([, b]) => b);
  }

  /**
   * The direct children with their names.
   *
   * @example
   * ```ts
   * new Sequential(new Linear(2, 3, { rng }), new ReLU()).namedChildren().map(([n]) => n); // → ["0", "1"]
   * ```
   */
  namedChildren(): [string, Module][] {
    return [...this.#children];
  }

  /**
   * This module and all its descendants, depth first (PyTorch's `modules()`).
   *
   * @example
   * ```ts
   * model.modules().filter((m) => m instanceof Linear).length; // → 2
   * ```
   */
  modules(): Module[] {
    return [this, ...[...this.#children.values()].flatMap((child) => child.modules())];
  }

  /**
   * Put this module and its descendants in training mode (`mode = true`) or evaluation mode.
   *
   * @example
   * ```ts
   * model.train(); model.training; // → true
   * ```
   */
  train(mode = true): this {
    if (typeof mode !== "boolean") {
      throw new TypeError(expected(`${this.constructor.name}.train`, "mode to be a boolean", mode));
    }
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  /**
   * Evaluation mode: `train(false)`.
   *
   * @example
   * ```ts
   * model.eval(); model.training; // → false
   * ```
   */
  eval(): this {
    return this.train(false);
  }

  /**
   * Zero every parameter's gradient.
   *
   * @example
   * ```ts
   * model.zeroGrad();
   * ```
   */
  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  /**
   * The parameters and buffers as a JSON-safe {@link StateDict}, shapes recorded, in PyTorch's order:
   * each module's parameters, then its buffers, then its children's entries (`"1.weight"`, `"1.bias"`,
   * `"1.running_mean"`, …).
   *
   * @example
   * ```ts
   * Object.keys(model.stateDict()); // → ["0.weight", "0.bias", "2.weight", …]
   * ```
   */
  stateDict(): StateDict {
    return collectStateDict(this.#slots());
  }

  /**
   * Overwrite the parameters and buffers from a {@link StateDict}. Everything is checked first (missing and
   * unexpected keys, shapes, lengths, finite numbers); on any problem a `StateDictError` lists them all
   * and the module is left untouched.
   *
   * @example
   * ```ts
   * const copy = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 3));
   * copy.loadStateDict(model.stateDict());
   * copy.forward(tensor([[1, 2]])).sub(model.forward(tensor([[1, 2]]))).abs().sum().item(); // → 0
   * ```
   */
  loadStateDict(state: unknown): void {
    applyStateDict(`${this.constructor.name}.loadStateDict`, this.#slots(), state);
  }

  /** A short representation, e.g. `ReLU()`; containers list their children. */
  toString(): string {
    return `${this.constructor.name}()`;
  }

  /** State-dict slots in PyTorch's order: own parameters, own buffers, then each child's, depth first. */
  #slots(prefix = ""): StateSlot[] {
    const slot = (name: string, t: Tensor): StateSlot => ({
      name: prefix + name,
      shape: t.shape,
      read: () => t.data,
      write: (data) => t.data.set(data),
    });
    return [
      ...[...this.#parameters].map(([name, p]) => slot(name, p)),
      ...[...this.#buffers].map(([name, b]) => slot(name, b)),
      ...[...this.#children].flatMap(([name, child]) => child.#slots(`${prefix}${name}.`)),
    ];
  }

  #checkName(name: string): void {
    if (typeof name !== "string" || name === "" || name.includes(".")) {
      throw new RangeError(expected(this.constructor.name, `a non-empty name without "."`, name));
    }
    if (this.#parameters.has(name) || this.#buffers.has(name) || this.#children.has(name)) {
      throw new RangeError(`${this.constructor.name}: the name "${name}" is already registered`);
    }
  }
}
