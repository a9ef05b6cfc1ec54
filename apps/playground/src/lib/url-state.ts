import {
  ACTIVATIONS,
  DATASETS,
  ENGINES,
  OPTIMIZERS,
  PRESETS,
  RNG_MODES,
  defaultSettings,
  layersProblem,
  numericProblem,
} from "./settings.js";
import type { AddedPoint, NumericSetting, Settings } from "./settings.js";

/** Settings read from a URL, and one readable line per parameter that could not be used. */
export interface UrlState {
  settings: Settings;
  /** `autoplay=1`: start training once the page has loaded. */
  autoplay: boolean;
  problems: string[];
}

const NUMERIC: readonly NumericSetting[] = [
  "seed",
  "epochs",
  "lr",
  "batch",
  "points",
  "noise",
  "classes",
  "split",
];

/** Other spellings accepted for an activation. */
const ACTIVATION_ALIASES: Readonly<Record<string, Settings["activation"]>> = {
  leakyrelu: "leaky-relu",
  leaky_relu: "leaky-relu",
  leakyRelu: "leaky-relu",
};

/**
 * The settings a query string asks for: `preset` first (default: the tutorial), then each parameter on
 * top of it. A bad value is reported and the preset's value kept — the page never fails on a URL.
 *
 * @example
 * ```ts
 * parseUrl("?preset=tutorial&seed=7").settings.seed; // 7
 * ```
 */
export function parseUrl(search: string): UrlState {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let settings = defaultSettings();
  const preset = params.get("preset");
  if (preset !== null) {
    const chosen = PRESETS[preset];
    if (chosen === undefined) {
      problems.push(`preset: expected one of ${Object.keys(PRESETS).join(", ")}, got "${preset}"`);
    } else {
      settings = { ...chosen, layers: [...chosen.layers], added: [] };
    }
  }
  for (const name of NUMERIC) {
    const text = params.get(name);
    if (text === null) continue;
    const value = text.trim() === "" ? NaN : Number(text);
    const problem = numericProblem(name, value);
    if (problem === null) settings[name] = value;
    else
      problems.push(`${problem.replace(`got ${String(value)}`, `got "${text}"`)} (kept ${settings[name]})`);
  }
  const choose = <T extends string>(name: string, allowed: readonly T[], aliases: Record<string, T> = {}) => {
    const text = params.get(name);
    if (text === null) return undefined;
    const value = (allowed as readonly string[]).includes(text) ? (text as T) : aliases[text];
    if (value === undefined) problems.push(`${name}: expected one of ${allowed.join(", ")}, got "${text}"`);
    return value;
  };
  settings.dataset = choose("dataset", DATASETS) ?? settings.dataset;
  settings.rng = choose("rng", RNG_MODES) ?? settings.rng;
  settings.engine = choose("engine", ENGINES) ?? settings.engine;
  settings.optimizer = choose("optimizer", OPTIMIZERS) ?? settings.optimizer;
  settings.activation = choose("activation", ACTIVATIONS, ACTIVATION_ALIASES) ?? settings.activation;
  const layers = params.get("layers");
  if (layers !== null) {
    const sizes = layers.trim() === "" || layers === "none" ? [] : layers.split(",").map((s) => Number(s));
    const problem = layersProblem(sizes);
    if (problem === null) settings.layers = sizes;
    else problems.push(`${problem} in "${layers}" (kept ${settings.layers.join(",")})`);
  }
  const added = params.get("add");
  if (added !== null && added !== "") {
    const points = parseAdded(added);
    if (typeof points === "string") problems.push(points);
    else settings.added = points;
  }
  if (settings.dataset === "csv") {
    problems.push(
      "dataset: imported CSV data is not kept in the URL — showing the spirals; import the file again",
    );
    settings.dataset = "spirals";
  }
  const autoplay = params.get("autoplay");
  if (autoplay !== null && autoplay !== "0" && autoplay !== "1") {
    problems.push(`autoplay: expected 1 or 0, got "${autoplay}"`);
  }
  return { settings, autoplay: autoplay === "1", problems };
}

/** `x:y:label` triples separated by `,`, or a message. */
function parseAdded(text: string): AddedPoint[] | string {
  const points: AddedPoint[] = [];
  for (const [i, item] of text.split(",").entries()) {
    const parts = item.split(":").map(Number);
    const [x, y, label] = parts;
    if (
      parts.length !== 3 ||
      !Number.isFinite(x) ||
      !Number.isFinite(y) ||
      !Number.isInteger(label) ||
      label! < 0 ||
      label! > 4
    ) {
      return `add: expected points as x:y:label (label 0 to 4) separated by commas, got "${item}" at position ${i + 1} (no points added)`;
    }
    points.push({ x: x!, y: y!, label: label! });
  }
  return points;
}

/**
 * The query string of `settings` — every setting, so the link reproduces the run on its own.
 *
 * @example
 * ```ts
 * toQuery(defaultSettings()); // "dataset=spirals&points=100&noise=0.15&…"
 * ```
 */
export function toQuery(settings: Settings, autoplay = false): string {
  const params = new URLSearchParams();
  params.set("dataset", settings.dataset);
  params.set("points", String(settings.points));
  params.set("noise", String(settings.noise));
  params.set("classes", String(settings.classes));
  params.set("split", String(settings.split));
  params.set("seed", String(settings.seed));
  params.set("rng", settings.rng);
  params.set("layers", settings.layers.length === 0 ? "none" : settings.layers.join(","));
  params.set("activation", settings.activation);
  params.set("engine", settings.engine);
  params.set("optimizer", settings.optimizer);
  params.set("lr", String(settings.lr));
  params.set("batch", String(settings.batch));
  params.set("epochs", String(settings.epochs));
  if (settings.added.length > 0) {
    params.set("add", settings.added.map((p) => `${p.x}:${p.y}:${p.label}`).join(","));
  }
  if (autoplay) params.set("autoplay", "1");
  return params.toString().replace(/%2C/g, ",").replace(/%3A/g, ":");
}
