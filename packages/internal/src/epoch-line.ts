/*
 * The tutorial's epoch line and its printing rule, shared by the CLI tutorial and the playground (both
 * printed the same line from copies of these helpers).
 */
import { formatFixed, formatPercent } from "./python-format.js";

/** Loss and accuracy of every epoch, as the tutorial's `history` dict keeps them. */
export interface TrainingHistory {
  loss: number[];
  accuracy: number[];
}

/**
 * The tutorial's epoch line, `f"  Epoch {epoch:>3d}/{epochs}: Loss = {epoch_loss:.4f}, Accuracy = {accuracy:.1%}"`.
 *
 * @example
 * ```ts
 * formatEpochLine(0, 30, 15.3785, 111 / 240); // "  Epoch   0/30: Loss = 15.3785, Accuracy = 46.2%"
 * ```
 */
export function formatEpochLine(epoch: number, epochs: number, loss: number, accuracy: number): string {
  return `  Epoch ${String(epoch).padStart(3)}/${epochs}: Loss = ${formatFixed(loss, 4)}, Accuracy = ${formatPercent(accuracy, 1)}`;
}

/**
 * The tutorial prints every fifth epoch and the last one.
 *
 * @example
 * ```ts
 * isPrintedEpoch(29, 30); // true
 * ```
 */
export function isPrintedEpoch(epoch: number, epochs: number): boolean {
  return epoch % 5 === 0 || epoch === epochs - 1;
}

/**
 * The first epoch whose loss is NaN or ±Infinity (the training diverged), or `null`.
 *
 * @example
 * ```ts
 * divergedEpoch({ loss: [2.1, NaN, NaN], accuracy: [0.4, 0.3, 0.3] }); // 1
 * ```
 */
export function divergedEpoch(history: TrainingHistory): number | null {
  const epoch = history.loss.findIndex((loss) => !Number.isFinite(loss));
  return epoch === -1 ? null : epoch;
}

/**
 * An accuracy as the tutorial prints it (`f"{acc:.1%}"`), e.g. `93.3%`; a dash when there is none.
 *
 * @example
 * ```ts
 * accuracyText(NaN); // "—"
 * ```
 */
export function accuracyText(accuracy: number): string {
  return Number.isFinite(accuracy) ? formatPercent(accuracy, 1) : "—";
}
