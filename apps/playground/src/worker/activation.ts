import { LeakyReLU, ReLU, Sigmoid, Tanh } from "@neurogebra/nn";
import type { Module } from "@neurogebra/nn";

import type { ActivationName } from "../lib/settings.js";

/** Slope of the leaky ReLU for negative inputs (PyTorch's default). */
export const LEAKY_SLOPE = 0.01;

/** What `Value` and `Tensor` share: the activations as methods. */
interface Activatable<T> {
  relu(): T;
  tanh(): T;
  sigmoid(): T;
  leakyRelu(alpha: number): T;
}

/** The activation applied to a `Value` or a `Tensor` (both have it as a method). */
export function activate<T extends Activatable<T>>(name: ActivationName, z: T): T {
  switch (name) {
    case "relu":
      return z.relu();
    case "tanh":
      return z.tanh();
    case "sigmoid":
      return z.sigmoid();
    case "leaky-relu":
      return z.leakyRelu(LEAKY_SLOPE);
    default: {
      const never: never = name;
      throw new RangeError(`activate: unknown activation ${String(never)}`);
    }
  }
}

/** The activation as a framework module. */
export function activationModule(name: ActivationName): Module {
  const modules: Record<ActivationName, () => Module> = {
    relu: () => new ReLU(),
    tanh: () => new Tanh(),
    sigmoid: () => new Sigmoid(),
    "leaky-relu": () => new LeakyReLU(LEAKY_SLOPE),
  };
  return modules[name]();
}
