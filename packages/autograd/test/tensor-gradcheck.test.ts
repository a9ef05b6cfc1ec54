/**
 * Every differentiable Tensor op against central finite differences, including broadcast operands
 * (whose gradients must come back in the operand's own shape).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { Tensor, linear, maximum, minimum, noGrad, tensor, where } from "../src/index.js";

import { awayFrom, gradcheck, randomTensor } from "./tensor-gradcheck.js";

/** Shape pairs that broadcast, from equal shapes to both-sided expansion and scalars. */
const BROADCAST_PAIRS: [number[], number[]][] = [
  [
    [3, 4],
    [3, 4],
  ],
  [[3, 4], [4]],
  [[4], [3, 4]],
  [
    [3, 1],
    [1, 4],
  ],
  [
    [2, 3, 4],
    [3, 1],
  ],
  [
    [2, 1, 4],
    [1, 3, 1],
  ],
  [[], [2, 3]],
  [[2, 3], []],
  [[1], [5]],
];

const label = (s: number[]) => `(${s.join(",")})`;

describe("gradcheck: binary elementwise ops with broadcasting", () => {
  for (const [sa, sb] of BROADCAST_PAIRS) {
    const name = `${label(sa)} ∘ ${label(sb)}`;
    it(`add, sub, mul ${name}`, () => {
      gradcheck((a, b) => a.add(b), [randomTensor(sa, 1), randomTensor(sb, 2)]);
      gradcheck((a, b) => a.sub(b), [randomTensor(sa, 3), randomTensor(sb, 4)]);
      gradcheck((a, b) => a.mul(b), [randomTensor(sa, 5), randomTensor(sb, 6)]);
    });
    it(`div ${name}`, () => {
      gradcheck((a, b) => a.div(b), [randomTensor(sa, 7), awayFrom(sb, 8, [0], 0.5)]);
    });
    it(`pow with a tensor exponent ${name}`, () => {
      gradcheck((a, b) => a.pow(b), [randomTensor(sa, 9, 0.5, 2), randomTensor(sb, 10, -1.5, 2.5)]);
    });
    it(`maximum, minimum ${name}`, () => {
      // Independent random values: a tie within ±eps (where the derivative jumps) does not occur.
      gradcheck((a, b) => a.maximum(b), [randomTensor(sa, 11), randomTensor(sb, 12)]);
      gradcheck((a, b) => minimum(a, b), [randomTensor(sa, 13, 0, 1), randomTensor(sb, 14, 1.5, 2)]);
    });
  }

  it("operands that are plain numbers", () => {
    gradcheck((a) => a.add(2).sub(0.5).mul(3).div(4), [randomTensor([2, 3], 20)]);
    gradcheck((a) => a.pow(3), [randomTensor([2, 3], 21)]);
    gradcheck((a) => a.pow(0.5), [randomTensor([4], 22, 0.5, 2)]);
    gradcheck((a) => maximum(a, 0.25), [awayFrom([5], 23, [0.25])]);
  });

  it("the same tensor on both sides (gradients from both uses add up)", () => {
    gradcheck((a) => a.mul(a).add(a), [randomTensor([3, 2], 24)]);
    gradcheck((a) => a.div(a.add(5)), [randomTensor([3], 25)]);
  });

  it("where, with a broadcast condition and broadcast branches", () => {
    const cond = tensor([1, 0, 1, 0]);
    gradcheck((a, b) => a.where(cond, b), [randomTensor([3, 4], 26), randomTensor([3, 1], 27)]);
    gradcheck((a, b) => where(cond.reshape([4, 1]), a, b), [randomTensor([4, 2], 28), randomTensor([], 29)]);
  });
});

describe("gradcheck: unary elementwise ops", () => {
  const shape = [3, 4];
  it("neg, exp, tanh, sigmoid, softplus", () => {
    gradcheck((a) => a.neg(), [randomTensor(shape, 30)]);
    gradcheck((a) => a.exp(), [randomTensor(shape, 31)]);
    gradcheck((a) => a.tanh(), [randomTensor(shape, 32)]);
    gradcheck((a) => a.sigmoid(), [randomTensor(shape, 33, -8, 8)]);
    gradcheck((a) => a.softplus(), [randomTensor(shape, 34, -8, 8)]);
  });
  it("log and sqrt on positive inputs", () => {
    gradcheck((a) => a.log(), [randomTensor(shape, 35, 0.2, 3)]);
    gradcheck((a) => a.sqrt(), [randomTensor(shape, 36, 0.2, 3)]);
  });
  it("relu, leakyRelu, abs away from their kink at 0", () => {
    gradcheck((a) => a.relu(), [awayFrom(shape, 37, [0])]);
    gradcheck((a) => a.leakyRelu(0.1), [awayFrom(shape, 38, [0])]);
    gradcheck((a) => a.abs(), [awayFrom(shape, 39, [0])]);
  });
});

describe("gradcheck: matrix products", () => {
  const cases: [number[], number[]][] = [
    [
      [3, 4],
      [4, 5],
    ],
    [
      [1, 1],
      [1, 1],
    ],
    [
      [5, 2],
      [2, 3],
    ],
    [
      [2, 3, 4],
      [4, 5],
    ],
    [
      [4, 5],
      [2, 5, 3],
    ],
    [
      [2, 3, 4],
      [2, 4, 2],
    ],
    [
      [1, 3, 4],
      [2, 4, 2],
    ],
    [
      [2, 1, 3, 4],
      [3, 4, 2],
    ],
    [[4], [4, 5]],
    [[3, 4], [4]],
    [[4], [4]],
    [[2, 3, 4], [4]],
    [
      [7, 9],
      [9, 6],
    ], // leftover rows and columns of the 4×4 tiles
  ];
  for (const [sa, sb] of cases) {
    it(`matmul ${label(sa)} @ ${label(sb)}`, () => {
      gradcheck((a, b) => a.matmul(b), [randomTensor(sa, 40), randomTensor(sb, 41)]);
    });
  }

  it("linear with and without bias, 1-D, 2-D and 3-D input", () => {
    gradcheck(
      (x, w, b) => x.linear(w, b),
      [randomTensor([5, 3], 42), randomTensor([4, 3], 43), randomTensor([4], 44)],
    );
    gradcheck((x, w) => linear(x, w), [randomTensor([5, 3], 45), randomTensor([2, 3], 46)]);
    gradcheck(
      (x, w, b) => linear(x, w, b),
      [randomTensor([3], 47), randomTensor([2, 3], 48), randomTensor([2], 49)],
    );
    gradcheck(
      (x, w, b) => x.linear(w, b),
      [randomTensor([2, 3, 4], 50), randomTensor([5, 4], 51), randomTensor([5], 52)],
    );
  });
});

describe("gradcheck: shape ops", () => {
  it("reshape (with −1), flatten, unsqueeze, squeeze", () => {
    gradcheck(
      (a) => a.reshape([3, -1]).mul(tensor([1, 2, 3, 4]).reshape([1, 4])),
      [randomTensor([2, 6], 60)],
    );
    gradcheck((a) => a.flatten().mul(tensor([1, 2, 3, 4, 5, 6])), [randomTensor([2, 3], 61)]);
    gradcheck((a) => a.unsqueeze(1).mul(tensor([1, 2]).reshape([1, 1, 2])), [randomTensor([3, 2], 62)]);
    gradcheck((a) => a.squeeze().mul(tensor([1, 2, 3])), [randomTensor([1, 3, 1], 63)]);
    gradcheck((a) => a.squeeze(0).mul(tensor([1, 2, 3])), [randomTensor([1, 3], 64)]);
  });
  it("transpose, T, permute", () => {
    gradcheck((a) => a.transpose(), [randomTensor([3, 5], 65)]);
    gradcheck((a) => a.T, [randomTensor([2, 3, 4], 66)]);
    gradcheck((a) => a.transpose(0, 2), [randomTensor([2, 3, 4], 67)]);
    gradcheck((a) => a.permute([2, 0, 1]), [randomTensor([2, 3, 4], 68)]);
  });
  it("broadcastTo sums the gradient over the copies", () => {
    gradcheck((a) => a.broadcastTo([2, 3, 4]), [randomTensor([3, 1], 69)]);
    gradcheck((a) => a.broadcastTo([5]), [randomTensor([], 70)]);
  });
});

describe("gradcheck: reductions and normalizations", () => {
  const x = () => randomTensor([2, 3, 4], 80);
  it("sum over nothing, one axis, negative axis, several axes, keepdims", () => {
    gradcheck((a) => a.sum(), [x()]);
    gradcheck((a) => a.sum(1), [x()]);
    gradcheck((a) => a.sum(-1, true), [x()]);
    gradcheck((a) => a.sum([0, 2]), [x()]);
    gradcheck((a) => a.sum([2, 0], true), [x()]);
  });
  it("mean", () => {
    gradcheck((a) => a.mean(), [x()]);
    gradcheck((a) => a.mean(0, true), [x()]);
    gradcheck((a) => a.mean([1, 2]), [x()]);
  });
  it("max and min (distinct values, so the argmax is stable under ±eps)", () => {
    gradcheck((a) => a.max(), [x()]);
    gradcheck((a) => a.max(1), [x()]);
    gradcheck((a) => a.max(-1, true), [x()]);
    gradcheck((a) => a.min(0), [x()]);
  });
  it("logSumExp, softmax, logSoftmax along every axis", () => {
    for (const axis of [0, 1, 2, -1]) {
      gradcheck((a) => a.logSumExp(axis), [x()]);
      gradcheck((a) => a.softmax(axis), [x()]);
      gradcheck((a) => a.logSoftmax(axis), [x()]);
    }
    gradcheck((a) => a.logSumExp(), [x()]);
    gradcheck((a) => a.logSumExp(1, true), [x()]);
  });
  it("softmax and logSoftmax stay exact with large logits", () => {
    gradcheck((a) => a.softmax(), [randomTensor([3, 4], 81, 500, 504)], { eps: 1e-5, tol: 1e-5 });
    gradcheck((a) => a.logSoftmax(), [randomTensor([3, 4], 82, -804, -800)], { eps: 1e-5, tol: 1e-5 });
  });
});

describe("gradcheck: indexing and the fused loss", () => {
  it("gather along axis 1 and axis 0", () => {
    gradcheck((a) => a.gather(1, [2, 0, 3]), [randomTensor([3, 4], 90)]);
    gradcheck((a) => a.gather(0, Int32Array.from([1, 0, 1, 1])), [randomTensor([2, 4], 91)]);
    gradcheck((a) => a.gather(1, [0, 1, 2, 0, 1, 2]), [randomTensor([2, 3, 3], 92)]);
  });
  it("indexSelect, with a repeated index whose gradients add up", () => {
    gradcheck((a) => a.indexSelect(0, [2, 0, 2]), [randomTensor([3, 2], 93)]);
    gradcheck((a) => a.indexSelect(1, Int32Array.from([1, 1])), [randomTensor([2, 3, 2], 94)]);
  });
  it("crossEntropy with every reduction", () => {
    for (const reduction of ["mean", "sum", "none"] as const) {
      gradcheck((a) => a.crossEntropy([0, 2, 1, 2], reduction), [randomTensor([4, 3], 95, -3, 3)]);
    }
  });
});

describe("gradcheck: property tests over random shapes and values", () => {
  /** A shape of rank 0–3 with sizes 1–4, plus a second shape that broadcasts against it. */
  const broadcastPair = fc
    .array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 3 })
    .chain((shape) =>
      fc
        .tuple(
          fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }),
          fc.integer({ min: 0, max: shape.length }),
        )
        .map(([ones, drop]) => [shape, shape.map((d, i) => (ones[i] ? 1 : d)).slice(drop)] as const),
    );

  it("binary ops: the gradient of each operand comes back in its own shape and matches finite differences", () => {
    fc.assert(
      fc.property(broadcastPair, fc.boolean(), fc.integer({ min: 0, max: 1000 }), ([sa, sb], swap, seed) => {
        const [s1, s2] = swap ? [sb, sa] : [sa, sb];
        gradcheck(
          (a, b) =>
            a
              .mul(b)
              .add(a.div(b.abs().add(1)))
              .sub(b),
          [randomTensor([...s1], seed), randomTensor([...s2], seed + 1)],
        );
      }),
      { numRuns: 60 },
    );
  });

  it("a random chain of smooth ops matches finite differences", () => {
    const ops: ((t: Tensor) => Tensor)[] = [
      (t) => t.tanh(),
      (t) => t.sigmoid(),
      (t) => t.mul(t),
      (t) => t.exp().mul(0.5),
      (t) => t.softmax(-1),
      (t) => t.logSoftmax(0),
      (t) => t.sum(-1, true).add(t),
      (t) => t.transpose().transpose(),
      (t) => t.matmul(t.T).mul(0.3).sum(1).unsqueeze(1).add(t),
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: ops.length - 1 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1000 }),
        (chain, rows, cols, seed) => {
          const f = (x: Tensor) => chain.reduce((t, k) => ops[k]!(t), x);
          const x = randomTensor([rows, cols], seed, -1, 1);
          // Finite differences of a weighted sum of all outputs cannot see a small gradient beside a huge
          // output (sums of sums, squared, then exp, reach 1e28): keep to chains whose outputs stay moderate.
          fc.pre(noGrad(() => f(x)).data.every((v) => Math.abs(v) < 1e3));
          gradcheck(f, [x], { tol: 1e-5 });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("matmul of random compatible shapes matches finite differences", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        (m, k, n, seed) => {
          gradcheck((a, b) => a.matmul(b), [randomTensor([m, k], seed), randomTensor([k, n], seed + 1)]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("gradcheck helper itself", () => {
  it("catches a wrong gradient", () => {
    // x·x with one factor detached: the true derivative is 2x, backward gives x.
    expect(() => gradcheck((a) => a.mul(a.detach()), [randomTensor([3], 99)])).toThrow();
  });
  it("works on a Tensor built by the constructor", () => {
    expect(
      gradcheck((a) => a.mul(2), [new Tensor(new Float64Array([1, 2]), [2], { requiresGrad: true })]),
    ).toBeLessThan(1e-6);
  });
});
