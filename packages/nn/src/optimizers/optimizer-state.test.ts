import { readFileSync } from "node:fs";

import { Value, tensor } from "@neurogebra/autograd";
import type { Tensor } from "@neurogebra/autograd";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { Adam, AdamW } from "./adam.js";
import type { Optimizer } from "./optimizer.js";
import { OptimizerStateError } from "./optimizer-state.js";
import type { AdamStateDict } from "./optimizer-state.js";
import type { Parameter } from "./parameter.js";
import { SGD } from "./sgd.js";

/** PyTorch 1.13's state dicts after 3 steps and weights after 3 more (generate-optimizer-state.py). */
interface Case {
  state_dict: { state: Record<string, Record<string, unknown>>; param_groups: Record<string, unknown>[] };
  w3: number[];
  b3: number[];
  w6: number[];
  b6: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL("../../test/fixtures/optimizer-state.json", import.meta.url), "utf8"),
) as { w0: number[][]; b0: number[]; c: number; k: number[][]; kb: number[]; cases: Record<string, Case> };

const settings: Record<string, (ps: Parameter[]) => Optimizer> = {
  "sgd_momentum0.9_nesterov_wd0.01": (ps) =>
    new SGD(ps, { lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01 }),
  adam_amsgrad: (ps) => new Adam(ps, { lr: 0.1, betas: [0.8, 0.99], amsgrad: true }),
  "adamw_wd0.1": (ps) => new AdamW(ps, { lr: 0.1, weightDecay: 0.1 }),
};

function parameters(w: readonly number[], b: readonly number[]): [Tensor, Tensor] {
  const weight = tensor(w, [2, 3], { requiresGrad: true });
  const bias = tensor(b, [3], { requiresGrad: true });
  return [weight, bias];
}

function step(opt: Optimizer, [w, b]: [Tensor, Tensor]): void {
  opt.zeroGrad();
  const { c, k, kb } = fixture;
  w.sub(c)
    .pow(2)
    .mul(tensor(k))
    .sum()
    .add(b.sub(c).pow(2).mul(tensor(kb)).sum())
    .backward();
  opt.step();
}

/** Every number of a nested structure, in order (to compare state dicts to a tolerance). */
const numbers = (x: unknown): number[] =>
  typeof x === "number" ? [x] : x !== null && typeof x === "object" ? Object.values(x).flatMap(numbers) : [];

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    if (Math.abs(a - expected[i]!) > 1e-12 * Math.max(1, Math.abs(expected[i]!))) {
      expect(actual).toEqual(expected);
    }
  });
}

/** PyTorch's state dict without the group keys that only select its implementation. */
function withoutSwitches(sd: Case["state_dict"]): Case["state_dict"] {
  const group = { ...sd.param_groups[0] };
  for (const key of ["foreach", "differentiable", "capturable", "fused"]) delete group[key];
  return { state: sd.state, param_groups: [group] };
}

describe("optimizer state dicts have PyTorch's layout and numbers", () => {
  for (const [name, make] of Object.entries(settings)) {
    it(`${name}: stateDict() after 3 steps equals torch.optim's state_dict() (keys exactly, numbers to 1e-12)`, () => {
      const ps = parameters(fixture.w0.flat(), fixture.b0);
      const opt = make(ps);
      for (let t = 0; t < 3; t++) step(opt, ps);
      const ours = opt.stateDict();
      const torch = withoutSwitches(fixture.cases[name]!.state_dict);
      const keys = (x: unknown): unknown =>
        x !== null && typeof x === "object" && !Array.isArray(x)
          ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, keys(v)]))
          : typeof x;
      expect(keys(ours)).toEqual(keys(torch));
      expectClose(numbers(ours), numbers(torch));
    });

    it(`${name}: loading torch's state dict continues torch's trajectory (3 more steps, 1e-12)`, () => {
      const c = fixture.cases[name]!;
      const ps = parameters(c.w3, c.b3);
      const opt = make(ps);
      opt.loadStateDict(c.state_dict);
      for (let t = 0; t < 3; t++) step(opt, ps);
      expectClose([...ps[0].data, ...ps[1].data], [...c.w6, ...c.b6]);
    });
  }

  it("SGD without momentum has no buffers, and accepts PyTorch's momentum_buffer: None", () => {
    const v = new Value(1);
    const opt = new SGD([v], { lr: 0.1 });
    v.grad = 1;
    opt.step();
    expect(opt.stateDict()).toEqual({
      state: {},
      param_groups: [
        {
          lr: 0.1,
          momentum: 0,
          dampening: 0,
          weight_decay: 0,
          nesterov: false,
          maximize: false,
          params: [0],
        },
      ],
    });
    opt.loadStateDict({ ...opt.stateDict(), state: { 0: { momentum_buffer: null } } });
  });

  it("a Value parameter's buffers have PyTorch's 0-d shape []", () => {
    const v = new Value(2);
    const opt = new Adam([v], { lr: 0.1 });
    v.grad = 0.5;
    opt.step();
    expect(opt.stateDict().state["0"]).toEqual({
      step: 1,
      exp_avg: { shape: [], data: [(1 - 0.9) * 0.5] },
      exp_avg_sq: { shape: [], data: [(1 - 0.999) * 0.25] },
    });
  });

  it("restores lr (a schedule's value) and parameters without an entry start afresh", () => {
    const a = tensor([1, 2], [2], { requiresGrad: true });
    const b = new Value(3);
    const opt = new Adam([a, b], { lr: 0.1 });
    b.grad = 1;
    opt.step(); // only b has a gradient: state has "1" only
    opt.lr = 0.05;
    const sd = opt.stateDict();
    expect(Object.keys(sd.state)).toEqual(["1"]);
    const fresh = new Adam([tensor([1, 2], [2], { requiresGrad: true }), new Value(3)], { lr: 0.1 });
    fresh.loadStateDict(JSON.parse(JSON.stringify(sd)));
    expect(fresh.lr).toBe(0.05);
    expect(fresh.stateDict()).toEqual(sd);
  });
});

/** An optimizer after 3 steps, and a twin in the same state that never sees a bad load. */
function stepped(make: (ps: Parameter[]) => Optimizer) {
  const ps = parameters(fixture.w0.flat(), fixture.b0);
  const opt = make(ps);
  for (let t = 0; t < 3; t++) step(opt, ps);
  return { ps, opt };
}

describe("a failed loadStateDict leaves the optimizer untouched", () => {
  const adam = (ps: Parameter[]) => new Adam(ps, { lr: 0.1, betas: [0.8, 0.99], amsgrad: true });
  const good = () => stepped(adam).opt.stateDict() as AdamStateDict;
  const bad: [string, (sd: ReturnType<typeof good>) => unknown, RegExp][] = [
    ["not an object", () => 42, /expected a state dict \{ state, param_groups \}, got 42/],
    [
      "two groups",
      (sd) => ({ ...sd, param_groups: [sd.param_groups[0], sd.param_groups[0]] }),
      /list of one group/,
    ],
    [
      "other betas",
      (sd) => ({ ...sd, param_groups: [{ ...sd.param_groups[0], betas: [0.9, 0.999] }] }),
      /betas: this optimizer has \[0\.8,0\.99\], the state dict \[0\.9,0\.999\]/,
    ],
    ["an SGD state", () => new SGD([new Value(0)], { lr: 1 }).stateDict(), /missing "betas"/],
    [
      "wrong params",
      (sd) => ({ ...sd, param_groups: [{ ...sd.param_groups[0], params: [1, 0] }] }),
      /params: expected the indices \[0, …, 1\]/,
    ],
    [
      "an unknown parameter index",
      (sd) => ({ ...sd, state: { ...sd.state, 2: sd.state["0"] } }),
      /state: unexpected key "2"/,
    ],
    [
      "a wrong shape",
      (sd) => ({ ...sd, state: { 0: sd.state["1"], 1: sd.state["1"] } }),
      /state\[0\]\.exp_avg: expected shape \[2,3\]/,
    ],
    [
      "a NaN moment",
      (sd) => ({
        ...sd,
        state: { ...sd.state, 1: { ...sd.state["1"]!, exp_avg: { shape: [3], data: [0, NaN, 0] } } },
      }),
      /state\[1\]\.exp_avg: data\[1\] is NaN/,
    ],
    [
      "a negative second moment",
      (sd) => ({
        ...sd,
        state: { ...sd.state, 1: { ...sd.state["1"]!, exp_avg_sq: { shape: [3], data: [0, -1, 0] } } },
      }),
      /exp_avg_sq: data\[1\] is -1, expected a finite number ≥ 0/,
    ],
    [
      "a missing moment",
      (sd) => ({ ...sd, state: { ...sd.state, 0: { ...sd.state["0"]!, max_exp_avg_sq: undefined } } }),
      /state\[0\].max_exp_avg_sq: expected \{ shape, data \}, got undefined/,
    ],
    [
      "step 0",
      (sd) => ({ ...sd, state: { ...sd.state, 0: { ...sd.state["0"]!, step: 0 } } }),
      /state\[0\]\.step: expected an integer ≥ 1, got number 0/,
    ],
  ];
  for (const [what, corrupt, message] of bad) {
    it(`${what}: OptimizerStateError naming the problem; state and later steps unchanged`, () => {
      const { ps, opt } = stepped(adam);
      const twin = stepped(adam);
      const before = JSON.stringify(opt.stateDict());
      let error: unknown;
      try {
        opt.loadStateDict(corrupt(good()));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OptimizerStateError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toMatch(/^Adam\.loadStateDict: .*nothing was changed/);
      expect(JSON.stringify(opt.stateDict())).toBe(before);
      step(opt, ps);
      step(twin.opt, twin.ps);
      expect([...ps[0].data, ...ps[1].data]).toEqual([...twin.ps[0].data, ...twin.ps[1].data]);
    });
  }

  it("lists every problem at once", () => {
    const { opt } = stepped(adam);
    const sd = good();
    const corrupt = {
      ...sd,
      extra: 1,
      param_groups: [{ ...sd.param_groups[0], eps: 1, lr: -1 }],
    };
    expect(() => opt.loadStateDict(corrupt)).toThrow(OptimizerStateError);
    try {
      opt.loadStateDict(corrupt);
    } catch (e) {
      expect((e as OptimizerStateError).problems).toHaveLength(3);
    }
  });

  it("fuzz: any corruption of a valid state dict either loads or throws OptimizerStateError, never half-applies", () => {
    const makers = [
      adam,
      (ps: Parameter[]) => new SGD(ps, { lr: 0.05, momentum: 0.9 }),
      (ps: Parameter[]) => new AdamW(ps, { lr: 0.1 }),
    ];
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.double(),
      fc.integer({ min: -3, max: 5 }),
      fc.string({ maxLength: 3 }),
      fc.boolean(),
      fc.constant([]),
      fc.constant({}),
      fc.array(fc.double(), { maxLength: 7 }),
    );
    fc.assert(
      fc.property(
        fc.nat(2),
        fc.array(fc.tuple(fc.nat(), junk), { minLength: 1, maxLength: 3 }),
        (which, edits) => {
          const make = makers[which]!;
          const { opt } = stepped(make);
          const sd = JSON.parse(JSON.stringify(opt.stateDict())) as unknown;
          for (const [pick, value] of edits) {
            // collect every (container, key) of the nested structure, then overwrite one
            const slots: [Record<string, unknown>, string][] = [];
            const walk = (x: unknown): void => {
              if (x === null || typeof x !== "object") return;
              for (const [k, v] of Object.entries(x)) {
                slots.push([x as Record<string, unknown>, k]);
                walk(v);
              }
            };
            walk(sd);
            const [container, key] = slots[pick % slots.length]!;
            container[key] = value;
          }
          const target = stepped(make).opt;
          for (let t = 0; t < 2; t++) step(target, parameters([0, 0, 0, 0, 0, 0], [0, 0, 0]));
          const before = JSON.stringify(target.stateDict());
          try {
            target.loadStateDict(sd);
          } catch (e) {
            expect(e).toBeInstanceOf(OptimizerStateError);
            expect(JSON.stringify(target.stateDict())).toBe(before);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
