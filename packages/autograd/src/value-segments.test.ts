import { describe, expect, it } from "vitest";

import { segmentCapacity } from "./creation-chain.js";
import { Value } from "./value.js";

// Its own file, so the module's segment size starts from its initial value (other tests change it).

/** `start + step + step + …` (n additions): d/dstep = n, d/dstart = 1. */
function addChain(n: number, start: Value, step: Value): { first: Value; root: Value } {
  const first = start.add(step);
  let root = first;
  for (let i = 1; i < n; i++) root = root.add(step);
  return { first, root };
}

describe("Value creation-chain segments", () => {
  const initial = segmentCapacity();

  it("grow to fit a graph that did not fit, so the next such graph takes the walk, not the sort", () => {
    const n = initial + 20_000; // one graph larger than a segment
    const start = new Value(1);
    const step = new Value(0.5);

    const one = addChain(n, start, step);
    expect(one.first._prev).toBeNull(); // the segment filled up and was cut while the graph was built
    one.root.backward();
    expect([start.grad, step.grad]).toEqual([1, n]); // the sorting path, exact
    const grown = segmentCapacity();
    expect(grown).toBeGreaterThanOrEqual(2 * n);

    start.grad = 0;
    step.grad = 0;
    const two = addChain(n, start, step);
    expect(two.first._prev).not.toBeNull(); // the whole graph is in the current segment
    two.root.backward();
    expect([start.grad, step.grad]).toEqual([1, n]);
    expect(segmentCapacity()).toBe(grown); // no further growth for a graph that fits
  });

  it("shrink back when forward passes alone fill them, so dropped graphs are not kept alive", () => {
    const grown = segmentCapacity();
    expect(grown).toBeGreaterThan(2 * initial); // grown by the test above
    const x = new Value(2);
    const forward = (nodes: number) => {
      for (let i = 0; i < nodes; i++) x.mul(3); // results dropped: forward only, no backward
    };
    forward(grown + 1); // one full segment: kept as it is, it may be the start of a big graph
    expect(segmentCapacity()).toBe(grown);
    new Value(1).mul(2).backward(); // a backward in between forgets it
    forward(grown + 1);
    expect(segmentCapacity()).toBe(grown);
    forward(grown); // a second full segment with no backward in between
    expect(segmentCapacity()).toBe(grown / 2);
    forward(8 * grown); // keeps halving, down to the initial size
    expect(segmentCapacity()).toBe(initial);
  });
});
