import { Tensor } from "@neurogebra/autograd";

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
 * new SpiralNet().namedParameters().map(([name]) => name); // ["network.0.weight", "network.0.bias", …]
 * ```
 */
export abstract class Module {
  /** `true` after `train()`, `false` after `eval()` (for layers that behave differently, e.g. dropout). */
  training = true;
  readonly #parameters = new Map<string, Tensor>();
  readonly #children = new Map<string, Module>();

  /** Map an input batch to an output batch. */
  abstract forward(x: Tensor): Tensor;

  /**
   * Register `tensor` as a parameter under `name` (it gets `requiresGrad = true`) and return it.
   *
   * @example
   * ```ts
   * this.weight = this.registerParameter("weight", zeros([3, 2]));
   * ```
   */
  protected registerParameter(name: string, tensor: Tensor): Tensor {
    checkName(this, name, this.#parameters, this.#children);
    if (!(tensor instanceof Tensor)) {
      throw new TypeError(`${this.constructor.name}.registerParameter: expected "${name}" to be a Tensor`);
    }
    tensor.requiresGrad = true;
    this.#parameters.set(name, tensor);
    return tensor;
  }

  /**
   * Register `module` as a child under `name` and return it.
   *
   * @example
   * ```ts
   * this.body = this.registerModule("body", new Sequential(new Linear(2, 3, { rng }), new ReLU()));
   * ```
   */
  protected registerModule<M extends Module>(name: string, module: M): M {
    checkName(this, name, this.#parameters, this.#children);
    if (!(module instanceof Module)) {
      throw new TypeError(`${this.constructor.name}.registerModule: expected "${name}" to be a Module`);
    }
    this.#children.set(name, module);
    return module;
  }

  /**
   * Every parameter with its dotted path, own parameters first, then each child's in registration order.
   *
   * @example
   * ```ts
   * new Linear(2, 3, { rng }).namedParameters().map(([n, t]) => [n, t.shape]); // [["weight", [3, 2]], ["bias", [3]]]
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
   * The direct children with their names.
   *
   * @example
   * ```ts
   * new Sequential(new Linear(2, 3, { rng }), new ReLU()).namedChildren().map(([n]) => n); // ["0", "1"]
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
   * model.modules().filter((m) => m instanceof Linear).length; // 3 for the tutorial's network
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
   * model.train(); model.training; // true
   * ```
   */
  train(mode = true): this {
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  /**
   * Evaluation mode: `train(false)`.
   *
   * @example
   * ```ts
   * model.eval(); model.training; // false
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
   * The parameters as a JSON-safe {@link StateDict} keyed by `namedParameters()` names, shapes recorded.
   *
   * @example
   * ```ts
   * Object.keys(model.stateDict()); // ["0.weight", "0.bias", "2.weight", …]
   * ```
   */
  stateDict(): StateDict {
    return collectStateDict(this.#slots());
  }

  /**
   * Overwrite the parameters from a {@link StateDict}. Everything is checked first (missing and
   * unexpected keys, shapes, lengths, finite numbers); on any problem a `StateDictError` lists them all
   * and the module is left untouched.
   *
   * @example
   * ```ts
   * copy.loadStateDict(model.stateDict());
   * ```
   */
  loadStateDict(state: unknown): void {
    applyStateDict(`${this.constructor.name}.loadStateDict`, this.#slots(), state);
  }

  /** A short representation, e.g. `ReLU()`; containers list their children. */
  toString(): string {
    return `${this.constructor.name}()`;
  }

  #slots(): StateSlot[] {
    return this.namedParameters().map(([name, p]) => ({
      name,
      shape: p.shape,
      read: () => p.data,
      write: (data) => p.data.set(data),
    }));
  }
}

function checkName(
  owner: Module,
  name: string,
  parameters: Map<string, Tensor>,
  children: Map<string, Module>,
): void {
  if (typeof name !== "string" || name === "" || name.includes(".")) {
    throw new RangeError(
      `${owner.constructor.name}: expected a non-empty name without ".", got ${JSON.stringify(name)}`,
    );
  }
  if (parameters.has(name) || children.has(name)) {
    throw new RangeError(`${owner.constructor.name}: the name "${name}" is already registered`);
  }
}
