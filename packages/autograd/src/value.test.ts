import { describe, expect, it } from "vitest";

import { AnomalyError, detectAnomaly, noGrad } from "./grad-mode.js";
import { Op, Value } from "./value.js";
import { dot, sum } from "./value-sums.js";
import { trace } from "./trace.js";

/** d f / d x at x0 by central differences (reference for the local derivatives). */
function centralDifference(f: (x: number) => number, x0: number, h = 1e-6): number {
  return (f(x0 + h) - f(x0 - h)) / (2 * h);
}

type Unary = (v: Value) => Value;
const unaryCases: [string, Unary, (x: number) => number, number[]][] = [
  ["neg", (v) => v.neg(), (x) => -x, [-2, 0.5, 3]],
  ["relu", (v) => v.relu(), (x) => Math.max(0, x), [-2, 0.5, 3]],
  ["leakyRelu(0.1)", (v) => v.leakyRelu(0.1), (x) => (x > 0 ? x : 0.1 * x), [-2, 0.5, 3]],
  ["tanh", (v) => v.tanh(), Math.tanh, [-2, 0.1, 1.5]],
  ["sigmoid", (v) => v.sigmoid(), (x) => 1 / (1 + Math.exp(-x)), [-3, 0.2, 4]],
  ["exp", (v) => v.exp(), Math.exp, [-2, 0.3, 2]],
  ["log", (v) => v.log(), Math.log, [0.2, 1, 7]],
  ["abs", (v) => v.abs(), Math.abs, [-2, 0.5, 3]],
  ["softplus", (v) => v.softplus(), (x) => Math.log(1 + Math.exp(x)), [-3, 0.2, 4]],
  ["pow(3)", (v) => v.pow(3), (x) => x * x * x, [-2, 0.5, 3]],
  ["pow(-1)", (v) => v.pow(-1), (x) => 1 / x, [-2, 0.5, 3]],
  ["pow(0.5)", (v) => v.pow(0.5), Math.sqrt, [0.25, 2, 9]],
];

describe("Value: unary ops", () => {
  for (const [name, op, ref, points] of unaryCases) {
    it(`${name}: value and derivative match the math`, () => {
      for (const x0 of points) {
        const x = new Value(x0);
        const y = op(x);
        expect(y.data).toBeCloseTo(ref(x0), 14);
        y.backward();
        expect(x.grad).toBeCloseTo(centralDifference(ref, x0), 6);
      }
    });
  }

  it("relu is x < 0 ? 0 : x with relu'(0) = 0 (PyTorch), NaN stays NaN", () => {
    const zero = new Value(0);
    const r = zero.relu();
    r.backward();
    expect(r.data).toBe(0);
    expect(zero.grad).toBe(0);
    expect(new Value(NaN).relu().data).toBeNaN();
    expect(new Value(-3).relu().data).toBe(0);
  });

  it("abs'(0) = 0 and leakyRelu'(0) = alpha, as in PyTorch", () => {
    const a = new Value(0);
    a.abs().backward();
    expect(a.grad).toBe(0);
    const b = new Value(0);
    b.leakyRelu(0.2).backward();
    expect(b.grad).toBe(0.2);
    expect(new Value(-2).leakyRelu().data).toBeCloseTo(-0.02, 15);
  });

  it("sigmoid and softplus stay finite and accurate for huge inputs", () => {
    expect(new Value(800).sigmoid().data).toBe(1);
    expect(new Value(-800).sigmoid().data).toBe(0);
    expect(new Value(-40).sigmoid().data).toBeCloseTo(Math.exp(-40), 30);
    expect(new Value(800).softplus().data).toBe(800);
    expect(new Value(-800).softplus().data).toBe(0);
    // log(1 + e^-40) = e^-40 to double precision; the naive formula would give 0
    expect(new Value(-40).softplus().data / Math.exp(-40)).toBeCloseTo(1, 14);
    const x = new Value(-800);
    x.softplus().backward();
    expect(x.grad).toBe(0);
  });

  it("pow backward is k * x**(k-1) * g, and pow(0) has derivative 0 even at 0", () => {
    const x = new Value(1.7);
    x.pow(-1).mul(3).backward();
    expect(x.grad).toBe(-1 * 1.7 ** -2 * 3);
    const z = new Value(0);
    z.pow(0).backward();
    expect(z.grad).toBe(0);
  });
});

describe("Value: binary ops", () => {
  const binaryCases: [string, (a: Value, b: Value) => Value, (a: number, b: number) => number][] = [
    ["add", (a, b) => a.add(b), (a, b) => a + b],
    ["sub", (a, b) => a.sub(b), (a, b) => a - b],
    ["mul", (a, b) => a.mul(b), (a, b) => a * b],
    ["div", (a, b) => a.div(b), (a, b) => a / b],
  ];
  for (const [name, op, ref] of binaryCases) {
    it(`${name}: value and both partial derivatives`, () => {
      for (const [a0, b0] of [
        [1.5, -2.25],
        [-0.3, 4],
        [7, 0.5],
      ] as const) {
        const a = new Value(a0);
        const b = new Value(b0);
        const out = op(a, b);
        expect(out.data).toBe(ref(a0, b0));
        out.backward();
        expect(a.grad).toBeCloseTo(
          centralDifference((x) => ref(x, b0), a0),
          6,
        );
        expect(b.grad).toBeCloseTo(
          centralDifference((x) => ref(a0, x), b0),
          6,
        );
      }
    });
  }

  it("accepts plain numbers as constant operands", () => {
    const x = new Value(3);
    const y = x.mul(2).add(1).sub(4).div(2);
    expect(y.data).toBe(1.5);
    y.backward();
    expect(x.grad).toBe(1);
  });

  it("division is IEEE: 1/0 = Infinity, -1/0 = -Infinity, 0/0 = NaN", () => {
    expect(new Value(1).div(0).data).toBe(Infinity);
    expect(new Value(-1).div(0).data).toBe(-Infinity);
    expect(new Value(0).div(0).data).toBeNaN();
  });

  it("log is IEEE: log(0) = -Infinity, log(-1) = NaN", () => {
    expect(new Value(0).log().data).toBe(-Infinity);
    expect(new Value(-1).log().data).toBeNaN();
  });

  it("micrograd's division a * b**-1 can be written explicitly", () => {
    const a = new Value(0.7);
    const b = new Value(2.9);
    const q = a.mul(b.pow(-1));
    expect(q.data).toBe(0.7 * 2.9 ** -1);
    q.backward();
    expect(a.grad).toBe(2.9 ** -1);
    expect(b.grad).toBe(-1 * 2.9 ** -2 * 0.7);
  });

  it("sub and neg give the values and gradients of Python's a + b * -1 and a * -1", () => {
    const a = new Value(0.1);
    const b = new Value(0.7);
    const d = a.sub(b).mul(1.3);
    expect(d.data).toBe((0.1 + 0.7 * -1) * 1.3);
    d.backward();
    expect(a.grad).toBe(1.3);
    expect(b.grad).toBe(-1 * 1.3);
    const c = new Value(0.3);
    c.neg().mul(0.9).backward();
    expect(c.grad).toBe(-1 * 0.9);
  });
});

describe("Value: bad input", () => {
  it("throws TypeError naming the method and the received value", () => {
    const x = new Value(1);
    expect(() => x.add("2" as unknown as number)).toThrow(TypeError);
    expect(() => x.add("2" as unknown as number)).toThrow(/Value\.add: expected other .*string "2"/);
    expect(() => x.mul(null as unknown as number)).toThrow(/Value\.mul: .*null/);
    expect(() => x.div({} as unknown as number)).toThrow(/Value\.div/);
    expect(() => x.sub(undefined as unknown as number)).toThrow(/Value\.sub: .*undefined/);
  });

  it("pow: TypeError for a non-number exponent, RangeError for a non-finite one", () => {
    const x = new Value(2);
    expect(() => x.pow(new Value(2) as unknown as number)).toThrow(TypeError);
    expect(() => x.pow(Infinity)).toThrow(RangeError);
    expect(() => x.pow(NaN)).toThrow(/Value\.pow: expected k to be finite, got NaN/);
  });

  it("constructor rejects non-numbers; leakyRelu rejects a bad slope", () => {
    expect(() => new Value("1" as unknown as number)).toThrow(/Value: expected data to be a number/);
    expect(() => new Value(1, 2 as unknown as string)).toThrow(/label/);
    expect(() => new Value(1).leakyRelu(NaN)).toThrow(RangeError);
  });
});

describe("Value.backward", () => {
  it("sums the gradient once per use of a shared subexpression", () => {
    const x = new Value(3);
    const s = x.mul(x); // used twice below
    const y = s.add(s).mul(s); // y = 2 s², s = x² → dy/dx = 8 x³
    y.backward();
    expect(y.data).toBe(162);
    expect(x.grad).toBe(8 * 27);
    expect(s.grad).toBe(4 * 9);
  });

  it("accumulates into leaves across calls (call zeroGrad between steps), like PyTorch", () => {
    const w = new Value(2);
    const y = w.mul(5);
    y.backward();
    y.backward();
    expect(w.grad).toBe(10);
    // a second graph through the same leaf adds too
    w.mul(w).backward();
    expect(w.grad).toBe(14);
  });

  it("recomputes intermediate gradients from zero on each call; the root's grad is 1", () => {
    const a = new Value(2);
    const b = a.mul(3);
    const c = b.add(1);
    c.backward();
    c.backward();
    expect(c.grad).toBe(1);
    expect(b.grad).toBe(1);
    expect(a.grad).toBe(6);
    const d = b.mul(2); // another root through b
    d.backward();
    expect(b.grad).toBe(2);
    expect(a.grad).toBe(12);
  });

  it("rejects bad options with a TypeError naming the option", () => {
    const y = new Value(2).mul(3);
    expect(() => y.backward({ order: "bfs" as "creation" })).toThrow(
      /Value.backward: expected options.order to be "creation" or "depthFirst", got the string "bfs"/,
    );
    expect(() => y.backward("depthFirst" as unknown as { order: "depthFirst" })).toThrow(
      /expected options to be an object/,
    );
    y.backward({}); // an empty object means the defaults
    expect(y.grad).toBe(1);
  });

  it("both orders give the same gradients where the order cannot show (at most two uses per node)", () => {
    const a = new Value(1.5);
    const b = new Value(-0.25);
    const y = a.mul(b).tanh().add(a.exp()).div(b.sub(2));
    y.backward();
    const creation = [a.grad, b.grad];
    a.grad = 0;
    b.grad = 0;
    y.backward({ order: "depthFirst" });
    expect([a.grad, b.grad]).toEqual(creation);
  });

  it("a leaf root gets 1 added to its grad", () => {
    const x = new Value(4);
    x.backward();
    x.backward();
    expect(x.grad).toBe(2);
  });

  it("handles a 1,000,000-node chain without recursion", () => {
    const x = new Value(1);
    const step = new Value(1e-6);
    let y = x;
    for (let i = 0; i < 1_000_000; i++) y = y.add(step); // a chain through the first operand
    y.backward();
    expect(x.grad).toBe(1);
    expect(step.grad).toBe(1_000_000);
    expect(y.data).toBeCloseTo(2, 9);
    // a chain through the second operand of mul: d/dx of 1·(1·(…·x)) is 1
    let z = x;
    for (let i = 0; i < 200_000; i++) z = step.mul(0).add(1).mul(z);
    z.backward();
    expect(x.grad).toBe(2);
  });

  it("gradients equal those of an independent closed form on a small network", () => {
    // f(w1, w2, b) = tanh(w1*x1 + w2*x2 + b), x = (2, -1)
    const [w1, w2, b] = [new Value(0.3), new Value(-0.8), new Value(0.1)];
    const f = w1.mul(2).add(w2.mul(-1)).add(b).tanh();
    f.backward();
    const t = Math.tanh(0.3 * 2 + 0.8 + 0.1);
    expect(f.data).toBeCloseTo(t, 15);
    expect(w1.grad).toBeCloseTo((1 - t * t) * 2, 15);
    expect(w2.grad).toBeCloseTo((1 - t * t) * -1, 15);
    expect(b.grad).toBeCloseTo(1 - t * t, 15);
  });
});

describe("sum and dot", () => {
  it("sum(values, start) equals the tutorial's add chain start + v0 + v1 + … bit for bit", () => {
    const xs = [0.1, 0.7, -0.3, 1e-17, 2.2].map((x) => new Value(x));
    const start = new Value(0.35);
    const s = sum(
      xs.map((x) => x.mul(x)),
      start,
    );
    let chain: Value = start;
    for (const x of xs) chain = chain.add(x.mul(x));
    expect(s.data).toBe(chain.data);
    s.backward();
    const viaSum = xs.map((x) => x.grad);
    for (const x of xs) x.grad = 0;
    chain.backward();
    expect(viaSum).toEqual(xs.map((x) => x.grad));
    expect(start.grad).toBe(2);
  });

  it("sum without start starts from 0 and accepts numbers and iterables", () => {
    const a = new Value(2);
    const s = sum(new Set<Value | number>([a, 3, a.mul(2)]));
    expect(s.data).toBe(9);
    s.backward();
    expect(a.grad).toBe(3);
    expect(sum([]).data).toBe(0);
    const b = new Value(5);
    expect(sum([], b)).toBe(b);
  });

  it("dot(ws, xs, bias) equals sum(w*x, bias) in value and gradients bit for bit", () => {
    const ws = [0.31, -0.77, 0.05, 1.9].map((w) => new Value(w));
    const xs = [1.3, 0.2, -2.6, 0.45].map((x) => new Value(x));
    const bias = new Value(-0.12);
    const fused = dot(ws, xs, bias).tanh();
    let chain: Value = bias;
    for (let i = 0; i < ws.length; i++) chain = chain.add(ws[i]!.mul(xs[i]!));
    const reference = chain.tanh();
    expect(fused.data).toBe(reference.data);
    fused.backward();
    const grads = [...ws, ...xs, bias].map((v) => v.grad);
    for (const v of [...ws, ...xs, bias]) v.grad = 0;
    reference.backward();
    expect(grads).toEqual([...ws, ...xs, bias].map((v) => v.grad));
  });

  it("dot handles a Value used as both weight and input (x·x)", () => {
    const x = new Value(3);
    const d = dot([x, 2], [x, x]);
    expect(d.data).toBe(15);
    d.backward();
    expect(d.op).toBe("dot");
    expect(x.grad).toBe(2 * 3 + 2);
  });

  it("reject bad input with a message naming the function and argument", () => {
    expect(() => dot([1, 2], [1])).toThrow(RangeError);
    expect(() => dot([1, 2], [1])).toThrow(/dot: expected ws and xs to have the same length, got 2 .* 1/);
    expect(() => sum([1, "x" as unknown as number])).toThrow(
      /sum: expected values\[1\] to be a Value or a number/,
    );
    expect(() => sum(5 as unknown as number[])).toThrow(/sum: expected values to be an array or iterable/);
    expect(() => dot([1], [1], "b" as unknown as number)).toThrow(/dot: expected bias/);
  });
});

describe("noGrad and anomaly mode", () => {
  it("noGrad computes values without keeping a graph", () => {
    const w = new Value(2);
    const y = noGrad(() => w.mul(3).add(1).relu());
    expect(y.data).toBe(7);
    expect(y.op).toBe("leaf");
    expect(y.parents).toEqual([]);
    y.backward();
    expect(w.grad).toBe(0);
    expect(noGrad(() => dot([w], [4], 1)).parents).toEqual([]);
  });

  it("anomaly mode throws at the first op producing NaN or ±Infinity, naming op and inputs", () => {
    detectAnomaly(true);
    try {
      const x = new Value(0);
      expect(() => x.log()).toThrow(AnomalyError);
      expect(() => x.log()).toThrow(/log produced -Infinity in the forward pass from inputs \[0\]/);
      expect(() => new Value(1).div(x)).toThrow(/div produced Infinity .*\[1, 0\]/);
      expect(() => sum([new Value(Infinity), -Infinity])).toThrow(/sum produced NaN/);
      expect(new Value(2).log().data).toBeCloseTo(Math.LN2, 15);
    } finally {
      detectAnomaly(false);
    }
    expect(new Value(0).log().data).toBe(-Infinity);
  });

  it("anomaly mode catches a non-finite gradient in backward and says where the node was created", () => {
    detectAnomaly(true);
    try {
      const x = new Value(0);
      const y = x.pow(0.5); // sqrt(0) = 0 is fine forward; its derivative at 0 is Infinity
      let error: unknown;
      try {
        y.backward();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AnomalyError);
      expect((error as AnomalyError).op).toBe("pow");
      expect((error as Error).message).toMatch(/backward pass/);
      expect((error as Error).message).toMatch(/created at:[\s\S]*value\.test\.ts/);
    } finally {
      detectAnomaly(false);
    }
  });

  it("after an anomaly error in backward the graph is intact: a later backward works", () => {
    const x = new Value(0);
    const y = x.pow(0.5).add(x.mul(3));
    detectAnomaly(true);
    try {
      expect(() => y.backward()).toThrow(AnomalyError);
    } finally {
      detectAnomaly(false);
    }
    x.grad = 0;
    y.backward();
    expect(x.grad).toBe(Infinity); // 0.5 · 0^-0.5 + 3, IEEE
    const z = new Value(2);
    const w = z.mul(z).add(z);
    w.backward();
    expect(z.grad).toBe(5);
  });

  it("after an anomaly error the graph is intact in both orders, also for nodes of older segments", () => {
    const x = new Value(0);
    const early = x.pow(0.5); // made before another backward cuts the creation chain
    new Value(1).mul(2).backward();
    const y = early.add(x.mul(3)).mul(2);
    for (const order of ["creation", "depthFirst"] as const) {
      detectAnomaly(true);
      try {
        expect(() => y.backward({ order })).toThrow(AnomalyError);
      } finally {
        detectAnomaly(false);
      }
      x.grad = 0;
      y.backward({ order });
      expect(x.grad).toBe(Infinity);
      expect(early.grad).toBe(2);
    }
  });
});

describe("Value inspection", () => {
  it("op, parents, param and toString", () => {
    const a = new Value(2, "a");
    const b = a.pow(3);
    expect(b.op).toBe("pow");
    expect(b.param).toBe(3);
    expect(b.parents).toEqual([a]);
    expect(a.op).toBe("leaf");
    expect(a.param).toBeUndefined();
    expect(String(a)).toBe("Value(data=2, grad=0)");
    const c = a.sub(1);
    expect(c.parents.map((p) => p.data)).toEqual([2, 1]);
    expect(a.leakyRelu(0.3).param).toBe(0.3);
  });

  it("labels are mutable, as in micrograd", () => {
    const e = new Value(1).add(2);
    expect(e.label).toBe("");
    e.label = "e";
    expect(e.label).toBe("e");
  });

  it("each op reports the name the op table gives it; the table lists every op and fits 5 bits of _key", () => {
    const x = new Value(0.5);
    const traced = trace(([a]) => [a!.mul(2)], [new Value(0)]);
    const made: Record<string, Value> = {
      leaf: x,
      add: x.add(1),
      sub: x.sub(1),
      mul: x.mul(2),
      div: x.div(2),
      pow: x.pow(2),
      neg: x.neg(),
      relu: x.relu(),
      leakyRelu: x.leakyRelu(),
      tanh: x.tanh(),
      sigmoid: x.sigmoid(),
      exp: x.exp(),
      log: x.log(),
      abs: x.abs(),
      softplus: x.softplus(),
      output: traced([x])[0]!,
      sum: sum([x, x]),
      dot: dot([x], [x]),
      traced: traced([x])[0]!.parents[0]!,
    };
    for (const [name, v] of Object.entries(made)) expect(v.op).toBe(name);
    const names = Object.keys(Op).filter((key) => Number.isNaN(Number(key))); // an enum maps both ways
    expect(names).toEqual(Object.keys(made));
    expect(names.length).toBeLessThanOrEqual(32); // the op code is the low 5 bits of `_key`
  });

  it("the constant of pow and leakyRelu is not an operand", () => {
    const a = new Value(2);
    expect(a.pow(2).parents).toEqual([a]);
    expect(a.leakyRelu(0.5).parents).toEqual([a]);
  });
});
