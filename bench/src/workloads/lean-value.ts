/**
 * The leanest engine that still makes one JavaScript object per scalar op: a micrograd-style `Value`
 * with no operand checks, no anomaly or no-grad mode, no marks and no graph reuse. It is here to be
 * measured, not used: it shows what the object-per-node design itself costs in V8 on the tutorial's
 * workload, below which no such engine (ours included) can go.
 *
 * Its `backward()` processes every op node made since the previous `backward()`, newest first — right
 * only when those nodes form the graph being differentiated, with finite values, and differentiated
 * once (as in the training loop of `scalar-training.ts`). `@neurogebra/autograd`'s `Value` does the same
 * walk, but processes only the nodes the root reaches, recomputes intermediate gradients from 0 on every
 * call and handles graphs built across earlier `backward()` calls.
 */

const enum LeanOp {
  Leaf,
  Add,
  Sub,
  Mul,
  Div,
  Pow,
  Relu,
  Exp,
  Log,
  Neg,
}

/** The newest op node: op nodes link to the one made before them, so backward walks them newest first. */
let newest: LeanValue | null = null;

/**
 * A scalar with the tutorial's ops and nothing else (see the file comment).
 *
 * @example
 * ```ts
 * const x = new LeanValue(3);
 * const y = x.mul(x).add(1);
 * y.backward();
 * x.grad; // 6
 * ```
 */
export class LeanValue {
  // `declare`d and set in the constructor, as in `Value`: a class field would start as `undefined`, and
  // V8 would then box every double written to it anew.
  declare data: number;
  declare grad: number;
  declare readonly op: LeanOp;
  declare readonly a: LeanValue | null;
  declare readonly b: LeanValue | null;
  /** The op node made before this one, until a backward pass unlinks it. */
  declare prev: LeanValue | null;

  constructor(data: number, op = LeanOp.Leaf, a: LeanValue | null = null, b: LeanValue | null = null) {
    this.data = data;
    this.grad = 0;
    this.op = op;
    this.a = a;
    this.b = b;
    this.prev = op === LeanOp.Leaf ? null : chainUp(this);
  }

  add(o: LeanValue | number): LeanValue {
    const b = lean(o);
    return new LeanValue(this.data + b.data, LeanOp.Add, this, b);
  }

  sub(o: LeanValue | number): LeanValue {
    const b = lean(o);
    return new LeanValue(this.data - b.data, LeanOp.Sub, this, b);
  }

  mul(o: LeanValue | number): LeanValue {
    const b = lean(o);
    return new LeanValue(this.data * b.data, LeanOp.Mul, this, b);
  }

  div(o: LeanValue | number): LeanValue {
    const b = lean(o);
    return new LeanValue(this.data / b.data, LeanOp.Div, this, b);
  }

  pow(k: number): LeanValue {
    return new LeanValue(this.data ** k, LeanOp.Pow, this, new LeanValue(k));
  }

  relu(): LeanValue {
    return new LeanValue(this.data < 0 ? 0 : this.data, LeanOp.Relu, this);
  }

  exp(): LeanValue {
    return new LeanValue(Math.exp(this.data), LeanOp.Exp, this);
  }

  log(): LeanValue {
    return new LeanValue(Math.log(this.data), LeanOp.Log, this);
  }

  neg(): LeanValue {
    return new LeanValue(-this.data, LeanOp.Neg, this);
  }

  /** Seed this node with 1 and walk every op node made since the last backward, newest first. */
  backward(): void {
    this.grad = 1;
    let v = newest;
    newest = null;
    while (v !== null) {
      const g = v.grad;
      const a = v.a!;
      const b = v.b!;
      switch (v.op) {
        case LeanOp.Add:
          a.grad += g;
          b.grad += g;
          break;
        case LeanOp.Sub:
          a.grad += g;
          b.grad -= g;
          break;
        case LeanOp.Mul:
          a.grad += b.data * g;
          b.grad += a.data * g;
          break;
        case LeanOp.Div:
          a.grad += g / b.data;
          b.grad += (-g * a.data) / (b.data * b.data);
          break;
        case LeanOp.Pow:
          a.grad += b.data * a.data ** (b.data - 1) * g;
          break;
        case LeanOp.Relu:
          a.grad += v.data > 0 ? g : 0;
          break;
        case LeanOp.Exp:
          a.grad += v.data * g;
          break;
        case LeanOp.Log:
          a.grad += (1 / a.data) * g; // as Value writes it, so both engines give the same bits
          break;
        case LeanOp.Neg:
          a.grad -= g;
          break;
        case LeanOp.Leaf:
          break;
      }
      const previous: LeanValue | null = v.prev;
      v.prev = null;
      v = previous;
    }
  }
}

/** Make `v` the newest op node; returns the one before it. */
function chainUp(v: LeanValue): LeanValue | null {
  const previous = newest;
  newest = v;
  return previous;
}

function lean(o: LeanValue | number): LeanValue {
  return typeof o === "number" ? new LeanValue(o) : o;
}
