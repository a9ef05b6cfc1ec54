/**
 * `sum` and `dot`: many-term sums as one `Value` node — a neuron's `b + w·x` without the 2n intermediate
 * nodes of `mul`/`add` — each forward beside its backward step, like the ops in `value.ts`.
 */
import { Op, Value, node } from "./value.js";
import { operand, operands } from "./value-arguments.js";

/**
 * `start + values[0] + values[1] + …` as one node, summed left to right like Python's `sum(values, start)`
 * (so `sum(products, bias)` gives the tutorial's neuron value to the last bit). Numbers are allowed and
 * become constants. With no values, returns `start` itself (a `Value`) or a new constant.
 *
 * @param values - the terms, `Value`s or numbers.
 * @param start - the first term (default 0), e.g. the bias.
 * @throws TypeError if a term or `start` is neither a `Value` nor a number.
 * @example
 * ```ts
 * const b = new Value(0.5);
 * sum([new Value(1), new Value(2)], b).data; // → 3.5
 * ```
 */
export function sum(values: Iterable<Value | number>, start?: Value | number): Value {
  const terms = operands(values, "sum", "values");
  const first = start === undefined ? null : operand(start, "sum", "start");
  if (terms.length === 0) return first ?? new Value(0);
  let acc = first === null ? 0 : first.data;
  for (let i = 0; i < terms.length; i++) acc += terms[i]!.data;
  return node(acc, Op.sum, first, terms);
}

// sum: out = start + v0 + v1 + …;  every term gets g
export function sumBackward(out: Value, g: number): void {
  const terms = out._b as readonly Value[];
  for (let i = terms.length - 1; i >= 0; i--) terms[i]!.grad += g;
  if (out._a !== null) out._a.grad += g;
}

/**
 * `bias + ws[0]·xs[0] + ws[1]·xs[1] + …` as one node — a neuron's pre-activation without the 2n
 * intermediate nodes of `mul`/`add`. Accumulates left to right starting from the bias, exactly as the
 * tutorial's `sum((wi * xi for …), self.b)`, so values and gradients equal the add/mul chain bit for bit.
 *
 * @param ws - weights (`Value`s or numbers).
 * @param xs - inputs, same length as `ws`.
 * @param bias - the starting term, default 0.
 * @throws RangeError if `ws` and `xs` differ in length; TypeError for a non-Value, non-number element.
 * @example
 * ```ts
 * dot([new Value(2), new Value(3)], [new Value(4), new Value(5)], new Value(1)).data; // → 24
 * ```
 */
export function dot(
  ws: Iterable<Value | number>,
  xs: Iterable<Value | number>,
  bias?: Value | number,
): Value {
  const w = operands(ws, "dot", "ws");
  const x = operands(xs, "dot", "xs");
  if (w.length !== x.length) {
    throw new RangeError(
      `dot: expected ws and xs to have the same length, got ${w.length} weights and ${x.length} inputs`,
    );
  }
  const first = bias === undefined ? null : operand(bias, "dot", "bias");
  if (w.length === 0) return first ?? new Value(0);
  const wx: Value[] = new Array<Value>(2 * w.length);
  let acc = first === null ? 0 : first.data;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i]!;
    const xi = x[i]!;
    acc += wi.data * xi.data;
    wx[2 * i] = wi;
    wx[2 * i + 1] = xi;
  }
  return node(acc, Op.dot, first, wx);
}

// dot: out = bias + w0·x0 + w1·x1 + …;  wi gets xi · g, xi gets wi · g. In the order of Python's add
// chain `sum((w*x for …), b)`: the last product first, the bias just before the first product.
export function dotBackward(out: Value, g: number): void {
  const wx = out._b as readonly Value[];
  for (let i = wx.length - 2; i >= 0; i -= 2) {
    if (i === 0 && out._a !== null) out._a.grad += g;
    const w = wx[i]!;
    const x = wx[i + 1]!;
    w.grad += x.data * g;
    x.grad += w.data * g;
  }
}
