import { describe, expect, it } from "vitest";

import { pythonTranscript } from "../../test/python-reference.js";
import { stepContext } from "../../test/step-context.js";
import { softmaxStep } from "./step-3-softmax-cross-entropy.js";
import { runStep } from "./tutorial-step.js";

describe("Step 3: softmax and cross-entropy", () => {
  it("gives the Python run's probabilities and loss, equal to the closed form and the framework's", async () => {
    const { context, lines } = stepContext();
    await runStep(softmaxStep, context);
    const demo = context.results.softmax!;

    // The transcript's "Probabilities: [0.659, 0.242, 0.099]  Loss: 0.4170".
    const python = pythonTranscript.find((line) => line.startsWith("Probabilities: "))!;
    const [probabilities, loss] = python.split("  Loss: ");
    expect(lines).toContain(probabilities);
    expect(lines).toContain(`Loss (target=class 0): ${loss}`);

    const exps = [2.0, 1.0, 0.1].map(Math.exp);
    const total = exps.reduce((a, b) => a + b, 0);
    demo.probabilities.forEach((p, i) => expect(p).toBeCloseTo(exps[i]! / total, 15));
    expect(demo.loss).toBeCloseTo(-Math.log(exps[0]! / total), 15);
    expect(Math.abs(demo.frameworkLoss - demo.loss)).toBeLessThan(1e-12);
  });
});
