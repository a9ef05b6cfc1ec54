import { describe, expect, it } from "vitest";

import { gradcheck } from "./gradcheck.js";
import { AnomalyError, detectAnomaly, noGrad } from "./grad-mode.js";
import { toDot } from "./to-dot.js";
import { toMermaid } from "./to-mermaid.js";
import { topologicalOrder } from "./topological-order.js";
import { trace } from "./trace.js";
import { Value } from "./value.js";
import { dot, sum } from "./value-sums.js";

/** The same function run untraced and traced on fresh copies of the same numbers: data and grads of everything. */
function both(
  build: (weights: Value[]) => (inputs: Value[]) => Value[],
  loss: (outputs: Value[]) => Value,
  inputs: number[],
  weights: number[],
  order: "creation" | "depthFirst" = "creation",
): { plain: number[]; traced: number[] } {
  const run = (traced: boolean): number[] => {
    const w = weights.map((x) => new Value(x));
    const fn = build(w);
    const f = traced
      ? trace(
          fn,
          inputs.map(() => new Value(0)),
        )
      : fn;
    const x = inputs.map((v) => new Value(v));
    const out = f(x);
    const l = loss(out);
    l.backward({ order });
    return [...out.map((o) => o.data), l.data, ...x.map((v) => v.grad), ...w.map((v) => v.grad)];
  };
  return { plain: run(false), traced: run(true) };
}

const bits = (xs: number[]): string[] => xs.map((x) => (Object.is(x, -0) ? "-0" : String(x)));

describe("trace: values and gradients", () => {
  it("replays the recorded graph on new inputs: the example of the docs", () => {
    const f = trace(([x]) => x!.mul(x!).add(1), [new Value(0)]);
    expect(f([new Value(3)]).data).toBe(10);
    expect(f.nodeCount).toBe(2);
    expect(f.inputCount).toBe(1);
    const w = new Value(0.5);
    const neuron = trace(([x]) => x!.mul(w).relu(), [new Value(0)]);
    const y = neuron([new Value(4)]);
    y.backward();
    expect([y.data, w.grad]).toEqual([2, 4]);
  });

  it("a call is a real graph: outputs of one traced node whose operands are the inputs", () => {
    const f = trace(([a, b]) => [a!.add(b!), a!.mul(b!)], [new Value(0), new Value(0)]);
    const a = new Value(2);
    const b = new Value(3);
    const [s, p] = f([a, b]);
    expect([s!.op, p!.op, s!.param, p!.param]).toEqual(["output", "output", 0, 1]);
    const call = s!.parents[0]!;
    expect(call).toBe(p!.parents[0]);
    expect(call.op).toBe("traced");
    expect(call.parents).toEqual([a, b]);
    s!.add(p!).backward();
    expect([a.grad, b.grad]).toEqual([4, 3]); // d(a + b + ab)/da = 1 + b, /db = 1 + a
  });

  it("weights are read as they are now and their gradients accumulate, as untraced", () => {
    const w = new Value(2);
    const f = trace(([x]) => x!.mul(w), [new Value(0)]);
    f([new Value(3)]).backward();
    w.data = 5;
    const y = f([new Value(3)]);
    expect(y.data).toBe(15);
    y.backward();
    expect(w.grad).toBe(6); // 3 + 3
  });

  it("every op, both orders, gives the untraced bits (a node with many consumers, pow, leakyRelu, sum, dot)", () => {
    const build =
      ([w0, w1, w2]: Value[]) =>
      ([x, y]: Value[]): Value[] => {
        const h = x!.mul(w0!).add(y!.mul(w1!)).tanh();
        const k = h.sub(w2!).sigmoid().add(h.exp()).div(h.abs().add(1.5)).pow(3);
        const m = sum([h, k, h.neg(), h.softplus(), h.leakyRelu(0.1), h.relu()], w2);
        return [m.log(), dot([h, k, m], [w0!, w1!, h], 0.25), h];
      };
    for (const order of ["creation", "depthFirst"] as const) {
      const { plain, traced } = both(
        build,
        (o) => o[0]!.mul(o[1]!).add(o[2]!.mul(o[0]!)),
        [0.3, -0.7],
        [1.1, 0.4, -0.2],
        order,
      );
      expect(bits(traced)).toEqual(bits(plain));
    }
  });

  it("outputs the loss does not reach are left alone, as untraced (no NaN leaks in from them)", () => {
    const build =
      ([w]: Value[]) =>
      ([x]: Value[]): Value[] => [x!.mul(w!), x!.mul(w!).log().exp()]; // log of a negative product: NaN, and NaN · 0 in its backward
    const { plain, traced } = both(build, (o) => o[0]!.mul(2), [-1], [3]);
    expect(bits(traced)).toEqual(bits(plain));
    expect(traced.at(-1)).toBe(-2); // w.grad = 2x, not NaN
  });

  it("backward twice through one call adds twice, as untraced", () => {
    const w = new Value(1.5);
    const f = trace(([x]) => x!.mul(w).tanh(), [new Value(0)]);
    const y = f([new Value(0.2)]);
    y.backward();
    y.backward();
    const w2 = new Value(1.5);
    const z = new Value(0.2).mul(w2).tanh();
    z.backward();
    z.backward();
    expect(w.grad).toBe(w2.grad);
  });

  it("returns inputs, weights, constants and repeated outputs as fn does", () => {
    const w = new Value(7);
    const f = trace(
      ([x]) => {
        const y = x!.mul(2);
        return [x!, w, new Value(4), y, y];
      },
      [new Value(0)],
    );
    const x = new Value(1.5);
    const out = f([x]);
    expect(out[0]).toBe(x);
    expect(out[1]).toBe(w);
    expect(out[2]!.data).toBe(4);
    expect(out[3]).toBe(out[4]);
    out[3]!.backward();
    expect(x.grad).toBe(2);
  });

  it("drawings, the topological order and gradcheck see a call as its traced node and outputs", () => {
    const w = new Value(0.5, "w");
    const f = trace(([x]) => [x!.mul(w).tanh()], [new Value(0)]);
    const x = new Value(2, "x");
    const [y] = f([x]);
    const loss = y!.mul(3);
    loss.backward();
    expect(topologicalOrder(loss).map((v) => v.op)).toEqual(["leaf", "traced", "output", "leaf", "mul"]);
    expect(toMermaid(loss)).toContain("output 0");
    expect(toDot(loss)).toContain("traced");
    expect(gradcheck((a) => f([a])[0]!, [0.3]).ok).toBe(true);
  });

  it("inside noGrad a call returns plain leaves", () => {
    const f = trace(([x]) => [x!.exp()], [new Value(0)]);
    const [y] = noGrad(() => f([new Value(0)]));
    expect(y!.op).toBe("leaf");
    expect(y!.data).toBe(1);
  });

  it("a branch on data is recorded as taken, as torch.jit.trace does (documented)", () => {
    const f = trace(([x]) => (x!.data > 0 ? x!.mul(1) : x!.neg()), [new Value(1)]);
    expect(f([new Value(-2)]).data).toBe(-2); // the traced branch (× 1), not neg
  });
});

describe("trace: fallbacks run fn itself", () => {
  it("a Value passed twice, or a weight passed as an input, gets the untraced gradient", () => {
    const w = new Value(3);
    const f = trace(([a, b]) => a!.mul(b!).mul(w), [new Value(0), new Value(0)]);
    const x = new Value(2);
    f([x, x]).backward();
    expect(x.grad).toBe(12); // d(x·x·w)/dx = 2xw
    const y = new Value(5);
    f([w, y]).backward();
    expect(w.grad).toBe(2 * 3 * 5 + 4); // d(w·y·w)/dw = 2wy, plus the 4 from the first call (x·x)
  });

  it("anomaly mode names the op that made the NaN, as untraced", () => {
    const f = trace(([x]) => x!.log(), [new Value(1)]);
    detectAnomaly(true);
    try {
      expect(() => f([new Value(-1)])).toThrow(AnomalyError);
      expect(() => f([new Value(-1)])).toThrow(/log/);
    } finally {
      detectAnomaly(false);
    }
  });

  it("a traced function called while tracing another is recorded op by op", () => {
    const w = new Value(2);
    const inner = trace(([x]) => x!.mul(w), [new Value(0)]);
    const outer = trace(([x]) => inner([x!]).add(1), [new Value(0)]);
    expect(outer.nodeCount).toBe(2); // mul, add: no traced/output nodes inside
    const y = outer([new Value(3)]);
    y.backward();
    expect([y.data, w.grad]).toEqual([7, 3]);
  });
});

describe("trace: bad input gets a named error", () => {
  const ok = ([x]: Value[]) => x!.mul(2);
  it("fn and exampleInputs are checked", () => {
    expect(() => trace(3 as never, [new Value(0)])).toThrow(
      /^trace: expected fn to be a function, got number 3/,
    );
    expect(() => trace(ok, "x" as never)).toThrow(
      /^trace: expected exampleInputs to be an array of Values, got/,
    );
    expect(() => trace(ok, [new Value(0), 2 as never])).toThrow(
      /^trace: expected exampleInputs\[1\] to be a Value, got number 2/,
    );
    const v = new Value(0);
    expect(() => trace(ok, [v, v])).toThrow(/exampleInputs\[1\] the same Value as exampleInputs\[0\]/);
  });

  it("what fn returns is checked", () => {
    expect(() => trace(() => 3 as never, [new Value(0)])).toThrow(
      /^trace: expected fn to return a Value or an array of Values, got number 3/,
    );
    expect(() => trace(() => [new Value(1), "a"] as never, [new Value(0)])).toThrow(
      /^trace: expected fn to return/,
    );
  });

  it("nothing to record inside noGrad; no op node from before the trace", () => {
    expect(() => noGrad(() => trace(ok, [new Value(0)]))).toThrow(
      /^trace: expected gradient recording to be on/,
    );
    const outside = new Value(2).mul(3);
    expect(() => trace(([x]) => x!.mul(outside), [new Value(0)])).toThrow(
      /^trace: expected fn to compute from its inputs and from leaves, got a mul node made before the trace/,
    );
  });

  it("a call's inputs are checked, naming the function", () => {
    const double = trace(
      function double([x]: Value[]) {
        return x!.mul(2);
      },
      [new Value(0)],
    );
    expect(() => double([])).toThrow(/^double \(traced\): expected inputs to hold 1 Values, got 0/);
    expect(() => double([1] as never)).toThrow(
      /^double \(traced\): expected inputs\[0\] to be a Value, got number 1/,
    );
    expect(() => double(new Value(1) as never)).toThrow(
      /^double \(traced\): expected inputs to be an array of Values/,
    );
  });

  it("a failed trace leaves no recording on: later leaves are ordinary", () => {
    expect(() =>
      trace(() => {
        throw new Error("boom");
      }, [new Value(0)]),
    ).toThrow("boom");
    const f = trace(([x]) => x!.add(new Value(1)), [new Value(0)]);
    expect(f([new Value(1)]).data).toBe(2);
  });
});
