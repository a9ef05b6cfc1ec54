import { expected } from "@neurogebra/internal";

import type { Optimizer } from "./optimizers/optimizer.js";
import type { OptimizerStateDict } from "./optimizers/optimizer-state.js";
import { assertFiniteState } from "./state-dict.js";
import type { HasStateDict, StateDict, TensorState } from "./state-dict.js";

/**
 * Everything needed to resume training exactly: the model's parameters, the optimizer's state and
 * whatever the training loop wants back (epoch, RNG state, history…), as plain JSON.
 *
 * @example
 * ```ts
 * const saved: Checkpoint = JSON.parse(saveCheckpoint(model, opt, { epoch: 10 }));
 * saved.optimizer.param_groups[0]; // → { lr: 0.01, betas: [0.9, 0.999], … }
 * ```
 */
export interface Checkpoint {
  format: "neurogebra-checkpoint";
  version: 1;
  model: StateDict;
  optimizer: OptimizerStateDict<unknown, unknown>;
  extra: Record<string, unknown>;
}

/**
 * Thrown by {@link loadCheckpoint} when the text is not a checkpoint at all (invalid JSON, another
 * format or version). A checkpoint that does not fit the model or the optimizer throws their own
 * `StateDictError` / `OptimizerStateError` instead. In every case nothing was changed.
 *
 * @example
 * ```ts
 * try { loadCheckpoint(model, opt, "{}"); } catch (e) { e instanceof CheckpointError; } // true
 * ```
 */
export class CheckpointError extends Error {
  override readonly name = "CheckpointError";
}

/**
 * Save a model and its optimizer together (and `extra`, e.g. the epoch) as one JSON string. Numbers
 * are written with JavaScript's shortest round-trip form, so loading gives back every bit. A weight or
 * an optimizer buffer holding NaN or ±Infinity (a diverged run) is a `RangeError` naming it: JSON would
 * write `null`, which {@link loadCheckpoint} refuses.
 *
 * @example
 * ```ts
 * const json = saveCheckpoint(model, adam, { epoch: 10 });
 * writeFileSync("checkpoint.json", json);
 * ```
 */
export function saveCheckpoint(
  model: HasStateDict,
  optimizer: Optimizer,
  extra: Record<string, unknown> = {},
): string {
  const checkpoint: Checkpoint = {
    format: "neurogebra-checkpoint",
    version: 1,
    model: model.stateDict(),
    optimizer: optimizer.stateDict(),
    extra,
  };
  assertFiniteState("saveCheckpoint", checkpoint.model);
  assertFiniteOptimizerState(checkpoint.optimizer);
  return JSON.stringify(checkpoint);
}

/** The optimizer's buffers (momentum, moments) must be finite for the same reason as the weights. */
function assertFiniteOptimizerState(sd: OptimizerStateDict<unknown, unknown>): void {
  const problems: string[] = [];
  for (const [index, entry] of Object.entries(sd.state)) {
    for (const [key, buffer] of Object.entries(entry as Record<string, unknown>)) {
      const data = (buffer as Partial<TensorState> | null)?.data;
      if (!Array.isArray(data)) continue;
      const bad = data.findIndex((v) => !Number.isFinite(v));
      if (bad !== -1) problems.push(`state[${index}].${key}: ${data[bad]} at data[${bad}]`);
    }
  }
  if (problems.length > 0) {
    throw new RangeError(
      `saveCheckpoint: the optimizer holds non-finite numbers, which JSON cannot store (it writes null) ` +
        `and loadCheckpoint() refuses: ${problems.join("; ")}. Did the training diverge?`,
    );
  }
}

/**
 * Load a checkpoint written by {@link saveCheckpoint} into `model` and `optimizer` (built as when it was
 * saved, over `model.parameters()`); returns its `extra`. Both or neither: if the model's part does not
 * fit after the optimizer's was loaded, the optimizer is put back as it was before the error is thrown.
 *
 * @example
 * ```ts
 * const buildModel = () => new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 3));
 * const trained = buildModel();
 * writeFileSync("checkpoint.json", saveCheckpoint(trained, new Adam(trained.parameters(), { lr: 0.01 }), { epoch: 10 }));
 * // … later, in another process …
 * const model = buildModel();
 * const adam = new Adam(model.parameters(), { lr: 0.01 });
 * const { epoch } = loadCheckpoint(model, adam, readFileSync("checkpoint.json", "utf8"));
 * epoch; // → 10
 * ```
 */
export function loadCheckpoint(
  model: HasStateDict,
  optimizer: Optimizer,
  json: string | Checkpoint,
): Record<string, unknown> {
  let parsed: unknown = json;
  if (typeof json === "string") {
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new CheckpointError(`loadCheckpoint: invalid JSON (${(error as Error).message})`);
    }
  }
  const checkpoint = parsed as Partial<Checkpoint> | null;
  if (
    checkpoint === null ||
    typeof checkpoint !== "object" ||
    checkpoint.format !== "neurogebra-checkpoint" ||
    checkpoint.version !== 1
  ) {
    throw new CheckpointError(
      `loadCheckpoint: expected a checkpoint { format: "neurogebra-checkpoint", version: 1, … }, got ` +
        `${JSON.stringify(checkpoint)?.slice(0, 80) ?? typeof checkpoint}`,
    );
  }
  const extra = checkpoint.extra ?? {};
  if (extra === null || typeof extra !== "object" || Array.isArray(extra)) {
    throw new CheckpointError(expected("loadCheckpoint", "extra to be an object", extra));
  }
  const before = optimizer.stateDict();
  optimizer.loadStateDict(checkpoint.optimizer);
  try {
    model.loadStateDict(checkpoint.model);
  } catch (error) {
    optimizer.loadStateDict(before);
    throw error;
  }
  return extra;
}
