/**
 * Global autograd switches shared by `Value` and `Tensor`, like PyTorch's grad mode and anomaly mode.
 * This is the package's only mutable module state; importing it changes nothing.
 */
import { expected } from "@neurogebra/internal";

const mode = { enabled: true, anomaly: false };

/**
 * Run `fn` without recording a graph: results have no parents and `backward()` through them is a no-op.
 * Use it for evaluation and decision grids. Nests, and restores the previous mode even if `fn` throws.
 *
 * @example
 * ```ts
 * const y = noGrad(() => new Value(2).mul(3)); // y.data === 6, no graph kept
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  if (typeof fn !== "function") {
    throw new TypeError(expected("noGrad", "fn to be a function", fn));
  }
  const previous = mode.enabled;
  mode.enabled = false;
  try {
    return fn();
  } finally {
    mode.enabled = previous;
  }
}

/**
 * Whether operations currently record a graph (false inside `noGrad`).
 *
 * @example
 * ```ts
 * isGradEnabled(); // → true
 * noGrad(() => isGradEnabled()); // → false
 * ```
 */
export function isGradEnabled(): boolean {
  return mode.enabled;
}

/**
 * Turn anomaly mode on or off. When on, the first op whose result is NaN or ±Infinity throws an
 * {@link AnomalyError} naming the op, its inputs and where it was called from. Off by default (it costs time).
 *
 * @example
 * ```ts
 * detectAnomaly(true);
 * new Value(0).log(); // AnomalyError: log produced -Infinity in the forward pass from inputs [0] …
 * detectAnomaly(false);
 * ```
 */
export function detectAnomaly(enabled: boolean): void {
  if (typeof enabled !== "boolean") {
    throw new TypeError(expected("detectAnomaly", "enabled to be a boolean", enabled));
  }
  mode.anomaly = enabled;
}

/**
 * Whether anomaly mode is on.
 *
 * @example
 * ```ts
 * isAnomalyEnabled(); // → false  (until detectAnomaly(true))
 * ```
 */
export function isAnomalyEnabled(): boolean {
  return mode.anomaly;
}

/**
 * Thrown in anomaly mode by the first op that produces NaN or ±Infinity.
 *
 * @example
 * ```ts
 * try { new Value(-1).log(); } catch (e) { if (e instanceof AnomalyError) console.log(e.op); } // "log"
 * ```
 */
export class AnomalyError extends Error {
  override readonly name = "AnomalyError";
  /** The op that produced the non-finite value, e.g. `"log"`. */
  readonly op: string;
  /** Short descriptions of the op's inputs (numbers, or shapes for tensors). */
  readonly inputs: readonly string[];

  constructor(
    op: string,
    result: string,
    inputs: readonly string[],
    phase: "forward" | "backward" = "forward",
  ) {
    super(
      `${op} produced ${result} in the ${phase} pass from inputs [${inputs.join(", ")}]` +
        ` (anomaly mode; the stack below shows where the op was called)`,
    );
    this.op = op;
    this.inputs = inputs;
  }
}
