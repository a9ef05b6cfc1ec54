import { Value, dot } from "@neurogebra/autograd";
import { defaultRng } from "@neurogebra/random";
import type { Rng } from "@neurogebra/random";

import { checkInteger, checkRng as rngWith, describe, expected } from "@neurogebra/internal";

/**
 * The activations a from-scratch neuron knows (the tutorial's, plus `sigmoid`).
 *
 * @example
 * ```ts
 * const activations: Activation[] = ["relu", "tanh", "linear"];
 * console.log(new NeuralNetwork([2, 4, 4, 3], { activations, rng: new PythonRandom(42) }).summary().split("\n")[2]);
 * //   Activations:  ['relu', 'tanh', 'linear']
 * ```
 */
export type Activation = "relu" | "tanh" | "sigmoid" | "linear";

const ACTIVATIONS: readonly Activation[] = ["relu", "tanh", "sigmoid", "linear"];

/**
 * Options of {@link Neuron} (and of {@link Layer}).
 *
 * @example
 * ```ts
 * const options: NeuronOptions = { activation: "tanh", rng: new PythonRandom(42) };
 * new Neuron(2, options).parameters().length; // → 3
 * ```
 */
export interface NeuronOptions {
  /** Applied after `w·x + b` (default `"relu"`, as in the tutorial). */
  activation?: Activation;
  /**
   * Source of the initial weights (e.g. `new PythonRandom(42)` to get the tutorial's weights); default:
   * the shared default generator (`manualSeed` of `@neurogebra/random`).
   */
  rng?: Rng;
}

/** Check an activation name; shared by Neuron, Layer and NeuralNetwork so the messages agree. */
export function checkActivation(fn: string, name: string, activation: unknown): Activation {
  if (!ACTIVATIONS.includes(activation as Activation)) {
    throw new RangeError(
      expected(fn, `${name} to be one of ${ACTIVATIONS.map((a) => `"${a}"`).join(", ")}`, activation),
    );
  }
  return activation as Activation;
}

/** Check that `n` is a positive integer size. */
export function checkSize(fn: string, name: string, n: unknown): number {
  return checkInteger(fn, name, n, { min: 1, what: "a positive integer" });
}

/**
 * The `{ rng }` option: anything with `uniform(low, high)` will do; when absent (or no options at all),
 * the shared default generator of `@neurogebra/random` (`manualSeed`).
 */
export function checkRng(fn: string, options: unknown): Rng {
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw new TypeError(expected(fn, "an options object", options));
  }
  const rng = (options as { rng?: unknown } | undefined)?.rng;
  if (rng === undefined) return defaultRng();
  return rngWith<Rng>(fn, "options.rng", rng, ["uniform"]);
}

/**
 * A single neuron, exactly as the tutorial writes it: `activation(w·x + b)`.
 *
 * Initialisation (Xavier/Glorot uniform with fan-in + 1): `limit = √(6 / (nInputs + 1))`, each weight
 * `rng.uniform(-limit, limit)` in order, bias 0. (Python computes `(6 / (n + 1)) ** 0.5` with C's `pow`;
 * `Math.sqrt` is correctly rounded and equals it for the tutorial's sizes — glibc's `pow(x, 0.5)` is 1 ulp
 * off for a few rare inputs, the first being nInputs = 729.)
 *
 * Forward: `b + w0·x0 + w1·x1 + …` summed left to right from the bias — the order of Python's
 * `sum((wi * xi for …), self.b)` — so the result is bit-for-bit the tutorial's.
 *
 * @example
 * ```ts
 * const n = new Neuron(2, { activation: "relu", rng: new PythonRandom(42) });
 * n.w.map((w) => w.data); // → [0.39435853867479875, -1.3434724638909166]  (Python's draws)
 * n.forward([new Value(1), new Value(2)]).data; // → 0  (relu(0 + 0.394… − 2.686…))
 * ```
 */
export class Neuron {
  /** Weights, one per input. */
  readonly w: Value[];
  /** Bias. */
  readonly b: Value;
  /** The activation applied after the weighted sum. */
  readonly activation: Activation;

  constructor(nInputs: number, options: NeuronOptions = {}) {
    checkSize("Neuron", "nInputs", nInputs);
    const rng = checkRng("Neuron", options);
    this.activation = checkActivation("Neuron", "options.activation", options.activation ?? "relu");
    const limit = Math.sqrt(6 / (nInputs + 1));
    this.w = [];
    for (let i = 0; i < nInputs; i++) this.w.push(new Value(rng.uniform(-limit, limit)));
    this.b = new Value(0);
  }

  /** Number of inputs. */
  get nInputs(): number {
    return this.w.length;
  }

  /**
   * `activation(b + Σ wᵢ·xᵢ)` for one input vector (numbers are treated as constants).
   *
   * @example
   * ```ts
   * neuron.forward([new Value(0.5), new Value(-1)]).data; // → 1.5406517332283158
   * ```
   */
  forward(x: readonly (Value | number)[]): Value {
    if (!Array.isArray(x) || x.length !== this.w.length) {
      const got = Array.isArray(x) ? `${x.length} inputs` : describe(x);
      throw new RangeError(
        `Neuron.forward: expected x to be an array of ${this.w.length} inputs, got ${got}`,
      );
    }
    const raw = dot(this.w, x, this.b);
    switch (this.activation) {
      case "relu":
        return raw.relu();
      case "tanh":
        return raw.tanh();
      case "sigmoid":
        return raw.sigmoid();
      case "linear":
        return raw;
      default: {
        const never: never = this.activation;
        throw new RangeError(`Neuron.forward: unknown activation ${String(never)}`);
      }
    }
  }

  /**
   * The live parameters: weights, then the bias (the tutorial's `self.w + [self.b]`).
   *
   * @example
   * ```ts
   * new Neuron(2, { rng }).parameters().length; // → 3
   * ```
   */
  parameters(): Value[] {
    return [...this.w, this.b];
  }
}
