import type { ReportFormula } from "./report/report-html.js";

/** What report.html explains beside each step's output: a few sentences and the formulas. */
export interface StepNotes {
  paragraphs: readonly string[];
  formulas: readonly ReportFormula[];
}

/** The notes of each step, keyed by section id. */
export const stepNotes: Readonly<Record<string, StepNotes>> = {
  "step-1": {
    paragraphs: [
      "Three intertwined spirals: a linear model draws straight lines and cannot separate them, so a " +
        "network with non-linear activations has to. 80 % of the points train, 20 % test.",
    ],
    formulas: [
      {
        latex:
          "r_i = \\frac{i}{n-1},\\qquad \\theta_i = 4k + \\frac{4i}{n-1} + \\sigma\\,\\varepsilon_i,\\quad \\varepsilon_i \\sim N(0, 1)",
        caption: "point i of spiral k (NumPy's linspace and randn, in class order)",
      },
      { latex: "\\mathbf{x}_i = (r_i \\sin\\theta_i,\\; r_i \\cos\\theta_i)" },
    ],
  },
  "step-2": {
    paragraphs: [
      "Both networks are 2 → 16 → 16 → 3 with ReLU between the layers. From scratch, every weight is " +
        "its own `Value` and a neuron adds up its products one by one; the framework keeps each " +
        "layer's weights in one `Tensor` and multiplies whole batches at once.",
    ],
    formulas: [
      { latex: "y = \\operatorname{ReLU}\\Big(b + \\sum_{j=1}^{n} w_j x_j\\Big)", caption: "one neuron" },
      {
        latex:
          "w_j \\sim U\\!\\left(-\\sqrt{\\tfrac{6}{n_\\text{in}+1}},\\ \\sqrt{\\tfrac{6}{n_\\text{in}+1}}\\right),\\; b = 0 " +
          "\\qquad W, b \\sim U\\!\\left(-\\tfrac{1}{\\sqrt{n_\\text{in}}},\\ \\tfrac{1}{\\sqrt{n_\\text{in}}}\\right)",
        caption:
          "initialisation: the tutorial's Xavier-style (from scratch) and PyTorch's Linear default (framework)",
      },
      { latex: "(2\\cdot16+16) + (16\\cdot16+16) + (16\\cdot3+3) = 371", caption: "parameters" },
    ],
  },
  "step-3": {
    paragraphs: [
      "Softmax turns the three raw scores into probabilities; cross-entropy is minus the log of the " +
        "probability given to the right class. Subtracting the largest score first keeps `exp` from " +
        "overflowing and does not change the result.",
    ],
    formulas: [
      { latex: "p_i = \\frac{e^{s_i - \\max_k s_k}}{\\sum_j e^{s_j - \\max_k s_k}}", caption: "softmax" },
      {
        latex: "L = -\\log p_y,\\qquad \\frac{\\partial L}{\\partial s_i} = p_i - [i = y]",
        caption: "cross-entropy and its gradient",
      },
    ],
  },
  "step-4": {
    paragraphs: [
      "From scratch: each mini-batch builds one graph of `Value`s, `backward()` fills every `grad`, and " +
        "plain SGD moves each weight against its gradient. Framework: the same loop on tensors with Adam.",
    ],
    formulas: [
      {
        latex:
          "L_\\text{batch} = \\frac{1}{|B|}\\sum_{i \\in B} L_i,\\qquad \\theta \\leftarrow \\theta - \\eta\\,\\frac{\\partial L_\\text{batch}}{\\partial \\theta}",
        caption: "SGD (from scratch)",
      },
      {
        latex:
          "m_t = \\beta_1 m_{t-1} + (1-\\beta_1)\\,g_t,\\quad v_t = \\beta_2 v_{t-1} + (1-\\beta_2)\\,g_t^2,\\quad " +
          "\\theta_t = \\theta_{t-1} - \\eta\\,\\frac{m_t / (1-\\beta_1^t)}{\\sqrt{v_t / (1-\\beta_2^t)} + \\epsilon}",
        caption: "Adam (framework), β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸",
      },
    ],
  },
  "step-5": {
    paragraphs: [
      "The loss is the sum of the mini-batch losses of an epoch; accuracy is measured during the epoch.",
    ],
    formulas: [],
  },
  "step-6": {
    paragraphs: ["Accuracy on the 20 % of points neither network saw while training."],
    formulas: [{ latex: "\\text{accuracy} = \\frac{1}{n}\\sum_{i=1}^{n} [\\hat y_i = y_i]" }],
  },
  "step-7": {
    paragraphs: [
      "Every point of a 0.02 grid is classified (one batched forward pass per network); the coloured " +
        "regions are where each class wins, the dots are the test points.",
    ],
    formulas: [{ latex: "\\hat y(\\mathbf{x}) = \\arg\\max_k\\, s_k(\\mathbf{x})" }],
  },
  "step-8": {
    paragraphs: [
      "Each first-layer neuron draws one line in the plane and responds on one side of it; the next " +
        "layers combine these half-planes into the curved regions of Step 7.",
    ],
    formulas: [],
  },
  comparison: { paragraphs: [], formulas: [] },
  export: {
    paragraphs: [
      "When the spirals are done and the next model is bigger, the network moves on instead of starting " +
        "over: `@neurogebra/interop` writes its weights as safetensors under the names PyTorch's " +
        "`nn.Sequential` gives them (`0.weight` is `[out, in]`), the whole model as ONNX for ONNX Runtime, " +
        "and a Python script that rebuilds it in PyTorch and trains on — on several processes with " +
        "`DistributedDataParallel` under `torchrun` — then writes the weights back as safetensors.",
    ],
    formulas: [],
  },
};
