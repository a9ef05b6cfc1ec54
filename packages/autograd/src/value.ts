/**
 * A scalar that remembers how it was computed, so `backward()` can apply the chain rule.
 * (Foundation skeleton — the full engine lands with the Value issue.)
 *
 * @example
 * ```ts
 * const x = new Value(3);
 * const y = x.mul(x).add(1);
 * y.backward();
 * x.grad; // 6
 * ```
 */
export class Value {
  data: number;
  grad = 0;
  readonly label: string;
  private readonly parents: Value[];
  private readonly backwardStep: () => void;

  constructor(data: number, label = "", parents: Value[] = [], backwardStep: () => void = () => {}) {
    this.data = data;
    this.label = label;
    this.parents = parents;
    this.backwardStep = backwardStep;
  }

  /** `this + other`. */
  add(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    const out: Value = new Value(this.data + o.data, "", [this, o], () => {
      this.grad += out.grad;
      o.grad += out.grad;
    });
    return out;
  }

  /** `this * other`. */
  mul(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    const out: Value = new Value(this.data * o.data, "", [this, o], () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    });
    return out;
  }

  /** Accumulate d(this)/d(node) into every node's `grad`. */
  backward(): void {
    const order: Value[] = [];
    const seen = new Set<Value>();
    const stack: [Value, boolean][] = [[this, false]];
    while (stack.length > 0) {
      const [node, expanded] = stack.pop()!;
      if (expanded) {
        order.push(node);
        continue;
      }
      if (seen.has(node)) continue;
      seen.add(node);
      stack.push([node, true]);
      for (const p of node.parents) stack.push([p, false]);
    }
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i]!.backwardStep();
  }
}
