import type { Tensor, Value } from "@neurogebra/autograd";
import { LeakyReLU, ReLU, Sigmoid, Tanh } from "@neurogebra/nn";
import type { Module } from "@neurogebra/nn";

import type { ActivationName } from "../lib/settings.js";

/** Slope of the leaky ReLU for negative inputs (PyTorch's default). */
export const LEAKY_SLOPE = 0.01;

/** The activation as a framework module. */
export function activationModule(name: ActivationName): Module {
  switch (name) {
    case "relu":
      return new ReLU();
    case "tanh":
      return new Tanh();
    case "sigmoid":
      return new Sigmoid();
    case "leaky-relu":
      return new LeakyReLU(LEAKY_SLOPE);
    default: {
      const never: never = name;
      throw new RangeError(`activationModule: unknown activation ${String(never)}`);
    }
  }
}

/** The activation applied to one `Value`. */
export function activateValue(name: ActivationName, z: Value): Value {
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
      throw new RangeError(`activateValue: unknown activation ${String(never)}`);
    }
  }
}

/** The activation applied to a tensor. */
export function activateTensor(name: ActivationName, z: Tensor): Tensor {
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
      throw new RangeError(`activateTensor: unknown activation ${String(never)}`);
    }
  }
}
