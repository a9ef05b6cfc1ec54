import type { EngineName } from "../lib/settings.js";

/**
 * A state dict with the key names of `engine`: the from-scratch `NeuralNetwork` names layer `i`
 * `layers.i.weight` / `layers.i.bias`; the framework's `Sequential` numbers its modules, so the `i`-th
 * `Linear` (activations between) is `2i.weight` / `2i.bias`. Both store weights out × in, so a model of
 * one engine loads into the other. Keys of neither form are left as they are (the loader names them).
 *
 * @example
 * ```ts
 * Object.keys(stateWithKeys({ "layers.1.bias": b }, "framework", 3)); // ["2.bias"]
 * ```
 */
export function stateWithKeys(state: unknown, engine: EngineName, layerCount: number): unknown {
  if (state === null || typeof state !== "object" || Array.isArray(state)) return state;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state as Record<string, unknown>)) {
    const scratch = /^layers\.(\d+)\.(weight|bias)$/.exec(key);
    const framework = /^(\d+)\.(weight|bias)$/.exec(key);
    let layer: number | null = null;
    let part = "";
    if (scratch !== null) [layer, part] = [Number(scratch[1]), scratch[2]!];
    else if (framework !== null && Number(framework[1]) % 2 === 0)
      [layer, part] = [Number(framework[1]) / 2, framework[2]!];
    if (layer === null || layer >= layerCount) out[key] = value;
    else out[engine === "scratch" ? `layers.${layer}.${part}` : `${2 * layer}.${part}`] = value;
  }
  return out;
}

/**
 * The layer sizes `[2, …hidden, classes]` a state dict describes (either engine's keys), or null when it
 * is not a chain of weight matrices from 2 inputs.
 */
export function sizesOfState(state: unknown): number[] | null {
  if (state === null || typeof state !== "object" || Array.isArray(state)) return null;
  const renamed = stateWithKeys(state, "scratch", Infinity) as Record<string, { shape?: unknown }>;
  const sizes: number[] = [];
  for (let i = 0; ; i++) {
    const shape = renamed[`layers.${i}.weight`]?.shape;
    if (shape === undefined) break;
    if (!Array.isArray(shape) || shape.length !== 2 || !shape.every((d) => Number.isInteger(d) && d > 0))
      return null;
    const [out, inp] = shape as [number, number];
    if (i === 0) sizes.push(inp);
    else if (sizes.at(-1) !== inp) return null;
    sizes.push(out);
  }
  return sizes.length >= 2 && sizes[0] === 2 ? sizes : null;
}
