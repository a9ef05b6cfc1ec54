import { Value } from "@neurogebra/autograd";

import type { TensorState } from "../state-dict.js";
import type { Parameter } from "./parameter.js";
import { ProblemListError } from "../problem-list-error.js";

/**
 * An optimizer's state in PyTorch's layout (`torch.optim.Optimizer.state_dict()`): `state` holds, for
 * each parameter (keyed by its index in `params`) that has been stepped, its buffers; `param_groups`
 * holds the hyper-parameters and the indices of the parameters they apply to (one group here). Plain
 * JSON: `JSON.stringify` it, store it, load it back with `loadStateDict`.
 *
 * @example
 * ```ts
 * model.forward(tensor([[0.5, -0.2]])).sum().backward();
 * adam.step();
 * const sd: OptimizerStateDict<AdamParameterState, AdamParamGroup> = adam.stateDict();
 * sd.state["0"]?.step; // → 1
 * sd.param_groups[0].params; // → [0, 1, 2, 3]  (model's four parameters)
 * ```
 */
export interface OptimizerStateDict<S, G> {
  state: Record<string, S>;
  param_groups: [G];
}

/**
 * SGD's buffer of one parameter (`null`: not started, PyTorch's `None`).
 *
 * @example
 * ```ts
 * const sgd = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
 * model.forward(tensor([[0.5, -0.2]])).sum().backward();
 * sgd.step();
 * const state: SGDParameterState | undefined = sgd.stateDict().state["0"];
 * state?.momentum_buffer?.shape; // → [16, 2]
 * ```
 */
export interface SGDParameterState {
  momentum_buffer: TensorState | null;
}

/**
 * SGD's hyper-parameters under PyTorch's names.
 *
 * @example
 * ```ts
 * const group: SGDParamGroup = new SGD(model.parameters(), { lr: 0.1 }).stateDict().param_groups[0];
 * [group.lr, group.momentum, group.params]; // → [0.1, 0, [0, 1, 2, 3]]
 * ```
 */
export interface SGDParamGroup {
  lr: number;
  momentum: number;
  dampening: number;
  weight_decay: number;
  nesterov: boolean;
  maximize: boolean;
  params: number[];
}

/**
 * Adam's / AdamW's buffers of one parameter: step count and moments (`max_exp_avg_sq` with AMSGrad).
 *
 * @example
 * ```ts
 * model.forward(tensor([[0.5, -0.2]])).sum().backward();
 * adam.step();
 * const state: AdamParameterState | undefined = adam.stateDict().state["1"];
 * [state?.step, state?.exp_avg.shape]; // → [1, [16]]
 * ```
 */
export interface AdamParameterState {
  step: number;
  exp_avg: TensorState;
  exp_avg_sq: TensorState;
  max_exp_avg_sq?: TensorState;
}

/**
 * Adam's / AdamW's hyper-parameters under PyTorch's names.
 *
 * @example
 * ```ts
 * const group: AdamParamGroup = adam.stateDict().param_groups[0];
 * [group.lr, group.betas, group.eps]; // → [0.01, [0.9, 0.999], 1e-8]
 * ```
 */
export interface AdamParamGroup {
  lr: number;
  betas: [number, number];
  eps: number;
  weight_decay: number;
  amsgrad: boolean;
  maximize: boolean;
  params: number[];
}

/**
 * `stateDict()` of {@link SGD}.
 *
 * @example
 * ```ts
 * const sd: SGDStateDict = new SGD(model.parameters(), { lr: 0.1 }).stateDict();
 * Object.keys(sd); // → ["state", "param_groups"]
 * ```
 */
export type SGDStateDict = OptimizerStateDict<SGDParameterState, SGDParamGroup>;
/**
 * `stateDict()` of {@link Adam} and {@link AdamW}.
 *
 * @example
 * ```ts
 * const sd: AdamStateDict = adam.stateDict();
 * JSON.parse(JSON.stringify(sd)).param_groups[0].lr; // → 0.01  (plain JSON)
 * ```
 */
export type AdamStateDict = OptimizerStateDict<AdamParameterState, AdamParamGroup>;

/**
 * Thrown by an optimizer's `loadStateDict` when the state does not fit it. `problems` lists every
 * problem found (layout, hyper-parameters that differ, unknown parameter indices, wrong shapes, numbers
 * that are not finite); the optimizer was left untouched.
 *
 * @example
 * ```ts
 * const sgd = new SGD(model.parameters(), { lr: 0.1 });
 * try { adam.loadStateDict(sgd.stateDict()); } catch (e) {
 *   if (e instanceof OptimizerStateError) console.log(e.problems); // ['param_groups[0]: missing "betas"', …]
 * }
 * ```
 */
export class OptimizerStateError extends ProblemListError {
  override readonly name = "OptimizerStateError";

  constructor(fn: string, problems: readonly string[]) {
    super(fn, "this optimizer", problems);
  }
}

/** The shape a parameter's buffers have in a state dict: `[]` for a `Value` (PyTorch's 0-d tensor). */
export function parameterShape(p: Parameter): number[] {
  return p instanceof Value ? [] : [...p.shape];
}

/** `{ shape, data }` of `length` numbers of `source` from `offset` (a copy). */
export function tensorState(
  shape: number[],
  source: Float64Array,
  offset: number,
  length: number,
): TensorState {
  return { shape, data: Array.from(source.subarray(offset, offset + length)) };
}

function show(x: unknown): string {
  if (typeof x === "number") return String(x);
  if (x === undefined) return "undefined";
  return JSON.stringify(x) ?? typeof x;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === "object" && !Array.isArray(x);

/**
 * Checks a state dict's outer layout against an optimizer of `count` parameters and hyper-parameters
 * `expected` (every key except `lr` must equal; `lr` is taken from the file, as a schedule may have
 * changed it). Pushes problems; returns the `state` record and the group's `lr` when the layout is sound.
 */
export function checkLayout(
  sd: unknown,
  count: number,
  expected: Record<string, number | boolean | readonly number[]>,
  problems: string[],
): { state: Record<string, unknown>; lr: number } | null {
  if (!isRecord(sd)) {
    problems.push(
      `expected a state dict { state, param_groups }, got ${Array.isArray(sd) ? "an array" : show(sd)}`,
    );
    return null;
  }
  for (const key of Object.keys(sd)) {
    if (key !== "state" && key !== "param_groups") problems.push(`unexpected key "${key}"`);
  }
  const { state, param_groups: groups } = sd;
  if (!isRecord(state))
    problems.push(`expected "state" to be an object keyed by parameter index, got ${show(state)}`);
  if (!Array.isArray(groups) || groups.length !== 1) {
    problems.push(`expected "param_groups" to be a list of one group, got ${show(groups)}`);
    return null;
  }
  const group: unknown = groups[0];
  if (!isRecord(group)) {
    problems.push(`expected param_groups[0] to be an object, got ${show(group)}`);
    return null;
  }
  const lr = group["lr"];
  if (typeof lr !== "number" || !Number.isFinite(lr) || lr < 0) {
    problems.push(`param_groups[0].lr: expected a finite number ≥ 0, got ${show(lr)}`);
  }
  for (const [key, want] of Object.entries(expected)) {
    if (!(key in group)) {
      problems.push(`param_groups[0]: missing "${key}"`);
      continue;
    }
    const got = group[key];
    const same = Array.isArray(want)
      ? Array.isArray(got) && got.length === want.length && want.every((w, i) => w === got[i])
      : got === want;
    if (!same) {
      problems.push(
        `param_groups[0].${key}: this optimizer has ${show(want)}, the state dict ${show(got)} ` +
          `(construct the optimizer with the saved hyper-parameters)`,
      );
    }
  }
  const params = group["params"];
  if (!Array.isArray(params) || params.length !== count || params.some((p, i) => p !== i)) {
    problems.push(
      `param_groups[0].params: expected the indices [0, …, ${count - 1}] of this optimizer's ${count} parameters, got ${show(params)}`,
    );
  }
  const known = new Set([...Object.keys(expected), "lr", "params"]);
  for (const key of Object.keys(group)) {
    // PyTorch's implementation switches carry no state: accepted and ignored. So is `initial_lr`, which a
    // torch.optim.lr_scheduler adds to the group: our schedulers keep it in their own state (`base_lrs`).
    const ignored = ["foreach", "differentiable", "capturable", "fused", "initial_lr"];
    if (!known.has(key) && !ignored.includes(key)) {
      problems.push(`param_groups[0]: unexpected key "${key}"`);
    }
  }
  if (!isRecord(state) || typeof lr !== "number") return null;
  for (const key of Object.keys(state)) {
    const index = Number(key);
    if (!/^(0|[1-9]\d*)$/.test(key) || index >= count) {
      problems.push(`state: unexpected key "${key}" (expected a parameter index in [0, ${count - 1}])`);
    }
  }
  return { state, lr };
}

/**
 * The buffer `entry` (`{ shape, data }`) of a parameter of shape `shape`, as a Float64Array, or null
 * after pushing the problem. `min` bounds the numbers from below (0 for second moments).
 */
export function readBuffer(
  path: string,
  entry: unknown,
  shape: readonly number[],
  problems: string[],
  min = -Infinity,
): Float64Array | null {
  if (!isRecord(entry) || !("shape" in entry) || !("data" in entry)) {
    problems.push(`${path}: expected { shape, data }, got ${show(entry)}`);
    return null;
  }
  const got = entry["shape"];
  if (!Array.isArray(got) || got.length !== shape.length || shape.some((d, i) => d !== got[i])) {
    problems.push(`${path}: expected shape ${show(shape)} (the parameter's), got ${show(got)}`);
    return null;
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const data = entry["data"];
  if (!(Array.isArray(data) || data instanceof Float64Array) || data.length !== size) {
    problems.push(
      `${path}: expected data of ${size} numbers, got ${Array.isArray(data) ? data.length : show(data)}`,
    );
    return null;
  }
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const v: unknown = data[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v < min) {
      problems.push(`${path}: data[${i}] is ${show(v)}, expected a finite number${min === 0 ? " ≥ 0" : ""}`);
      return null;
    }
    out[i] = v;
  }
  return out;
}

/** Whether a state entry is a record; pushes a problem otherwise. */
export function checkEntry(
  path: string,
  entry: unknown,
  problems: string[],
): entry is Record<string, unknown> {
  if (isRecord(entry)) return true;
  problems.push(`${path}: expected an object, got ${show(entry)}`);
  return false;
}

/** Pushes a problem for every key of `entry` outside `allowed`. */
export function checkKeys(
  path: string,
  entry: Record<string, unknown>,
  allowed: readonly string[],
  problems: string[],
): void {
  for (const key of Object.keys(entry)) {
    if (!allowed.includes(key)) problems.push(`${path}: unexpected key "${key}"`);
  }
}
