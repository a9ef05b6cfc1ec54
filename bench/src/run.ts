import { Value } from "@neurogebra/autograd";

// Placeholder until the benchmark issue: times one tiny graph so the command exists and runs.
const start = performance.now();
let x = new Value(1);
for (let i = 0; i < 10_000; i++) x = x.mul(1.0001).add(0);
x.backward();
const ms = performance.now() - start;
console.log(`bench placeholder: 20,000-node chain forward+backward in ${ms.toFixed(2)} ms`);
