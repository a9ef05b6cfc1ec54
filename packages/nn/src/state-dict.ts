import { describe } from "@neurogebra/internal";

import { ProblemListError } from "./problem-list-error.js";

/**
 * One parameter in a state dict: its shape and its numbers in row-major order (plain JSON).
 *
 * @example
 * ```ts
 * const entry: TensorState = { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] };
 * ```
 */
export interface TensorState {
  shape: number[];
  data: number[];
}

/**
 * A model's parameters by name, as plain JSON-safe data — `JSON.stringify` it, store it, load it back.
 * Names follow PyTorch (`"0.weight"`, `"layers.1.bias"`), shapes are recorded so a load can check them.
 *
 * @example
 * ```ts
 * const state: StateDict = model.stateDict();
 * Object.keys(state); // → ["0.weight", "0.bias", "2.weight", …]
 * ```
 */
export type StateDict = Record<string, TensorState>;

/**
 * What a model must offer for {@link save} / {@link load}.
 *
 * @example
 * ```ts
 * const models: HasStateDict[] = [model, net];
 * models.map((m) => Object.keys(m.stateDict()).length); // → [4, 6]
 * ```
 */
export interface HasStateDict {
  stateDict(): StateDict;
  loadStateDict(state: unknown): void;
}

/**
 * Thrown when a state dict does not fit a model. `problems` lists *every* problem found (missing and
 * unexpected keys, wrong shapes, wrong lengths, non-finite numbers); the model was left untouched.
 *
 * @example
 * ```ts
 * try { model.loadStateDict({}); } catch (e) {
 *   if (e instanceof StateDictError) console.log(e.problems); // ['missing key "0.weight"', …]
 * }
 * ```
 */
export class StateDictError extends ProblemListError {
  override readonly name = "StateDictError";

  constructor(fn: string, problems: readonly string[]) {
    super(fn, "the model", problems);
  }
}

/** A parameter slot a model exposes to the state-dict machinery. */
export interface StateSlot {
  readonly name: string;
  readonly shape: readonly number[];
  /** Current values, row-major. */
  read(): ArrayLike<number>;
  /** Overwrite with `data` (already checked: right length, all finite). */
  write(data: Float64Array): void;
}

const MAX_VALUE_PROBLEMS_PER_KEY = 3;

function formatShape(shape: unknown): string {
  return Array.isArray(shape) ? `[${shape.map((d) => JSON.stringify(d)).join(", ")}]` : JSON.stringify(shape);
}

function sameShape(expected: readonly number[], got: unknown): boolean {
  return Array.isArray(got) && got.length === expected.length && got.every((d, i) => d === expected[i]);
}

/**
 * Build a state dict from a model's slots (copies of the numbers, never live references).
 */
export function collectStateDict(slots: readonly StateSlot[]): StateDict {
  const state: StateDict = {};
  for (const slot of slots) state[slot.name] = { shape: [...slot.shape], data: Array.from(slot.read()) };
  return state;
}

/**
 * Check `state` against a model's slots and, only if everything fits, write it. Throws a
 * {@link StateDictError} listing all problems otherwise; the model is untouched in that case.
 */
export function applyStateDict(fn: string, slots: readonly StateSlot[], state: unknown): void {
  if (state === null || typeof state !== "object" || Array.isArray(state)) {
    const got = state === null ? "null" : Array.isArray(state) ? "an array" : typeof state;
    throw new StateDictError(fn, [`expected a state dict object, got ${got}`]);
  }
  const record = state as Record<string, unknown>;
  const problems: string[] = [];
  const staged: Float64Array[] = [];
  const known = new Set(slots.map((s) => s.name));
  for (const slot of slots) {
    if (!Object.prototype.hasOwnProperty.call(record, slot.name)) {
      problems.push(`missing key "${slot.name}" (shape ${formatShape(slot.shape)})`);
      continue;
    }
    const entry = record[slot.name] as { shape?: unknown; data?: unknown } | null;
    if (entry === null || typeof entry !== "object" || !("shape" in entry) || !("data" in entry)) {
      problems.push(`"${slot.name}": expected { shape, data }, got ${describe(entry)}`);
      continue;
    }
    if (!sameShape(slot.shape, entry.shape)) {
      problems.push(
        `"${slot.name}": expected shape ${formatShape(slot.shape)}, got ${formatShape(entry.shape)}`,
      );
      continue;
    }
    const size = slot.shape.reduce((a, b) => a * b, 1);
    const data = entry.data;
    if (!Array.isArray(data) && !(data instanceof Float64Array)) {
      problems.push(`"${slot.name}": expected data to be an array of ${size} numbers, got ${typeof data}`);
      continue;
    }
    if (data.length !== size) {
      problems.push(
        `"${slot.name}": expected ${size} numbers for shape ${formatShape(slot.shape)}, got ${data.length}`,
      );
      continue;
    }
    const values = new Float64Array(size);
    let bad = 0;
    for (let i = 0; i < size; i++) {
      const v: unknown = data[i];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        if (bad < MAX_VALUE_PROBLEMS_PER_KEY) {
          problems.push(
            `"${slot.name}": data[${i}] is ${typeof v === "number" ? String(v) : (JSON.stringify(v) ?? String(v))}, expected a finite number`,
          );
        }
        bad++;
      } else {
        values[i] = v;
      }
    }
    if (bad > MAX_VALUE_PROBLEMS_PER_KEY) {
      problems.push(`"${slot.name}": … and ${bad - MAX_VALUE_PROBLEMS_PER_KEY} more non-finite entries`);
    }
    staged.push(values);
  }
  for (const key of Object.keys(record)) {
    if (!known.has(key)) problems.push(`unexpected key "${key}"`);
  }
  if (problems.length > 0) throw new StateDictError(fn, problems);
  slots.forEach((slot, i) => slot.write(staged[i]!));
}

/**
 * Serialise a model's parameters to a JSON string (its {@link StateDict}). JSON has no NaN or ±Infinity
 * (`JSON.stringify` writes `null`, which `load` refuses), so a model holding one — a diverged training —
 * is a `RangeError` naming every such parameter, and nothing is written.
 *
 * @example
 * ```ts
 * const json = save(model);
 * const otherModel = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 3));
 * load(otherModel, json); // otherModel now has model's weights
 * ```
 */
export function save(model: HasStateDict): string {
  const state = model.stateDict();
  assertFiniteState("save", state);
  return JSON.stringify(state);
}

/**
 * Throw a `RangeError` naming every parameter of `state` that holds NaN or ±Infinity: JSON cannot store
 * them (it writes `null`) and `load()` refuses them, so a save must fail loudly instead of writing a file
 * that cannot be read back. `fn` names the caller in the message.
 */
export function assertFiniteState(fn: string, state: StateDict): void {
  const problems: string[] = [];
  for (const [name, { data }] of Object.entries(state)) {
    const bad = data.findIndex((v) => !Number.isFinite(v));
    if (bad === -1) continue;
    const more = data.filter((v) => !Number.isFinite(v)).length - 1;
    problems.push(`"${name}": ${data[bad]} at data[${bad}]${more > 0 ? ` and ${more} more` : ""}`);
  }
  if (problems.length > 0) {
    throw new RangeError(
      `${fn}: the model holds non-finite numbers, which JSON cannot store (it writes null) and load() ` +
        `refuses: ${problems.join("; ")}. Did the training diverge?`,
    );
  }
}

/**
 * Load parameters saved by {@link save} into `model`. Throws a {@link StateDictError} (listing every
 * problem) when the JSON is malformed or does not fit; the model is then untouched.
 *
 * @example
 * ```ts
 * const json = save(model);
 * load(model, json);
 * ```
 */
export function load(model: HasStateDict, json: string): void {
  if (typeof json !== "string") {
    throw new TypeError(`load: expected json to be a string, got ${typeof json}`);
  }
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch (error) {
    throw new StateDictError("load", [`invalid JSON: ${(error as Error).message}`]);
  }
  model.loadStateDict(state);
}
