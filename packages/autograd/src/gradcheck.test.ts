import { describe, expect, it } from "vitest";

import { noGrad } from "./grad-mode.js";
import { gradcheck } from "./gradcheck.js";
import { Value } from "./value.js";

describe("gradcheck", () => {
  it("passes for correct gradients and reports both sides", () => {
    const report = gradcheck((a, b) => a.mul(b).tanh().add(a.exp()), [0.3, -1.2]);
    expect(report.ok).toBe(true);
    // closed form: d/da = b(1 - t²) + e^a, d/db = a(1 - t²)
    const t = Math.tanh(0.3 * -1.2);
    expect(report.analytic[0]).toBeCloseTo(-1.2 * (1 - t * t) + Math.exp(0.3), 14);
    expect(report.analytic[1]).toBeCloseTo(0.3 * (1 - t * t), 14);
    expect(report.numeric[0]).toBeCloseTo(report.analytic[0]!, 8);
    expect(report.worst.absError).toBeLessThan(1e-8);
  });

  it("finds a wrong gradient: a function whose backward is not its forward's derivative", () => {
    // relu at a kink: the finite difference sees slope 1/2, backward says 0
    const report = gradcheck((x) => x.relu(), [0]);
    expect(report.ok).toBe(false);
    expect(report.worst).toMatchObject({ index: 0, analytic: 0 });
    expect(report.worst.numeric).toBeCloseTo(0.5, 10);
    expect(report.worst.absError).toBeCloseTo(0.5, 10);
  });

  it("names the worst input among several and respects the tolerances", () => {
    const report = gradcheck((a, b, c) => a.add(b.relu()).add(c.mul(c)), [1, 0, 2]);
    expect(report.ok).toBe(false);
    expect(report.worst.index).toBe(1);
    // x³ at 3: the central difference is 27 + eps², off by exactly eps² = 1e-6
    expect(gradcheck((a) => a.pow(3), [3], { atol: 0, rtol: 1e-9, eps: 1e-3 }).ok).toBe(false);
    expect(gradcheck((a) => a.pow(3), [3], { atol: 2e-6, rtol: 0, eps: 1e-3 }).ok).toBe(true);
  });

  it("takes Values as the point and leaves them untouched", () => {
    const w = new Value(0.5);
    const report = gradcheck((x) => x.log(), [w]);
    expect(report.ok).toBe(true);
    expect(report.analytic[0]).toBeCloseTo(2, 12);
    expect(w.grad).toBe(0);
  });

  it("non-finite gradients fail", () => {
    const report = gradcheck((x) => x.pow(0.5), [1e-30], { eps: 1e-31 });
    expect(Number.isFinite(report.analytic[0]!)).toBe(true);
    expect(gradcheck((x) => x.div(0), [1]).ok).toBe(false);
  });

  it("rejects bad input", () => {
    expect(() => gradcheck((x) => x, [])).toThrow(RangeError);
    expect(() => gradcheck((x) => x, [NaN])).toThrow(/inputs\[0\] to be finite/);
    expect(() => gradcheck((x) => x, ["1" as unknown as number])).toThrow(TypeError);
    expect(() => gradcheck(() => 3 as unknown as Value, [1])).toThrow(/fn to return a Value, got number/);
    expect(() => gradcheck((x) => x, [1], { eps: 0 })).toThrow(/options.eps/);
    expect(() => gradcheck((x) => x, [1], { rtol: -1 })).toThrow(/options.rtol/);
    expect(() => noGrad(() => gradcheck((x) => x, [1]))).toThrow(/noGrad/);
  });
});
