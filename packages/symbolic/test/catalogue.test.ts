/**
 * Every catalogue expression evaluates, compiles to the same numbers, and differentiates: each
 * derivative (with respect to every variable and every param) is compared with a fourth-order
 * central difference at seeded random points, skipping points next to a kink.
 */
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { MathForge, kinks } from "../src/index.js";
import type { Expr } from "../src/index.js";
import { centralDifference, nearKink } from "./numeric.js";

const reference = readFileSync(new URL("./fixtures/expressions.tsv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [name, category, formula, params = ""] = line.split("\t") as [string, string, string, string?];
    const defaults = Object.fromEntries(
      params
        .split(",")
        .filter((p) => p.length > 0)
        .map((p) => p.split("="))
        .map(([k, v]) => [k!, Number(v)]),
    );
    return { name, category, formula, defaults };
  });

type Interval = readonly [number, number];
const UNIT: Interval = [0.05, 0.95];
const POSITIVE: Interval = [0.1, 3];

/** Sampling intervals where the default [-2, 2] leaves the function's real domain or hits a pole. */
const DOMAINS: Readonly<Record<string, Readonly<Record<string, Interval>>>> = {
  binary_crossentropy: { y_pred: UNIT },
  log_barrier: { w: [-0.9, 0.9] },
  entropy_reg: { p: UNIT },
  kl_divergence_reg: { p: UNIT, q: UNIT },
  confidence_penalty: { p: UNIT },
  inverse_square: { x: [0.2, 2] },
  logarithmic: { x: POSITIVE },
  michaelis_menten: { x: [0, 3] },
  hill_equation: { x: POSITIVE },
  beta_distribution: { x: UNIT },
  ln: { x: POSITIVE },
  log2: { x: POSITIVE },
  log10: { x: POSITIVE },
  reciprocal: { x: [0.2, 3] },
  sqrt: { x: POSITIVE },
  cbrt: { x: POSITIVE },
  tan: { x: [-1.4, 1.4] },
  sec: { x: [-1.4, 1.4] },
  csc: { x: [0.1, 3] },
  cot: { x: [0.1, 3] },
  arcsin: { x: [-0.95, 0.95] },
  arccos: { x: [-0.95, 0.95] },
  arccosh: { x: [1.05, 4] },
  arctanh: { x: [-0.95, 0.95] },
  gamma_func: { x: [0.1, 5] },
  digamma: { x: [0.1, 5] },
  quotient_rule: { g_val: [0.5, 2] },
  log_normal_pdf: { x: POSITIVE },
  beta_pdf: { x: UNIT },
  chi_squared_kernel: { x: POSITIVE },
  weibull_survival: { x: POSITIVE },
  binary_entropy: { p: UNIT },
  cross_entropy_elem: { p: UNIT, y: UNIT },
  kl_divergence_elem: { p: UNIT, q: UNIT },
  js_divergence_elem: { p: UNIT, q: UNIT },
  mgf_exponential: { t: [-2, 0.8] },
  eigenvalue_2x2: { b: POSITIVE, c: POSITIVE },
  log_loss_elem: { p: UNIT, y: UNIT },
  mape_elem: { y_true: [0.5, 2] },
  smape_elem: { y_pred: POSITIVE, y_true: POSITIVE },
  sqrt_transform: { x: POSITIVE },
  log_transform: { x: [-0.9, 3] },
  log10_transform: { x: [-0.9, 3] },
  box_cox_approx: { x: POSITIVE },
  yeo_johnson_positive: { x: [0, 3] },
  power_transform: { x: POSITIVE },
  log_return: { x: POSITIVE },
  monomial: { x: POSITIVE },
  power_law: { x: POSITIVE },
  step_decay_lr: { epoch: [0, 100] },
  exponential_decay_lr: { epoch: [0, 100] },
  cosine_annealing_lr: { epoch: [0, 100] },
  warmup_linear_lr: { epoch: [0, 2000] },
  polynomial_decay_lr: { epoch: [0, 100] },
  inverse_sqrt_lr: { epoch: [0, 8000] },
  cyclical_lr: { epoch: [0, 8000] },
  one_cycle_approx_lr: { epoch: [0, 100] },
};

/** mulberry32: a tiny seeded generator so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const forge = new MathForge();
const POINTS = 6;
const ATTEMPTS = 80;

describe("catalogue", () => {
  it("covers exactly the names, categories and default params of the reference catalogue", () => {
    expect(forge.listAll()).toEqual(reference.map((r) => r.name));
    for (const r of reference) {
      const e = forge.get(r.name);
      expect(e.category).toBe(r.category);
      expect(e.params).toEqual(r.defaults);
      expect(e.description).toMatch(/^\S.{3,}\.$/);
    }
  });

  it.each(reference.map((r, i) => [r.name, i] as const))("%s evaluates and differentiates", (name, index) => {
    const e = forge.get(name);
    const expr = e.symbolicExpr;
    const symbols = [...expr.symbols];
    const gradients = new Map<string, Expr>(symbols.map((s) => [s, e.gradient(s).symbolicExpr]));
    const kinkExprs = kinks(expr);
    const compiled = e.compile();
    const random = rng(1000 + index);
    const checked = new Map<string, number>(symbols.map((s) => [s, 0]));
    let evaluated = 0;

    for (let attempt = 0; attempt < ATTEMPTS && evaluated < POINTS; attempt++) {
      const vars: Record<string, number> = {};
      for (const v of e.variables) {
        const [lo, hi] = DOMAINS[name]?.[v] ?? [-2, 2];
        vars[v] = lo + (hi - lo) * random();
      }
      const f = e.eval(vars);
      if (!Number.isFinite(f)) continue;
      evaluated++;
      expect(compiled(...e.variables.map((v) => vars[v]!))).toBe(f);

      const at = { ...e.params, ...vars };
      for (const s of symbols) {
        const t = at[s]!;
        const scale = t === 0 ? 1e-2 : Math.abs(t); // relative steps, also for tiny params like h = 1e-5
        const h = 1e-4 * scale;
        if (nearKink(kinkExprs, at, s, h)) continue;
        const exact = gradients.get(s)!.evaluate(at);
        const numeric = centralDifference((u) => expr.evaluate({ ...at, [s]: u }), t, h);
        if (!Number.isFinite(exact) || !Number.isFinite(numeric)) continue;
        const tolerance = 1e-6 * (1 + Math.abs(exact)) + 1e-9 * (Math.abs(f) / scale);
        expect(Math.abs(numeric - exact), `d${name}/d${s} at ${JSON.stringify(at)}`).toBeLessThanOrEqual(
          tolerance,
        );
        checked.set(s, checked.get(s)! + 1);
      }
    }

    expect(evaluated, `${name}: finite values found`).toBeGreaterThanOrEqual(POINTS);
    for (const v of e.variables) {
      if (expr.symbols.has(v))
        expect(checked.get(v), `${name}: derivative checks for ${v}`).toBeGreaterThanOrEqual(3);
    }
  });
});
