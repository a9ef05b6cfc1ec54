import type { Tensor } from "@neurogebra/autograd";

import { checkReduction } from "./check.js";
import type { Reduction } from "./check.js";
import { crossEntropy } from "./cross-entropy.js";
import type { LossOptions } from "./cross-entropy.js";

/**
 * PyTorch's `nn.CrossEntropyLoss` as a small object: configure the reduction once, then call
 * `forward(logits, targets)` on every batch. See {@link crossEntropy} for the math.
 *
 * @example
 * ```ts
 * const [xBatch, yBatch] = [tensor([[0.5, -0.2], [0.1, 0.9]]), [0, 2]];
 * const criterion = new CrossEntropyLoss();
 * const loss = criterion.forward(model.forward(xBatch), yBatch);
 * loss.backward();
 * ```
 */
export class CrossEntropyLoss {
  readonly reduction: Reduction;

  constructor(options: LossOptions = {}) {
    this.reduction = checkReduction("CrossEntropyLoss", options.reduction);
  }

  /**
   * The loss of a batch of logits `(n, c)` against class indices.
   *
   * @example
   * ```ts
   * new CrossEntropyLoss().forward(tensor([[2, 1, 0.1]]), [0]).item(); // → 0.41703001627783354
   * ```
   */
  forward(logits: Tensor, targets: Int32Array | readonly number[]): Tensor {
    return crossEntropy(logits, targets, { reduction: this.reduction });
  }
}
