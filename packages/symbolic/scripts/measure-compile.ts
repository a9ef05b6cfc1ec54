/**
 * Measures interpreted `evaluate`, `compile` and a hand-written function on GELU's derivative.
 * A measurement to quote in the README, not a test:
 *
 *   pnpm exec tsx scripts/measure-compile.ts
 */
import { MathForge } from "../src/index.js";

const gelu = new MathForge().get("gelu");
const grad = gelu.gradient("x").symbolicExpr;
const n = 200_000;
const xs = Float64Array.from({ length: n }, (_, i) => -4 + (8 * i) / n);

function time(label: string, run: () => number): number {
  run(); // warm up
  const t0 = performance.now();
  const checksum = run();
  const ms = performance.now() - t0;
  console.log(
    `${label.padEnd(9)} ${((ms / n) * 1e6).toFixed(0).padStart(6)} ns/call   (checksum ${checksum.toFixed(6)})`,
  );
  return ms;
}

const interpreted = time("evaluate", () => {
  let s = 0;
  for (const x of xs) s += grad.evaluate({ x });
  return s;
});

const f = grad.compile(["x"]);
const compiled = time("compile", () => {
  let s = 0;
  for (const x of xs) s += f(x);
  return s;
});

// The same derivative written by hand, for scale.
const c = Math.sqrt(2 / Math.PI);
time("by hand", () => {
  let s = 0;
  for (const x of xs) {
    const t = Math.tanh(c * (0.044715 * x ** 3 + x));
    s += 0.5 * c * x * (1 - t * t) * (0.134145 * x * x + 1) + 0.5 * t + 0.5;
  }
  return s;
});

const t0 = performance.now();
const again = grad.compile(["x"]);
const lookup = (performance.now() - t0) * 1000;
console.log(
  `compile() again: ${again === f ? "same function (cached)" : "NEW function"} in ${lookup.toFixed(1)} µs; ` +
    `compile vs evaluate: ${(interpreted / compiled).toFixed(0)}× faster`,
);
